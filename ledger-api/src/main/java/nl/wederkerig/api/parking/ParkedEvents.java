package nl.wederkerig.api.parking;

import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.ApplicationService;
import nl.wederkerig.api.platform.security.Access;
import nl.wederkerig.api.platform.web.problems.NotFound;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.projections.ReadModelCatalog;
import nl.wederkerig.projections.readmodels.ReadModel;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The parked events of a community's read models, for its coordinator (or the installation's
 * administrator): what is parked and why, and a retry once the cause is fixed. A retry hands each
 * parked sequence to Axon's dead-letter processor, which applies its events in order with the
 * same handlers as the live processor; a sequence refused again stays parked with the new reason.
 *
 * <p>A community sees only its own: an event belongs to the community its payload names. An event
 * that names none is shown to the installation's administrator only.
 */
@ApplicationService
public class ParkedEvents {

    /** Most parked sequences listed (and retried by one request) per read model; the rest wait for the next. */
    public static final int MAX_LISTED = 100;

    private final EventProcessingConfiguration processing;
    private final Access access;

    ParkedEvents(EventProcessingConfiguration processing, Access access) {
        this.processing = processing;
        this.access = access;
    }

    /** Every parked sequence of the community, read model by read model. */
    public ParkedEventsReport list(Login me, CommunityId community) {
        access.requireCoordinatorOrSystemAdmin(me, community);
        return report(me, community);
    }

    /**
     * Retries the community's parked sequences: all of them, those of one read model
     * ({@code processor}, its processing group), or one sequence of it ({@code sequence}). An
     * unknown processor, or a sequence not parked for this community, is not found.
     */
    public synchronized RetryReport retry(Login me, CommunityId community, String processor, String sequence) {
        access.requireCoordinatorOrSystemAdmin(me, community);
        if (sequence != null && processor == null) {
            throw new IllegalArgumentException("a sequence is retried within its read model: name the processor too");
        }
        List<ReadModel> models = processor == null ? ReadModelCatalog.all() : List.of(model(processor));
        int applied = 0;
        int refused = 0;
        boolean found = false;
        for (ReadModel model : models) {
            SequencedDeadLetterProcessor<EventMessage<?>> retrying = processing
                    .sequencedDeadLetterProcessor(model.processingGroup()).orElseThrow();
            for (ParkedSequence parked : visible(me, community, model)) {
                if (sequence != null && !sequence.equals(parked.sequence())) {
                    continue;
                }
                found = true;
                boolean done = retrying.process(letter -> parked.sequence().equals(sequenceOf(letter)));
                if (done) {
                    applied++;
                } else {
                    refused++;
                }
            }
        }
        if (sequence != null && !found) {
            throw new NotFound("no parked sequence " + sequence + " in " + processor);
        }
        return new RetryReport(applied, refused, report(me, community).parkedEvents());
    }

    private ParkedEventsReport report(Login me, CommunityId community) {
        List<ParkedSequence> sequences = new ArrayList<>();
        boolean more = false;
        for (ReadModel model : ReadModelCatalog.all()) {
            List<ParkedSequence> ofModel = visible(me, community, model);
            more |= ofModel.size() > MAX_LISTED;
            sequences.addAll(ofModel.subList(0, Math.min(MAX_LISTED, ofModel.size())));
        }
        long total = sequences.stream().mapToLong(ParkedSequence::parkedEvents).sum();
        return new ParkedEventsReport(total, List.copyOf(sequences), more);
    }

    /** The model's parked sequences this member may see, at most one more than {@link #MAX_LISTED}. */
    private List<ParkedSequence> visible(Login me, CommunityId community, ReadModel model) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(model.processingGroup()).orElseThrow();
        List<ParkedSequence> found = new ArrayList<>();
        if (queue.size() == 0) {
            return found;
        }
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            Iterator<DeadLetter<? extends EventMessage<?>>> letters = sequence.iterator();
            if (!letters.hasNext()) {
                continue;
            }
            DeadLetter<? extends EventMessage<?>> first = letters.next();
            if (!maySee(me, community, first.message())) {
                continue;
            }
            found.add(parked(model, first, queue.sequenceSize(sequenceOf(first))));
            if (found.size() > MAX_LISTED) {
                break;
            }
        }
        return found;
    }

    private static ParkedSequence parked(ReadModel model, DeadLetter<? extends EventMessage<?>> first, long count) {
        EventMessage<?> event = first.message();
        long index = event instanceof TrackedEventMessage<?> tracked
                ? tracked.trackingToken().position().orElse(-1L) : -1L;
        String reason = first.cause().map(Cause::message).orElse("");
        return new ParkedSequence(model.name(), model.processingGroup(), sequenceOf(first),
                event.getPayloadType().getSimpleName(), index, event.getTimestamp(), first.enqueuedAt(), reason, count);
    }

    /** The sequence a letter is parked under: its aggregate, as the processors' sequencing policy says. */
    static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        if (letter instanceof JdbcDeadLetter<?> stored) {
            return stored.getSequenceIdentifier();
        }
        return letter.message() instanceof DomainEventMessage<?> domain
                ? domain.getAggregateIdentifier() : letter.message().getIdentifier();
    }

    /** Whether the event is the community's; one naming no community is for the installation's administrator. */
    private static boolean maySee(Login me, CommunityId community, EventMessage<?> event) {
        CommunityId named = communityOf(event.getPayload());
        return named == null ? me.systemAdmin() : named.equals(community);
    }

    /** The community an event's payload names (every domain event has {@code communityId()}); null if none. */
    static CommunityId communityOf(Object payload) {
        if (payload == null) {
            return null;
        }
        try {
            Method accessor = payload.getClass().getMethod("communityId");
            return accessor.getReturnType() == CommunityId.class ? (CommunityId) accessor.invoke(payload) : null;
        } catch (ReflectiveOperationException | RuntimeException none) {
            return null;
        }
    }

    private ReadModel model(String processor) {
        return ReadModelCatalog.all().stream().filter(model -> model.processingGroup().equals(processor)).findFirst()
                .orElseThrow(() -> new NotFound("no read model " + processor));
    }
}

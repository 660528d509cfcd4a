package nl.wederkerig.core.advances;

import nl.wederkerig.core.community.AdvanceLimit;
import nl.wederkerig.core.community.Community;
import nl.wederkerig.core.community.UnknownCommunity;
import nl.wederkerig.core.shared.Money;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Enforces the community's limit on open advances, strongly consistently. Registered by the
 * application as a handler interceptor on the command bus: for every {@link MakeAdvance} it
 * lets {@link Advance} handle the command as always, then admits the advance into the
 * borrower's {@link AdvanceBook} <em>in the same unit of work</em>. If either refuses, the unit of work rolls
 * back and neither records anything; the book's aggregate lock serialises two advances to one borrower.
 *
 * <p>The limit comes from the {@link Community} aggregate and each listed advance's outstanding
 * amount from that advance's own stream, so nothing here reads an eventually consistent view.
 */
public final class AdvanceLimitGuard implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final Repository<Community> communities;
    private final Repository<AdvanceBook> books;
    private final Repository<Advance> advances;
    private final Clock clock;

    public AdvanceLimitGuard(Repository<Community> communities, Repository<AdvanceBook> books,
                             Repository<Advance> advances, Clock clock) {
        this.communities = Objects.requireNonNull(communities);
        this.books = Objects.requireNonNull(books);
        this.advances = Objects.requireNonNull(advances);
        this.clock = Objects.requireNonNull(clock);
    }

    // The advance answers first, the book after: an advance id that is taken is refused by the
    // advance before anything else is read, with the same answer whatever the body names. Admitted
    // first, the book of the borrower named would answer a taken id differently depending on whether
    // that borrower's book holds it: a way to find out who borrowed in someone else's advance.
    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object answer = chain.proceed();
        if (unitOfWork.getMessage().getPayload() instanceof MakeAdvance command) {
            admit(command);
        }
        return answer;
    }

    private void admit(MakeAdvance command) throws Exception {
        Objects.requireNonNull(command.communityId(), "community is missing");
        Objects.requireNonNull(command.borrower(), "borrower is missing");
        AdvanceLimit limit = limitOf(command);
        AdvanceBookId bookId = new AdvanceBookId(command.communityId(), command.borrower());
        Aggregate<AdvanceBook> book = books.loadOrCreate(bookId.toString(), AdvanceBook::new);
        Map<AdvanceId, Money> outstanding = outstandingOf(book.invoke(AdvanceBook::openAdvances), command.advanceId());
        AdmitAdvance admit = new AdmitAdvance(bookId, command.advanceId(), command.amount(), limit, outstanding,
                command.businessDate(), command.actor());
        book.execute(b -> b.handle(admit, clock));
    }

    private AdvanceLimit limitOf(MakeAdvance command) {
        try {
            return communities.load(command.communityId().value()).invoke(Community::advanceLimit);
        } catch (AggregateNotFoundException unknown) {
            throw new UnknownCommunity(command.communityId());
        }
    }

    private Map<AdvanceId, Money> outstandingOf(Set<AdvanceId> open, AdvanceId making) {
        Map<AdvanceId, Money> outstanding = new HashMap<>();
        for (AdvanceId id : open) {
            if (!id.equals(making)) {
                outstanding.put(id, advances.load(id.value()).invoke(Advance::outstandingNow));
            }
        }
        return outstanding;
    }
}

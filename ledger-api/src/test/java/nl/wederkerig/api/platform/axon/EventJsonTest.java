package nl.wederkerig.api.platform.axon;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import nl.wederkerig.core.community.Role;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ClaimPaid;
import nl.wederkerig.core.funds.FundMoneyEvent;
import nl.wederkerig.core.reciprocity.HoursDrawn;
import nl.wederkerig.core.reciprocity.ReciprocityEntry;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.shared.SealedText;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.serialization.Serializer;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Events are a contract with the event store: what was stored years ago must still read. Every
 * event type of ledger-core (found by scanning its classes, so a new one is covered without being
 * listed here) must survive a round trip through the production serializer
 * ({@link LedgerConfiguration#eventSerializer()}), and the JSON each had when it was first
 * covered is kept in {@code src/test/resources/events/<Type>.json} and must still read as the
 * same event. A changed event shape therefore fails here until an upcaster turns the old form into
 * the new one (then read the fixtures through the upcaster chain the event store uses).
 *
 * <p>A fixture is never edited. The sample values are made from each component's type and name
 * ({@link #sample}), so they must not change either; a new type of component gets a new sample.
 */
class EventJsonTest {

    static final LocalDate DAY = LocalDate.parse("2026-11-23");
    static final Instant AT = Instant.parse("2026-11-23T10:15:30Z");
    /** Where a missing fixture's JSON is written, to be reviewed and copied into the test resources. */
    static final Path CANDIDATES = Path.of("target", "event-fixtures");

    static Serializer serializer;
    static List<Class<?>> eventTypes;

    @BeforeAll
    static void scan() {
        serializer = new LedgerConfiguration().eventSerializer();
        eventTypes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.wederkerig.core").stream()
                .map(JavaClass::reflect)
                .filter(EventJsonTest::isEvent)
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .toList();
    }

    /** An event is a record of ledger-core that says when it was recorded: every fact does, nothing else. */
    static boolean isEvent(Class<?> type) {
        if (!type.isRecord()) {
            return false;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals("recordedAt") && component.getType() == Instant.class) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theScanFindsEveryEventAnAggregateIsRebuiltFrom() {
        Set<String> sourced = new TreeSet<>();
        new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.wederkerig.core").stream()
                .flatMap(type -> type.getMethods().stream())
                .filter(method -> method.isAnnotatedWith(EventSourcingHandler.class))
                .map(JavaMethod::getRawParameterTypes)
                .forEach(parameters -> sourced.add(parameters.get(0).getName()));
        assertThat(eventTypes.stream().map(Class::getName).toList()).containsAll(sourced);
        assertThat(eventTypes).hasSizeGreaterThanOrEqualTo(45);
    }

    @Test
    void everyEventSurvivesARoundTripThroughTheProductionSerializer() {
        for (Class<?> type : eventTypes) {
            Object event = sample(type, "event");
            String json = serializer.serialize(event, String.class).getData();
            assertThat((Object) read(json, type)).as(json).isEqualTo(event);
        }
    }

    @Test
    void everyEventsFirstJsonFormStillReadsAsTheSameEvent() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Class<?> type : eventTypes) {
            Object event = sample(type, "event");
            String fixture = fixture(type);
            if (fixture == null) {
                Files.createDirectories(CANDIDATES);
                Files.writeString(CANDIDATES.resolve(type.getSimpleName() + ".json"),
                        serializer.serialize(event, String.class).getData() + "\n", StandardCharsets.UTF_8);
                missing.add(type.getSimpleName());
                continue;
            }
            assertThat(readStored(fixture, type)).as("the stored form of %s", type.getSimpleName()).isEqualTo(event);
        }
        if (!missing.isEmpty()) {
            fail("no stored JSON form for " + missing + ": review " + CANDIDATES.toAbsolutePath()
                    + " and copy the files into ledger-api/src/test/resources/events/");
        }
    }

    @Test
    void moneyIdsDatesAndNestedEventsKeepTheirDocumentedShape() {
        String admitted = serializer.serialize(sample(nl.wederkerig.core.advances.AdvanceAdmitted.class, "event"), String.class)
                .getData();
        assertThat(admitted).contains("\"bookId\":\"communityid.borrower\"",
                "\"amount\":{\"amount\":\"12.50\",\"currency\":\"EUR\"}", "\"businessDate\":\"2026-11-23\"",
                "\"recordedAt\":\"2026-11-23T10:15:30Z\"");
        String reversed = serializer.serialize(sample(nl.wederkerig.core.funds.FundEntryReversed.class, "event"), String.class)
                .getData();
        assertThat(reversed).contains("\"original\":{\"type\":\"ClaimPaid\",");
    }

    static Object read(String json, Class<?> type) {
        return serializer.deserialize(new SimpleSerializedObject<>(json, String.class, type.getName(), null));
    }

    /** The upcasters of the event store, in its order: a fixture is read as the store reads an old event. */
    static final EventUpcasterChain UPCASTERS = new EventUpcasterChain(new HourValuationSetUpcaster());

    /** Reads {@code json} as first stored (no revision) through the upcaster chain, as the event store would. */
    static Object readStored(String json, Class<?> type) {
        GenericDomainEventEntry<String> stored = new GenericDomainEventEntry<>("Aggregate", "aggregate", 0L, "event", AT,
                type.getName(), null, json, "{}");
        IntermediateEventRepresentation upcast = UPCASTERS.upcast(Stream.of(new InitialEventRepresentation(stored, serializer)))
                .findFirst().orElseThrow();
        return serializer.deserialize(upcast.getData());
    }

    static String fixture(Class<?> type) throws IOException {
        try (InputStream in = EventJsonTest.class.getResourceAsStream("/events/" + type.getSimpleName() + ".json")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    /**
     * A value for a component of type {@code type} named {@code name}: ids carry the component's
     * name (so two members of one event differ and a mix-up shows), enums their first constant,
     * records are built from samples of their own components.
     */
    static Object sample(Type type, String name) {
        if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
            return List.of(sample(generic.getActualTypeArguments()[0], name));
        }
        Class<?> raw = (Class<?>) type;
        String id = name.toLowerCase(Locale.ROOT);
        if (raw == Money.class) {
            return Money.eur("12.50");
        }
        if (raw == Hours.class) {
            return Hours.ofMinutes(90);
        }
        if (raw == LocalDate.class) {
            return DAY;
        }
        if (raw == Instant.class) {
            return AT;
        }
        if (raw == int.class || raw == Integer.class) {
            return 3;
        }
        if (raw == long.class || raw == Long.class) {
            return 3L;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw == nl.wederkerig.core.shared.Iban.class) {
            return nl.wederkerig.core.shared.Iban.parse("NL91ABNA0417164300");
        }
        if (raw == nl.wederkerig.core.reconciliation.CounterpartyKey.class) {
            return nl.wederkerig.core.reconciliation.CounterpartyKey.of("cp-0123456789abcdef01234567");
        }
        if (raw == String.class) {
            // A plain text component (a statement's content hash, a bank's own reference): any fixed value.
            return id.contains("hash") ? "0123456789abcdef".repeat(4) : "sample-" + id;
        }
        if (raw == SealedText.class) {
            return new SealedText("key-" + id, "AAECAw==");
        }
        if (raw == nl.wederkerig.core.shared.Iban.class) {
            return nl.wederkerig.core.shared.Iban.parse("NL91ABNA0417164300");
        }
        if (raw == nl.wederkerig.core.reconciliation.CounterpartyKey.class) {
            return nl.wederkerig.core.reconciliation.CounterpartyKey.of("cp-0123456789abcdef01234567");
        }
        if (raw == String.class && id.equals("contenthash")) {
            return "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        }
        if (raw == Role.class) {
            return Role.treasurerOf(InitiativeId.of("initiative"));
        }
        if (raw == FundMoneyEvent.class) {
            return new ClaimPaid(InitiativeId.of("initiative"), CommunityId.of("community"), CommandId.of("paid"),
                    ClaimId.of("claim"), MemberId.of("claimant"), MemberId.of("approver"), Money.eur("12.50"), Channel.BANK,
                    DAY, MemberId.of("payer"), AT);
        }
        if (raw == ReciprocityEntry.class) {
            return new HoursDrawn(PartnerId.of("partner"), CommunityId.of("community"), CommandId.of("drawn"),
                    InitiativeId.of("initiative"), Hours.ofMinutes(90), DAY, MemberId.of("recorder"), AT);
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        Object typedId = typedId(raw, id);
        if (typedId != null) {
            return typedId;
        }
        if (raw.isRecord()) {
            return record(raw);
        }
        throw new IllegalStateException("no sample for " + raw.getName() + " (component " + name + "): add one here");
    }

    /** Ids and other single-string values made by {@code of(String)}. */
    private static Object typedId(Class<?> type, String value) {
        try {
            return type.getMethod("of", String.class).invoke(null, value);
        } catch (NoSuchMethodException notAnId) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object record(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = sample(components[i].getGenericType(), components[i].getName());
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a sample " + type.getName(), e);
        }
    }
}

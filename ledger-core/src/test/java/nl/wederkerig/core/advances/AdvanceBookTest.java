package nl.wederkerig.core.advances;

import nl.wederkerig.core.community.AdvanceLimit;

import nl.wederkerig.core.shared.AmountNotPositive;
import nl.wederkerig.core.shared.CommandIdReused;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static nl.wederkerig.core.TestTime.CLOCK;
import static nl.wederkerig.core.TestTime.NOW;
import static nl.wederkerig.core.TestTime.TODAY;

class AdvanceBookTest {

    static final CommunityId WEST = CommunityId.of("rotterdam-west");
    static final MemberId AMINA = MemberId.of("amina");
    static final MemberId BRAM = MemberId.of("bram");
    static final AdvanceBookId BOOK = new AdvanceBookId(WEST, BRAM);
    static final AdvanceId A1 = AdvanceId.of("adv-1");
    static final AdvanceId A2 = AdvanceId.of("adv-2");
    static final AdvanceId A3 = AdvanceId.of("adv-3");
    static final AdvanceLimit TWO_OR_100 = new AdvanceLimit(2, Money.eur("100.00"));

    FixtureConfiguration<AdvanceBook> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AdvanceBook.class);
        fixture.registerInjectableResource(CLOCK);
    }

    static AdmitAdvance admit(AdvanceId id, String amount, Map<AdvanceId, Money> now) {
        return new AdmitAdvance(BOOK, id, Money.eur(amount), TWO_OR_100, now, TODAY, AMINA);
    }

    static AdvanceAdmitted admitted(AdvanceId id, String amount, int count, String total) {
        return new AdvanceAdmitted(BOOK, WEST, BRAM, id, Money.eur(amount), count, Money.eur(total), TODAY, AMINA, NOW);
    }

    @Test
    void admitsTheFirstAdvance() {
        fixture.givenNoPriorActivity().when(admit(A1, "40.00", Map.of()))
                .expectEvents(admitted(A1, "40.00", 1, "40.00"));
    }

    @Test
    void countsWhatOpenAdvancesOweNow() {
        fixture.given(admitted(A1, "80.00", 1, "80.00"))
                .when(admit(A2, "50.00", Map.of(A1, Money.eur("30.00"))))
                .expectEvents(admitted(A2, "50.00", 2, "80.00"));
    }

    @Test
    void rejectsPassingTheTotal() {
        fixture.given(admitted(A1, "80.00", 1, "80.00"))
                .when(admit(A2, "20.01", Map.of(A1, Money.eur("80.00"))))
                .expectException(AdvanceLimitExceeded.class).expectNoEvents();
    }

    @Test
    void rejectsPassingTheCount() {
        fixture.given(admitted(A1, "10.00", 1, "10.00"), admitted(A2, "10.00", 2, "20.00"))
                .when(admit(A3, "10.00", Map.of(A1, Money.eur("10.00"), A2, Money.eur("10.00"))))
                .expectException(AdvanceLimitExceeded.class).expectNoEvents();
    }

    @Test
    void assumesAnAdvanceItWasNotToldAboutStillOwesAll() {
        fixture.given(admitted(A1, "90.00", 1, "90.00"))
                .when(admit(A2, "20.00", Map.of()))
                .expectException(AdvanceLimitExceeded.class).expectNoEvents();
    }

    @Test
    void releasesClosedAdvancesThenAdmits() {
        fixture.given(admitted(A1, "10.00", 1, "10.00"), admitted(A2, "90.00", 2, "100.00"))
                .when(admit(A3, "100.00", Map.of(A1, Money.eur("10.00"), A2, Money.eur("0.00"))))
                .expectException(AdvanceLimitExceeded.class).expectNoEvents();
        fixture.given(admitted(A1, "10.00", 1, "10.00"), admitted(A2, "90.00", 2, "100.00"))
                .when(admit(A3, "90.00", Map.of(A1, Money.eur("10.00"), A2, Money.eur("0.00"))))
                .expectEvents(new AdvanceReleased(BOOK, WEST, BRAM, A2, TODAY, AMINA, NOW),
                        admitted(A3, "90.00", 2, "100.00"));
    }

    @Test
    void noLimitStillHasAHardCap() {
        fixture.givenNoPriorActivity()
                .when(new AdmitAdvance(BOOK, A1, Money.eur("5000.00"), AdvanceLimit.NONE, Map.of(), TODAY, AMINA))
                .expectEvents(admitted(A1, "5000.00", 1, "5000.00"));
    }

    @Test
    void aRetryChangesNothingAndAMismatchIsRejected() {
        fixture.given(admitted(A1, "40.00", 1, "40.00")).when(admit(A1, "40.00", Map.of()))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(admitted(A1, "40.00", 1, "40.00")).when(admit(A1, "41.00", Map.of()))
                .expectException(CommandIdReused.class).expectNoEvents();
    }

    @Test
    void rejectsAZeroAmountAndAnotherCurrency() {
        fixture.givenNoPriorActivity().when(admit(A1, "0.00", Map.of()))
                .expectException(AmountNotPositive.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new AdmitAdvance(BOOK, A1, Money.ofCents(100, java.util.Currency.getInstance("USD")),
                        TWO_OR_100, Map.of(), TODAY, AMINA))
                .expectException(UnsupportedCurrency.class).expectNoEvents();
    }
}

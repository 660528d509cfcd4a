package nl.wederkerig.projections.trust;

import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.errands.ErrandChangeReturned;
import nl.wederkerig.core.errands.ErrandOverspent;
import nl.wederkerig.core.errands.ErrandSpendingReported;
import nl.wederkerig.core.errands.ErrandStarted;
import nl.wederkerig.core.errands.ErrandStatus;
import nl.wederkerig.core.help.HelpConfirmed;
import nl.wederkerig.core.help.HelpDisputeReason;
import nl.wederkerig.core.help.HelpDisputed;
import nl.wederkerig.core.help.HelpId;
import nl.wederkerig.core.help.HelpKind;
import nl.wederkerig.core.help.HelpRecorded;
import nl.wederkerig.core.help.HelpStatus;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ReceiptReference;
import nl.wederkerig.projections.support.GivenEvents;
import nl.wederkerig.projections.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each errand and record of help as it stands, looked up by its id. */
class NeighbourActivityTest {

    static final CommunityId WEST = CommunityId.of("rotterdam-west");
    static final CommunityId NORTH = CommunityId.of("rotterdam-noord");
    static final MemberId ASKER = MemberId.of("bram");
    static final MemberId HELPER = MemberId.of("amina");
    static final ErrandId ERRAND = ErrandId.of("errand-1");
    static final HelpId HELP = HelpId.of("help-1");
    static final LocalDate DAY = LocalDate.parse("2026-11-02");
    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    static final ReceiptReference BON = ReceiptReference.of("AH-0042");

    NeighbourActivity activity;
    GivenEvents given;

    @BeforeEach
    void setUp() {
        activity = new NeighbourActivity(ReadModelDatabase.fresh());
        given = GivenEvents.into(activity);
    }

    static ErrandStarted started(String entrusted) {
        return new ErrandStarted(ERRAND, WEST, ASKER, HELPER, Money.eur(entrusted), Purpose.GROCERIES, DAY, ASKER, AT);
    }

    static ErrandSpendingReported reported(String spent, String settled, String change) {
        return new ErrandSpendingReported(ERRAND, WEST, CommandId.of("c-1"), ASKER, HELPER, Money.eur(spent), Money.eur(settled),
                Money.eur(change), BON, DAY.plusDays(1), HELPER, AT);
    }

    @Test
    void aStartedErrandShowsTheHelperHoldingAllTheEntrustedCash() {
        given.given(started("50.00"));

        assertThat(activity.errand(WEST, ERRAND)).contains(new ErrandView(ERRAND, ASKER, HELPER, Purpose.GROCERIES,
                ErrandStatus.STARTED, DAY, Money.eur("50.00"), Money.eur("50.00"), null, null, null, null, null, null, null, null));
    }

    @Test
    void afterTheSpendingTheHelperHoldsOnlyTheChangeAndAfterHandingItBackNothing() {
        given.given(started("50.00"), reported("43.20", "43.20", "6.80"));
        ErrandView reportedView = activity.errand(WEST, ERRAND).orElseThrow();
        assertThat(reportedView.status()).isEqualTo(ErrandStatus.CHANGE_DUE);
        assertThat(reportedView.heldByHelper()).isEqualTo(Money.eur("6.80"));
        assertThat(reportedView.spent()).isEqualTo(Money.eur("43.20"));
        assertThat(reportedView.receipt()).isEqualTo(BON);
        assertThat(reportedView.changeDue()).isEqualTo(Money.eur("6.80"));
        assertThat(reportedView.finishedOn()).isNull();

        given.given(new ErrandChangeReturned(ERRAND, WEST, CommandId.of("c-2"), ASKER, HELPER, Money.eur("6.80"), DAY.plusDays(2),
                HELPER, AT));

        ErrandView done = activity.errand(WEST, ERRAND).orElseThrow();
        assertThat(done.status()).isEqualTo(ErrandStatus.DONE);
        assertThat(done.heldByHelper()).isEqualTo(Money.eur("0.00"));
        assertThat(done.changeReturned()).isEqualTo(Money.eur("6.80"));
        assertThat(done.finishedOn()).isEqualTo(DAY.plusDays(2));
    }

    @Test
    void anOverspentErrandIsDoneAndNamesTheAdvanceItsOverspendBecame() {
        AdvanceId advance = AdvanceId.of("7c1d0f6e-over");
        given.given(started("20.00"), reported("23.50", "20.00", "0.00"),
                new ErrandOverspent(ERRAND, WEST, advance, HELPER, ASKER, Money.eur("3.50"), DAY.plusDays(1), HELPER, AT));

        ErrandView view = activity.errand(WEST, ERRAND).orElseThrow();
        assertThat(view.status()).isEqualTo(ErrandStatus.DONE);
        assertThat(view.heldByHelper()).isEqualTo(Money.eur("0.00"));
        assertThat(view.overspendAdvanceId()).isEqualTo(advance);
        assertThat(view.overspent()).isEqualTo(Money.eur("3.50"));
        assertThat(view.finishedOn()).isEqualTo(DAY.plusDays(1));
    }

    @Test
    void spendingThatDoesNotAddUpStopsTheReadModel() {
        given.given(started("50.00"));
        assertThatThrownBy(() -> given.given(reported("43.20", "43.20", "7.80"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRecordOfHelpShowsItsPartiesMinutesKindAndStatus() {
        given.given(new HelpRecorded(HELP, WEST, HELPER, ASKER, Hours.ofMinutes(140), HelpKind.CARE, null, DAY, HELPER, AT));
        assertThat(activity.help(WEST, HELP)).contains(
                new HelpView(HELP, HELPER, ASKER, 140, HelpKind.CARE, HelpStatus.RECORDED, DAY, null, null, null));

        given.given(new HelpDisputed(HELP, WEST, CommandId.of("no"), HelpDisputeReason.HOURS_WRONG, DAY.plusDays(1), ASKER, AT),
                new HelpConfirmed(HELP, WEST, CommandId.of("yes"), DAY.plusDays(3), ASKER, AT));
        assertThat(activity.help(WEST, HELP)).contains(
                new HelpView(HELP, HELPER, ASKER, 140, HelpKind.CARE, HelpStatus.CONFIRMED, DAY, DAY.plusDays(1), DAY.plusDays(3), null));
    }

    @Test
    void recordsOfAnotherCommunityOrUnknownIdsAreNotFound() {
        given.given(started("5.00"), new HelpRecorded(HELP, WEST, HELPER, ASKER, Hours.ofMinutes(30), HelpKind.CARE, null, DAY,
                HELPER, AT));
        assertThat(activity.errand(NORTH, ERRAND)).isEmpty();
        assertThat(activity.help(NORTH, HELP)).isEmpty();
        assertThat(activity.errand(WEST, ErrandId.of("nope"))).isEmpty();
        assertThat(activity.help(WEST, HelpId.of("nope"))).isEmpty();
    }

    /** Issue 12, flow 10: help recorded on the helper's behalf names who typed it. */
    @Test
    void helpRecordedOnTheHelpersBehalfKeepsWhoRecordedIt() {
        MemberId coordinator = MemberId.of("coord");
        given.given(new HelpRecorded(HELP, WEST, HELPER, ASKER, Hours.ofMinutes(60), HelpKind.CARE, null, DAY, coordinator, AT));
        assertThat(activity.help(WEST, HELP).orElseThrow().recordedBy()).isEqualTo(coordinator);
        assertThat(activity.helpOf(WEST, HELPER)).extracting(HelpView::recordedBy).containsExactly(coordinator);
    }
}

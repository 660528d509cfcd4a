package nl.wederkerig.projections.reconciliation;

import nl.wederkerig.projections.reconciliation.Matcher.Line;
import nl.wederkerig.projections.reconciliation.Matcher.Proposal;
import nl.wederkerig.projections.reconciliation.Matcher.Target;
import nl.wederkerig.projections.reconciliation.Matcher.TargetKind;
import nl.wederkerig.projections.reconciliation.Matcher.Zone;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MatcherTest {

    static final LocalDate D = LocalDate.parse("2026-10-12");

    static Target entry(String id, int daysAfter, long cents, String tag) {
        return new Target(TargetKind.ENTRY, id, D.plusDays(daysAfter), cents, id, tag);
    }

    static List<Proposal> proposalsFor(Line line, List<Target> targets) {
        return Matcher.propose(List.of(line), targets, Matcher.Counterparties.none()).get(line.lineId());
    }

    @Test
    void anExactReferenceComesFirst() {
        Line line = new Line("l1", D, -2345, "claim-17", null);
        List<Proposal> proposals = proposalsFor(line, List.of(entry("e-near", 0, -2345, "expense:FOOD"),
                new Target(TargetKind.ENTRY, "pay-17", D.plusDays(20), -2345, "claim-17", "claim:m4")));
        assertThat(proposals).extracting(p -> p.target().id()).containsExactly("pay-17", "e-near");
        assertThat(proposals.get(0).score()).isEqualTo(Matcher.EXACT);
        assertThat(proposals.get(0).zone()).isEqualTo(Zone.LIKELY);
        assertThat(proposals.get(0).exactReference()).isTrue();
        assertThat(proposals.get(1).score()).isEqualTo(Matcher.SAME_AMOUNT + 7 * Matcher.POINTS_PER_DAY);
    }

    @Test
    void aReferenceWithAnotherAmountIsOnlyPossible() {
        List<Proposal> proposals = proposalsFor(new Line("l1", D, -2000, "claim-17", null),
                List.of(new Target(TargetKind.APPROVED_CLAIM, "claim-17", D, -2345, "claim-17", "claim:m4")));
        assertThat(proposals).singleElement().satisfies(p -> {
            assertThat(p.score()).isEqualTo(Matcher.REFERENCE_ONLY);
            assertThat(p.zone()).isEqualTo(Zone.POSSIBLE);
        });
    }

    @Test
    void theSameAmountWithinSevenDaysNearerFirstAndNotBeyond() {
        Line line = new Line("l1", D, 1250, null, null);
        List<Proposal> proposals = proposalsFor(line, List.of(entry("far-before", -8, 1250, "t"), entry("edge-before", -7, 1250, "t"),
                entry("two-after", 2, 1250, "t"), entry("same-day", 0, 1250, "t"), entry("edge-after", 7, 1250, "t"),
                entry("far-after", 8, 1250, "t"), entry("other-amount", 0, 1251, "t")));
        assertThat(proposals).extracting(p -> p.target().id()).containsExactly("same-day", "two-after", "edge-after", "edge-before");
        assertThat(proposals).extracting(Proposal::daysApart).containsExactly(0, 2, 7, 7);
        assertThat(proposals.get(0).zone()).isEqualTo(Zone.LIKELY);  // 50 + 21
        assertThat(proposals.get(2).zone()).isEqualTo(Zone.POSSIBLE); // 50 + 0
    }

    @Test
    void aCounterpartyConfirmedBeforeAsTheSameKindWeighsIn() {
        Line line = new Line("l1", D, 500_00, null, "cp-0123456789abcdef01234567");
        List<Target> targets = List.of(entry("grant", 3, 500_00, "contribution:GRANT"), entry("partner", 3, 500_00,
                "contribution:PARTNER:zorg-west"));
        Matcher.Counterparties learned = (counterparty, tag) -> tag.equals("contribution:PARTNER:zorg-west") ? 100 : 0;
        List<Proposal> proposals = Matcher.propose(List.of(line), targets, learned).get("l1");
        assertThat(proposals).extracting(p -> p.target().id()).containsExactly("partner", "grant");
        assertThat(proposals.get(0).score()).isEqualTo(Matcher.SAME_AMOUNT + 4 * Matcher.POINTS_PER_DAY + Matcher.COUNTERPARTY_POINTS);
        assertThat(proposals.get(0).zone()).isEqualTo(Zone.LIKELY);
        assertThat(proposals.get(1).zone()).isEqualTo(Zone.POSSIBLE);
        assertThat(Matcher.SAME_AMOUNT + Matcher.DAYS_AROUND * Matcher.POINTS_PER_DAY + Matcher.COUNTERPARTY_POINTS)
                .as("the best amount match stays below an exact reference").isEqualTo(Matcher.SAME_AMOUNT_MAX).isLessThan(Matcher.EXACT);
    }

    @Test
    void atMostFiveProposalsAndEveryLineAnswered() {
        List<Target> many = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add(entry("e" + i, i % 3, 100, "t"));
        }
        Map<String, List<Proposal>> proposals = Matcher.propose(List.of(new Line("l1", D, 100, null, null),
                new Line("l2", D, 999, null, null)), many, Matcher.Counterparties.none());
        assertThat(proposals.get("l1")).hasSize(Matcher.MAX_PROPOSALS_PER_LINE);
        assertThat(proposals.get("l2")).isEmpty();
    }

    /** The benchmark's size: every line gets its exact proposal back; deterministic across runs. */
    @Test
    void fiveThousandLinesAgainstFiveThousandEntries() {
        Random random = new Random(7);
        List<Line> lines = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            long cents = (random.nextBoolean() ? 1 : -1) * (100 + random.nextInt(200) * 25L); // few amounts: many same-amount twins
            LocalDate day = D.minusDays(random.nextInt(365));
            lines.add(new Line("l" + i, day, cents, "e" + i, null));
            targets.add(new Target(TargetKind.ENTRY, "e" + i, day.plusDays(random.nextInt(5)), cents, "e" + i, "t"));
        }
        Map<String, List<Proposal>> first = Matcher.propose(lines, targets, Matcher.Counterparties.none());
        for (int i = 0; i < 5_000; i++) {
            Proposal best = first.get("l" + i).get(0);
            assertThat(best.target().id()).isEqualTo("e" + i);
            assertThat(best.score()).isEqualTo(Matcher.EXACT);
        }
        assertThat(Matcher.propose(lines, targets, Matcher.Counterparties.none())).isEqualTo(first);
    }
}

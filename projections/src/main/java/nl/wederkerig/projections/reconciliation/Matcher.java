package nl.wederkerig.projections.reconciliation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Proposes, for each bank line, the fund entries (or approved, unpaid claims) it may be, ranked by
 * score. Pure and fast: no database, indexes by reference and by amount (dates sorted within an
 * amount), so 5,000 lines against 5,000 entries take milliseconds. Proposals are never applied:
 * the treasurer confirms ({@code ConfirmMatch}, or books the line).
 *
 * <p>Scores (0 to 100), in the order the treasurer sees them:
 * <ul>
 *   <li>{@value #EXACT}: the line names the target's reference after {@code WDK-} and the amounts are equal
 *       (an "exact proposal");</li>
 *   <li>{@value #REFERENCE_ONLY}: the reference is named but the amount differs (a partial or wrong payment);</li>
 *   <li>{@value #SAME_AMOUNT} to {@value #SAME_AMOUNT_MAX}: the same amount within {@value #DAYS_AROUND} days:
 *       {@value #SAME_AMOUNT} plus {@value #POINTS_PER_DAY} per day closer than {@value #DAYS_AROUND}, plus up
 *       to {@value #COUNTERPARTY_POINTS} for how often the line's counterparty was confirmed as this kind of
 *       entry before (a learned weight, as in GnuCash's matcher).</li>
 * </ul>
 * Zones: {@link Zone#LIKELY} from {@value #LIKELY_FROM} (an exact reference; the same amount on the
 * same day; or a day or more apart from a counterparty confirmed as this kind before),
 * {@link Zone#POSSIBLE} below. At most
 * {@value #MAX_PROPOSALS_PER_LINE} per line; ties go to the nearer date, then the id. One line is
 * proposed one target; a line that is several entries together is matched by hand.
 */
public final class Matcher {

    public static final int EXACT = 100;
    public static final int REFERENCE_ONLY = 55;
    public static final int SAME_AMOUNT = 50;
    public static final int POINTS_PER_DAY = 3;
    public static final int COUNTERPARTY_POINTS = 25;
    public static final int SAME_AMOUNT_MAX = 96;
    public static final int LIKELY_FROM = 70;
    public static final int DAYS_AROUND = 7;
    public static final int MAX_PROPOSALS_PER_LINE = 5;

    public enum Zone {
        LIKELY,
        POSSIBLE
    }

    public enum TargetKind {
        /** A fund entry (or reversal) that moved the bank. */
        ENTRY,
        /** An approved claim no entry paid yet: confirming books its payment from the line. */
        APPROVED_CLAIM
    }

    /** A bank line to find targets for; {@code reference} is the id after WDK-, {@code counterparty} its pseudonym. */
    public record Line(String lineId, LocalDate bookingDate, long amountCents, String reference, String counterparty) {
        public Line {
            Objects.requireNonNull(lineId);
            Objects.requireNonNull(bookingDate);
        }
    }

    /** What a line may be. {@code bankCents} is signed as the bank sees it; {@code tag} says what kind of entry it is. */
    public record Target(TargetKind kind, String id, LocalDate date, long bankCents, String reference, String tag) {
        public Target {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(id);
            Objects.requireNonNull(date);
        }
    }

    /** One proposal: the target, its score and zone, and why. */
    public record Proposal(Target target, int score, Zone zone, boolean exactReference, int daysApart) {
    }

    /** What confirmed matches taught: the share (0-100) of a counterparty's confirmed entries that had this tag. */
    @FunctionalInterface
    public interface Counterparties {
        int percentWithTag(String counterparty, String tag);

        static Counterparties none() {
            return (counterparty, tag) -> 0;
        }
    }

    private Matcher() {
    }

    /** Proposals per line id (every line present, possibly with none), best first. */
    public static Map<String, List<Proposal>> propose(List<Line> lines, List<Target> targets, Counterparties counterparties) {
        Map<String, List<Target>> byReference = new HashMap<>();
        Map<Long, List<Target>> byAmount = new HashMap<>();
        for (Target target : targets) {
            if (target.reference() != null) {
                byReference.computeIfAbsent(target.reference(), r -> new ArrayList<>()).add(target);
            }
            byAmount.computeIfAbsent(target.bankCents(), a -> new ArrayList<>()).add(target);
        }
        byAmount.values().forEach(list -> list.sort(Comparator.comparing(Target::date)));
        Map<String, List<Proposal>> proposals = new LinkedHashMap<>(lines.size() * 2);
        for (Line line : lines) {
            proposals.put(line.lineId(), forLine(line, byReference, byAmount, counterparties));
        }
        return proposals;
    }

    private static List<Proposal> forLine(Line line, Map<String, List<Target>> byReference, Map<Long, List<Target>> byAmount,
                                          Counterparties counterparties) {
        Map<Target, Proposal> found = new LinkedHashMap<>();
        if (line.reference() != null) {
            for (Target target : byReference.getOrDefault(line.reference(), List.of())) {
                boolean sameAmount = target.bankCents() == line.amountCents();
                found.put(target, proposal(target, sameAmount ? EXACT : REFERENCE_ONLY, true, daysApart(line, target)));
            }
        }
        List<Target> sameAmount = byAmount.getOrDefault(line.amountCents(), List.of());
        for (int i = firstOnOrAfter(sameAmount, line.bookingDate().minusDays(DAYS_AROUND)); i < sameAmount.size(); i++) {
            Target target = sameAmount.get(i);
            int days = daysApart(line, target);
            if (target.date().isAfter(line.bookingDate().plusDays(DAYS_AROUND))) {
                break;
            }
            if (!found.containsKey(target)) {
                int learned = line.counterparty() == null || target.tag() == null ? 0
                        : Math.max(0, Math.min(100, counterparties.percentWithTag(line.counterparty(), target.tag())));
                int score = SAME_AMOUNT + (DAYS_AROUND - days) * POINTS_PER_DAY + learned * COUNTERPARTY_POINTS / 100;
                found.put(target, proposal(target, score, false, days));
            }
        }
        List<Proposal> ranked = new ArrayList<>(found.values());
        ranked.sort(Comparator.comparingInt(Proposal::score).reversed().thenComparingInt(Proposal::daysApart)
                .thenComparing(p -> p.target().kind()).thenComparing(p -> p.target().id()));
        return ranked.size() > MAX_PROPOSALS_PER_LINE ? List.copyOf(ranked.subList(0, MAX_PROPOSALS_PER_LINE)) : List.copyOf(ranked);
    }

    private static Proposal proposal(Target target, int score, boolean exactReference, int days) {
        assert score >= 0 && score <= EXACT : "a score lies between 0 and " + EXACT;
        return new Proposal(target, score, score >= LIKELY_FROM ? Zone.LIKELY : Zone.POSSIBLE, exactReference, days);
    }

    private static int daysApart(Line line, Target target) {
        return (int) Math.abs(ChronoUnit.DAYS.between(line.bookingDate(), target.date()));
    }

    /** Binary search in a date-sorted list: the first index whose date is on or after {@code day}. */
    private static int firstOnOrAfter(List<Target> sorted, LocalDate day) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted.get(middle).date().isBefore(day)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}

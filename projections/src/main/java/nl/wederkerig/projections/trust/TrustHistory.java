package nl.wederkerig.projections.trust;

import nl.wederkerig.core.shared.MemberId;

import java.time.LocalDate;

/**
 * A neighbour's history with everyone ({@code counterparty == null}) or with one counterparty.
 * {@code firstInteraction} and {@code lastInteraction} are business dates; {@code null} when there
 * was none.
 */
public record TrustHistory(
        MemberId member,
        MemberId counterparty,
        AdvanceSide given,
        AdvanceSide received,
        HelpAndErrands helpAndErrands,
        long distinctNeighbours,
        LocalDate firstInteraction,
        LocalDate lastInteraction) {
}

package nl.wederkerig.projections.reciprocity;

import nl.wederkerig.core.shared.PartnerId;

import java.time.LocalDate;
import java.util.List;

/** A partner's reciprocity for business dates {@code from}–{@code to} (inclusive), per initiative and in total. */
public record PartnerStatement(PartnerId partnerId, LocalDate from, LocalDate to, List<StatementLine> initiatives,
                               StatementLine total) {
}

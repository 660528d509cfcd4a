package nl.wederkerig.api.reciprocity;

import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.projections.reciprocity.EntryView;

import java.util.List;

/** A partner's latest reciprocity entries, newest first, and the wijk's initiatives a new entry may name. */
public record EntryBook(List<EntryView> entries, List<InitiativeId> initiatives) {
}

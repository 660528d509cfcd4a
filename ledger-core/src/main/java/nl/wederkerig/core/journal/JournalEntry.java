package nl.wederkerig.core.journal;

import nl.wederkerig.core.shared.CommunityId;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One balanced double-entry journal entry: for every unit, debits equal credits (the postings of
 * each unit sum to zero). Checked on construction, so an unbalanced entry cannot exist.
 *
 * @param code        the id of the fact behind it (command, advance, errand or claim id): the hledger code
 * @param date        the business date, never the recording time
 * @param description a fixed phrase per event type; never a name or free text about a person
 */
public record JournalEntry(CommunityId communityId, String code, LocalDate date, String description, List<Posting> postings) {

    /** Most postings in one entry; the largest mapping (forgiving an advance) has four. */
    public static final int MAX_POSTINGS = 8;

    private static final Pattern DESCRIPTION = Pattern.compile("[a-z0-9 :-]{1,80}");

    public JournalEntry {
        Objects.requireNonNull(communityId, "community is missing");
        Objects.requireNonNull(code, "code is missing");
        Objects.requireNonNull(date, "date is missing");
        if (description == null || !DESCRIPTION.matcher(description).matches()) {
            throw new IllegalArgumentException("description must be a short fixed phrase: " + description);
        }
        postings = List.copyOf(postings);
        if (postings.size() < 2 || postings.size() > MAX_POSTINGS) {
            throw new IllegalArgumentException("an entry has 2 to " + MAX_POSTINGS + " postings");
        }
        sumsPerUnit(postings).forEach((unit, sum) -> {
            if (sum != 0) {
                throw new IllegalArgumentException("entry " + code + " does not balance in " + unit + ": " + sum);
            }
        });
    }

    /** The exact mirror: every posting negated, dated and named for the reversal. */
    public JournalEntry mirror(String reversalCode, LocalDate reversalDate) {
        return new JournalEntry(communityId, reversalCode, reversalDate, "reversal of " + code.substring(0, Math.min(code.length(), 64)),
                postings.stream().map(Posting::negated).toList());
    }

    public static Map<Unit, Long> sumsPerUnit(List<Posting> postings) {
        Map<Unit, Long> sums = new EnumMap<>(Unit.class);
        for (Posting posting : postings) {
            sums.merge(posting.unit(), posting.quantity(), Math::addExact);
        }
        return sums;
    }
}

package nl.wederkerig.statements;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives every line of a statement its {@link EntryReference}: the bank's own where it has one of
 * safe shape and unique within the statement, the content hash otherwise (see {@link LineHashes}).
 */
final class References {

    private References() {
    }

    static List<StatementLine> assign(String accountId, List<RawLine> lines) {
        Set<String> seenBank = new HashSet<>();
        Map<String, Integer> twins = new HashMap<>();
        List<StatementLine> identified = new ArrayList<>(lines.size());
        for (RawLine raw : lines) {
            // Normalise the text fields first, as the line will hold them, so the hash covers what is kept.
            StatementLine line = raw.identifiedBy(new EntryReference("0", EntryReference.Kind.CONTENT_HASH));
            EntryReference reference = EntryReference.ofBank(raw.bankReference());
            if (reference != null && !seenBank.add(reference.value())) {
                reference = null; // a bank that repeats a reference within one statement does not identify lines by it
            }
            if (reference == null) {
                int occurrence = twins.merge(LineHashes.twinKey(accountId, line), 1, Integer::sum);
                reference = LineHashes.of(accountId, line, occurrence);
            }
            identified.add(raw.identifiedBy(reference));
        }
        return identified;
    }
}

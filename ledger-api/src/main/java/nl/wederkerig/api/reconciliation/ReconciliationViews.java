package nl.wederkerig.api.reconciliation;

import nl.wederkerig.core.reconciliation.BankLineId;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.Money;

import java.time.LocalDate;
import java.util.List;

/** What the reconciliation answers: imports, bank lines with their proposals, and their text opened for the treasurer. */
public final class ReconciliationViews {

    private ReconciliationViews() {
    }

    /**
     * What an import did. {@code continuity} against the account's earlier statements: {@code first},
     * {@code connects}, {@code gap} or {@code overlap}. Lines imported before are counted as
     * {@code alreadyImported}, never silently dropped.
     */
    public record ImportedStatement(CommandId statementId, String format, Iban iban, LocalDate from, LocalDate to,
                                    Money openingBalance, Money closingBalance, int lines, int newLines, int alreadyImported,
                                    String continuity) {
    }

    /** Where a line stands: in no match yet; matched (cleared); matched and in a closed period (reconciled). */
    public enum LineStatus {
        UNMATCHED,
        CLEARED,
        RECONCILED
    }

    /**
     * The personal part of a bank line, opened for the initiative's treasurers: who paid or was paid,
     * the description and the line as it stood in the file. Null fields where the bank gave none or
     * the counterparty's data was erased.
     */
    public record LineText(String counterpartyName, String counterpartyAccount, String description, String source) {

        static final LineText ERASED = new LineText(null, null, null, null);

        /** Reads back {@code StatementLine.detailsText()}: "name: …\naccount: …\ndescription: …\nsource: …". */
        static LineText parse(String details) {
            String name = null;
            String account = null;
            String description = null;
            String source = null;
            int sourceAt = details.indexOf("\nsource: ");
            String head = sourceAt < 0 ? details : details.substring(0, sourceAt);
            if (sourceAt >= 0) {
                source = details.substring(sourceAt + "\nsource: ".length());
            }
            int descriptionAt = head.indexOf("\ndescription: ");
            if (descriptionAt >= 0) {
                description = head.substring(descriptionAt + "\ndescription: ".length());
                head = head.substring(0, descriptionAt);
            }
            for (String field : head.split("\n")) {
                if (field.startsWith("name: ")) {
                    name = blankToNull(field.substring(6));
                } else if (field.startsWith("account: ")) {
                    account = blankToNull(field.substring(9));
                }
            }
            return new LineText(name, account, blankToNull(description), blankToNull(source));
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text;
        }
    }

    /**
     * What a line may be, scored 0-100 ({@code LIKELY} from 70): a fund entry ({@code ENTRY}, by its
     * command id) or an approved claim not yet paid ({@code APPROVED_CLAIM}, by its claim id).
     */
    public record LineProposal(String kind, String id, LocalDate date, Money bankAmount, String tag, int score, String zone,
                           boolean exactReference, int daysApart) {
    }

    /** One bank line: its figures, status, text and, while unmatched, its proposals best first. */
    public record BankLineView(BankLineId lineId, LocalDate bookingDate, LocalDate valueDate, Money amount, String reference,
                               LineStatus status, CommandId matchId, CommandId statementId, LineText text,
                               List<LineProposal> proposals) {
    }
}

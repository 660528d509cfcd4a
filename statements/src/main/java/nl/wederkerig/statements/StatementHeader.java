package nl.wederkerig.statements;

import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.Money;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * What a statement says about itself.
 *
 * @param accountId        the account as the file names it (an IBAN, {@code NL68INGB0000012345EUR}, a
 *                         national number such as {@code 0454545454}, ...)
 * @param iban             the account as a valid IBAN when the file gives one, else {@code null}
 * @param statementId      the bank's id of the statement (CAMT {@code Stmt/Id}, MT940 {@code :20:}/{@code :28C:}),
 *                         or {@code null} where the format has none (CSV)
 * @param from             first day the statement covers
 * @param to               last day the statement covers
 * @param openingBalance   booked balance before the first line, {@code null} where the format has none
 * @param closingBalance   booked balance after the last line, {@code null} where the format has none
 */
public record StatementHeader(
        String accountId,
        Iban iban,
        String statementId,
        LocalDate from,
        LocalDate to,
        Money openingBalance,
        Money closingBalance) {

    public StatementHeader {
        Objects.requireNonNull(accountId, "account");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a statement ends on or after the day it starts");
        }
    }

    /**
     * Whether this statement is of {@code account}: the same IBAN, or (for files that give only the
     * national account number, like ABN AMRO's TXT and older MT940) the same account number as the
     * IBAN's, leading zeros aside.
     */
    public boolean identifies(Iban account) {
        if (iban != null) {
            return iban.equals(account);
        }
        // ING's MT940 names the account as the IBAN with its currency after it: NL68INGB0000012345EUR.
        String compact = accountId.replace(" ", "").toUpperCase(Locale.ROOT);
        if (compact.endsWith("EUR") && Iban.isValid(compact.substring(0, compact.length() - 3))) {
            return Iban.parse(compact.substring(0, compact.length() - 3)).equals(account);
        }
        String digits = accountNumberDigits(accountId);
        String ibanDigits = account.bban().replaceAll("^[A-Z]+", "");
        return !digits.isEmpty() && ibanDigits.matches("[0-9]+")
                && stripLeadingZeros(digits).equals(stripLeadingZeros(ibanDigits));
    }

    private static String accountNumberDigits(String accountId) {
        // "TRIODOSBANK/0454545454", "0123456789", "555555555": the digits after any bank prefix.
        String tail = accountId.contains("/") ? accountId.substring(accountId.lastIndexOf('/') + 1) : accountId;
        String compact = tail.replace(" ", "").replace(".", "").toUpperCase(Locale.ROOT);
        return compact.matches("[0-9]{1,18}") ? compact : "";
    }

    private static String stripLeadingZeros(String digits) {
        String stripped = digits.replaceFirst("^0+", "");
        return stripped.isEmpty() ? "0" : stripped;
    }
}

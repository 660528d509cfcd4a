package nl.wederkerig.core.journal;

import nl.wederkerig.core.shared.CommunityId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A balance assertion: at the end of {@code date}, counting every entry dated on or before it (on the
 * date itself, those recorded before it), {@code account} holds exactly {@code quantity} of
 * {@code unit}. A period close is one: hledger and ledger-cli check it ({@code hledger check}) and
 * refuse the file if the books do not agree. It moves nothing, so it is not a {@link JournalEntry}.
 *
 * @param code the id of the close (its command id), as an entry's code
 */
public record BalanceAssertion(CommunityId communityId, String code, LocalDate date, String description, String account,
                               Unit unit, long quantity) {

    public BalanceAssertion {
        Objects.requireNonNull(communityId, "community is missing");
        Objects.requireNonNull(code, "code is missing");
        Objects.requireNonNull(date, "date is missing");
        Objects.requireNonNull(description, "description is missing");
        new Posting(account, unit, quantity); // the same account and unit rules as any posting
    }

    /** What names an assertion within a community: close ids are unique per fund, so the account is part of it. */
    public record Key(CommunityId communityId, String account, String code) {
    }

    public Key key() {
        return new Key(communityId, account, code);
    }

    /** The asserted quantity as a decimal in the unit (e.g. cents 143185 as 1431.85 EUR), exact. */
    public BigDecimal amount() {
        return BigDecimal.valueOf(quantity, unit.decimals());
    }
}

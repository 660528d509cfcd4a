package nl.wederkerig.core.funds;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.Money;

/**
 * A fund event that moves money, and so can be reversed once ({@link FundEntryReversed} carries
 * the original, so the journal mirrors it exactly). Named by the id of the command that made it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(ContributionReceived.class),
        @JsonSubTypes.Type(ExpensePaid.class),
        @JsonSubTypes.Type(FundTransferred.class),
        @JsonSubTypes.Type(ClaimPaid.class)
})
public sealed interface FundMoneyEvent permits ContributionReceived, ExpensePaid, FundTransferred, ClaimPaid {

    CommandId commandId();

    Money amount();

    /** The day the money moved; never in a closed period. */
    java.time.LocalDate businessDate();

    /** How this entry changed the balance of {@code channel}: positive in, negative out, zero if untouched. */
    Money changeOf(Channel channel);
}

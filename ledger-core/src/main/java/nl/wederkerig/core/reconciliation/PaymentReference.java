package nl.wederkerig.core.reconciliation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import nl.wederkerig.core.shared.CommandId;

/**
 * The id a bank line's description names after {@code WDK-}: the app asks for it in every payment
 * it requests (a claim's id when paying a claim, a contribution's command id). An id of the ledger,
 * so it has the id shape and names no person.
 */
public record PaymentReference(String value) {

    @JsonCreator
    public PaymentReference {
        CommandId.of(value); // the one id check
    }

    public static PaymentReference of(String value) {
        return new PaymentReference(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}

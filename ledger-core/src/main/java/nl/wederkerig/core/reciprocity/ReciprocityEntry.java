package nl.wederkerig.core.reciprocity;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.InitiativeId;

import java.time.LocalDate;

/** A reciprocity entry that can be reversed once ({@link ReciprocityEntryReversed} carries it for an exact mirror). */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(HoursDrawn.class),
        @JsonSubTypes.Type(ServiceDrawn.class),
        @JsonSubTypes.Type(MoneyReturned.class),
        @JsonSubTypes.Type(InKindReturned.class)
})
public sealed interface ReciprocityEntry permits HoursDrawn, ServiceDrawn, MoneyReturned, InKindReturned {

    CommandId commandId();

    InitiativeId initiativeId();

    LocalDate businessDate();
}

package nl.wederkerig.api.platform.web.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.module.SimpleModule;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.Money;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Iterator;
import java.util.regex.Pattern;

/**
 * Reads money in requests exactly as the API documents it: {@code {"amount":"12.50","currency":"EUR"}}
 * with the amount a string of digits and at most two decimals. A JSON number (12.5, 1.25e1) is
 * refused: its text form is not what a person typed, and floats must never come near a ledger.
 * Hours are read as strictly: {@code {"minutes":90}} with a JSON integer, since Jackson would
 * otherwise cut 90.5 to 90 or read "90" as a number without a word.
 */
@Configuration
public class MoneyJson {

    static final Pattern AMOUNT = Pattern.compile("-?\\d{1,8}(\\.\\d{1,2})?");
    static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    @Bean
    public Jackson2ObjectMapperBuilderCustomizer strictMoney() {
        SimpleModule module = new SimpleModule("strict-money");
        module.addDeserializer(Money.class, new Reader());
        module.addDeserializer(Hours.class, new HoursReader());
        return builder -> builder.modulesToInstall(module);
    }

    static final class Reader extends JsonDeserializer<Money> {

        @Override
        public Money deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("an amount is an object with \"amount\" and \"currency\"");
            }
            JsonNode node = parser.readValueAsTree();
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!name.equals("amount") && !name.equals("currency")) {
                    throw new IllegalArgumentException("unknown field '" + name + "' in an amount");
                }
            }
            JsonNode amount = node.get("amount");
            JsonNode currency = node.get("currency");
            if (amount == null || !amount.isTextual() || !AMOUNT.matcher(amount.asText()).matches()) {
                throw new IllegalArgumentException("amount must be a string like \"12.50\": digits, at most two decimals");
            }
            if (currency == null || !currency.isTextual() || !CURRENCY.matcher(currency.asText()).matches()) {
                throw new IllegalArgumentException("currency must be a three-letter code like \"EUR\"");
            }
            return new Money(new BigDecimal(amount.asText()), Currency.getInstance(currency.asText()));
        }
    }

    static final class HoursReader extends JsonDeserializer<Hours> {

        @Override
        public Hours deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("hours are an object with \"minutes\"");
            }
            JsonNode node = parser.readValueAsTree();
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!name.equals("minutes")) {
                    throw new IllegalArgumentException("unknown field '" + name + "' in hours");
                }
            }
            JsonNode minutes = node.get("minutes");
            if (minutes == null || !minutes.isIntegralNumber() || !minutes.canConvertToLong()) {
                throw new IllegalArgumentException("minutes must be a whole number like 90");
            }
            return Hours.ofMinutes(minutes.asLong());
        }
    }
}

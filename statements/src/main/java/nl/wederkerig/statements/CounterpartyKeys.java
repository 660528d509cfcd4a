package nl.wederkerig.statements;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * A pseudonym for a line's counterparty ({@code cp-<24 hex>}), so matching can learn "this payer's
 * lines were contributions of partner X" without the ledger keeping the payer's account or name in
 * clear. A keyed hash (HMAC-SHA-256 with the application's secret): an unkeyed hash of a Dutch
 * account number could be reversed by trying all of them. The same counterparty always gets the
 * same key under the same secret; the key says nothing without it.
 */
public final class CounterpartyKeys {

    /** Shortest secret accepted: 128 bits. */
    public static final int MIN_SECRET_BYTES = 16;

    private final SecretKeySpec key;

    public CounterpartyKeys(byte[] secret) {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the secret has at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    private static String identity(StatementLine line) {
        Optional<String> iban = line.counterpartyIban().map(valid -> "iban:" + valid.value());
        if (iban.isPresent()) {
            return iban.get();
        }
        if (line.counterpartyAccount() != null) {
            return "account:" + line.counterpartyAccount().replace(" ", "").toUpperCase(Locale.ROOT);
        }
        return line.counterpartyName() == null ? null : "name:" + line.counterpartyName().strip().toLowerCase(Locale.ROOT);
    }

    /** The counterparty's key: by IBAN when the line has a valid one, else by account, else by name; empty when the line names none. */
    public Optional<String> keyOf(StatementLine line) {
        String identity = identity(line);
        if (identity == null) {
            return Optional.empty();
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(identity.getBytes(StandardCharsets.UTF_8));
            return Optional.of("cp-" + HexFormat.of().formatHex(digest, 0, 12));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has HmacSHA256", e);
        }
    }
}

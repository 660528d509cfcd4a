package nl.wederkerig.core.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Free text about a person, encrypted with that person's own key before it enters an event
 * (crypto-shredding: deleting the key erases the text from every event and copy). Produced and
 * opened only through {@link PersonalDataCipher}; the ledger never sees the clear text.
 *
 * @param keyId            which key sealed it: the subject's key, so it can be destroyed per person
 * @param ciphertextBase64 the ciphertext, base64 (standard alphabet)
 */
public record SealedText(String keyId, String ciphertextBase64) {

    /** Largest ciphertext in base64 characters: about 3 KiB, a short note plus the cipher's overhead. */
    public static final int MAX_CIPHERTEXT_CHARS = 4096;

    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    public SealedText {
        TypedId.require(keyId, "key id");
        Objects.requireNonNull(ciphertextBase64, "ciphertext is missing");
        if (ciphertextBase64.isEmpty() || ciphertextBase64.length() > MAX_CIPHERTEXT_CHARS
                || !BASE64.matcher(ciphertextBase64).matches()) {
            throw new IllegalArgumentException("ciphertext must be 1 to " + MAX_CIPHERTEXT_CHARS + " base64 characters");
        }
    }
}

package nl.wederkerig.core.shared;

/**
 * Port to the cipher that seals personal free text with the subject's own key. Implemented outside
 * the domain (Google Tink, AES-256-GCM with the subject id as associated data); the domain only
 * stores {@link SealedText}.
 */
public interface PersonalDataCipher {

    /** Longest clear text one note may hold, in characters. */
    int MAX_NOTE_LENGTH_CHARS = 500;

    SealedText seal(MemberId subject, String clearText);

    /** @return the clear text, or empty once the subject's key was destroyed (the text is erased) */
    java.util.Optional<String> open(MemberId subject, SealedText sealed);
}

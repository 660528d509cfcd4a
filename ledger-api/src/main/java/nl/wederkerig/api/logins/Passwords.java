package nl.wederkerig.api.logins;

import nl.wederkerig.core.shared.RuleViolation;

import java.nio.charset.StandardCharsets;

/**
 * What a password must be, checked before anything is stored. At least 10 characters, so a
 * guessed one is unlikely within the lockout's 10 tries; at most 72 bytes, because bcrypt reads no
 * further and would silently ignore the rest (a long password of accented letters reaches 72 bytes
 * before 72 characters).
 */
public final class Passwords {

    public static final int MIN_CHARS = 10;
    public static final int MAX_UTF8_BYTES = 72;

    private Passwords() {
    }

    public static void requireAcceptable(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_CHARS) {
            throw new PasswordTooShort();
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_UTF8_BYTES) {
            throw new PasswordTooLong();
        }
    }

    public static final class PasswordTooShort extends RuleViolation {
        PasswordTooShort() {
            super("a password has at least " + MIN_CHARS + " characters");
        }

        @Override
        public String code() {
            return "password-too-short";
        }
    }

    public static final class PasswordTooLong extends RuleViolation {
        PasswordTooLong() {
            super("a password has at most " + MAX_UTF8_BYTES + " bytes (about 72 plain letters, fewer with accents)");
        }

        @Override
        public String code() {
            return "password-too-long";
        }
    }
}

package nl.wederkerig.api.logins;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Single-use codes that let a person choose a password without anyone else knowing it: an
 * invitation for a neighbour just registered, or a reset a coordinator issued. A code is shown
 * once (to the coordinator, who prints or reads it out) and stored only as its SHA-256; it stops
 * working when used, when a newer code for the same login is issued, or after {@link #VALIDITY}.
 *
 * <p>16 characters from an alphabet without look-alikes (no 0/O, 1/I/L): about 79 bits, far beyond
 * guessing, and easy to type from paper, case and dashes ignored.
 */
@Component
public class OneTimeCodes {

    public static final Duration VALIDITY = Duration.ofDays(14);
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int CODE_CHARS = 16;
    /** Longest text accepted as a code before normalising: a pasted paragraph is not a code. */
    static final int MAX_INPUT_CHARS = 64;

    public enum Purpose { INVITATION, RESET }

    /** A code as handed out: shown once, never stored in this form. */
    public record Issued(String code, String username, Purpose purpose, Instant expiresAt) {

        @Override
        public String toString() {
            return "Issued[" + username + ", " + purpose + ", until " + expiresAt + "]";
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public OneTimeCodes(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new code for {@code username}; any earlier unused code for it stops working. */
    public Issued issue(String username, Purpose purpose) {
        String normalisedUser = LoginStore.normalised(username);
        Instant now = clock.instant();
        Instant expires = now.plus(VALIDITY);
        String code = newCode();
        jdbc.update("UPDATE login_code SET used_at = ? WHERE username = ? AND used_at IS NULL", Timestamp.from(now),
                normalisedUser);
        jdbc.update("INSERT INTO login_code (code_hash, username, purpose, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                hash(code), normalisedUser, purpose.name(), Timestamp.from(now), Timestamp.from(expires));
        return new Issued(grouped(code), normalisedUser, purpose, expires);
    }

    /**
     * Uses the code once: the login it was for, or empty when the code is unknown, used, replaced or
     * expired (which of these is not told, to anyone). The caller does this in the transaction that
     * sets the password, so a code is spent only together with it.
     */
    public Optional<String> spend(String presented) {
        Optional<String> code = normalisedCode(presented);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        String codeHash = hash(code.get());
        Timestamp now = Timestamp.from(clock.instant());
        Optional<String> username = jdbc.query(
                "SELECT username FROM login_code WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?",
                (rs, i) -> rs.getString("username"), codeHash, now).stream().findFirst();
        if (username.isEmpty()) {
            return Optional.empty();
        }
        // Spent by whichever request gets here first; a concurrent second use updates nothing.
        int spent = jdbc.update("UPDATE login_code SET used_at = ? WHERE code_hash = ? AND used_at IS NULL", now, codeHash);
        return spent == 1 ? username : Optional.empty();
    }

    /** Whether the code would work now, without spending it (for showing the form). */
    public boolean isLive(String presented) {
        return normalisedCode(presented).map(code -> {
            Integer live = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM login_code WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?",
                    Integer.class, hash(code), Timestamp.from(clock.instant()));
            return live != null && live > 0;
        }).orElse(false);
    }

    /** Upper case, without spaces and dashes; nothing when it cannot be a code at all. */
    static Optional<String> normalisedCode(String presented) {
        if (presented == null || presented.length() > MAX_INPUT_CHARS) {
            return Optional.empty();
        }
        String code = presented.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != CODE_CHARS || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(code);
    }

    private String newCode() {
        StringBuilder code = new StringBuilder(CODE_CHARS);
        for (int i = 0; i < CODE_CHARS; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** "ABCD-EFGH-JKMN-PQRS": four groups, read out and typed more easily. */
    static String grouped(String code) {
        return String.join("-", code.substring(0, 4), code.substring(4, 8), code.substring(8, 12), code.substring(12, 16));
    }

    private static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

package nl.wederkerig.api.platform.security;

import nl.wederkerig.api.logins.LoginStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Stops password guessing: after {@link #MAX_FAILURES} failed log-ins for one name within
 * {@link #WINDOW}, every attempt for that name is refused for {@link #LOCK} — the right password
 * too — for the form and HTTP Basic alike. Failures are counted for every name tried, whether or
 * not an account has it, so the lock tells nobody which names exist. The count lives in the
 * database, so several application instances share it.
 *
 * <p>Wraps the provider that checks passwords; the name is compared in lower case, as logins are.
 */
public final class LoginLockout implements AuthenticationProvider {

    public static final int MAX_FAILURES = 10;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCK = Duration.ofMinutes(15);
    /** Longest name counted; a longer one cannot be an account and is refused without a row. */
    static final int MAX_NAME_CHARS = 64;

    /** Refused because of the lock; says nothing of the account. */
    public static final class TooManyAttempts extends LockedException {
        TooManyAttempts() {
            super("too many failed log-ins for this name; try again in " + LOCK.toMinutes() + " minutes");
        }
    }

    private final AuthenticationProvider passwordCheck;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public LoginLockout(AuthenticationProvider passwordCheck, JdbcTemplate jdbc, Clock clock) {
        this.passwordCheck = passwordCheck;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String name = LoginStore.normalised(attempt.getName());
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_CHARS) {
            throw new BadCredentialsException("bad credentials");
        }
        Instant now = clock.instant();
        Optional<Attempts> counted = counted(name);
        if (counted.flatMap(Attempts::lockedUntil).filter(now::isBefore).isPresent()) {
            throw new TooManyAttempts();
        }
        Authentication normalised = UsernamePasswordAuthenticationToken.unauthenticated(name, attempt.getCredentials());
        try {
            Authentication result = passwordCheck.authenticate(normalised);
            // Only when failures were counted: a DELETE of nothing was a statement on every API
            // request (HTTP Basic authenticates each one), for a row that is there after a typo only.
            if (counted.isPresent()) {
                forgetFailures(name);
            }
            return result;
        } catch (AuthenticationException failed) {
            countFailure(name, now);
            throw failed;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The name's counted failures, if any: a row exists from the first failure until a success or its window ends. */
    private record Attempts(Optional<Instant> lockedUntil) {
    }

    private Optional<Attempts> counted(String name) {
        return jdbc.query("SELECT locked_until FROM login_attempt WHERE username = ?",
                        (rs, i) -> new Attempts(Optional.ofNullable(rs.getTimestamp("locked_until")).map(Timestamp::toInstant)),
                        name)
                .stream().findFirst();
    }

    /**
     * One more failure in the current window (a new window when the last one is over); the tenth
     * locks the name. Old rows are cleared as we go, so guessing many names leaves no pile behind.
     */
    private synchronized void countFailure(String name, Instant now) {
        Timestamp windowStart = Timestamp.from(now.minus(WINDOW));
        jdbc.update("DELETE FROM login_attempt WHERE window_start < ? AND (locked_until IS NULL OR locked_until < ?)",
                windowStart, Timestamp.from(now));
        int updated = jdbc.update("UPDATE login_attempt SET failures = failures + 1 WHERE username = ?", name);
        if (updated == 0) {
            try {
                jdbc.update("INSERT INTO login_attempt (username, failures, window_start) VALUES (?, 1, ?)", name,
                        Timestamp.from(now));
            } catch (DuplicateKeyException countedMeanwhile) {
                // Another instance counted a failure for this name at the same moment: add ours to it.
                jdbc.update("UPDATE login_attempt SET failures = failures + 1 WHERE username = ?", name);
            }
        }
        jdbc.update("UPDATE login_attempt SET locked_until = ?, failures = 0, window_start = ? WHERE username = ? AND failures >= ?",
                Timestamp.from(now.plus(LOCK)), Timestamp.from(now.plus(LOCK)), name, MAX_FAILURES);
    }

    private void forgetFailures(String name) {
        jdbc.update("DELETE FROM login_attempt WHERE username = ?", name);
    }
}

package nl.wederkerig.api.platform.security;

import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.logins.LoginStore;

import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cache may only ever save a bcrypt check, never accept what bcrypt would reject. Runs against
 * the real account table of the shared test context, with a clock the test moves and a password
 * encoder that counts its bcrypt checks.
 */
@LedgerTest
class VerifiedCredentialsCacheTest {

    static final CommunityId WEST = CommunityId.of("rotterdam-west");

    @Autowired
    LoginStore accounts;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;

    final MovableClock clock = new MovableClock();
    CountingEncoder bcrypt;
    VerifiedCredentialsCache cache;
    String username;

    @BeforeEach
    void setUp() {
        username = Neighbours.register(accounts, WEST, "amina").value();
        bcrypt = new CountingEncoder(passwords);
        cache = new VerifiedCredentialsCache(accounts, bcrypt, clock);
    }

    Authentication logIn(String password) {
        return cache.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    @Test
    void theRightPasswordIsAcceptedTwiceAndOnlyTheFirstTimeWithBcrypt() {
        Authentication first = logIn(Neighbours.PASSWORD);
        Authentication second = logIn(Neighbours.PASSWORD);

        assertThat(first.isAuthenticated()).isTrue();
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(((Login) second.getPrincipal()).memberId()).isEqualTo(MemberId.of(username));
        assertThat(second.getCredentials()).isNull();
        assertThat(bcrypt.checks.get()).isEqualTo(1);
    }

    @Test
    void aWrongPasswordIsRejectedEvenRightAfterTheRightOneWasRemembered() {
        logIn(Neighbours.PASSWORD);

        assertThatThrownBy(() -> logIn("wrong-password-1")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> logIn(Neighbours.PASSWORD + " ")).isInstanceOf(BadCredentialsException.class);
        assertThat(bcrypt.checks.get()).isEqualTo(3);
        // Guessing does not evict the neighbour's own entry.
        assertThat(logIn(Neighbours.PASSWORD).isAuthenticated()).isTrue();
        assertThat(bcrypt.checks.get()).isEqualTo(3);
    }

    @Test
    void aChangedPasswordHashEndsTheRememberedLogInAtOnce() {
        logIn(Neighbours.PASSWORD);
        jdbc.update("UPDATE account SET password_hash = ? WHERE username = ?", passwords.encode("new-password-22"), username);

        assertThatThrownBy(() -> logIn(Neighbours.PASSWORD)).isInstanceOf(BadCredentialsException.class);
        assertThat(logIn("new-password-22").isAuthenticated()).isTrue();
    }

    @Test
    void aDisabledAccountIsRejectedThoughItsLogInWasRemembered() {
        logIn(Neighbours.PASSWORD);
        jdbc.update("UPDATE account SET enabled = FALSE WHERE username = ?", username);

        assertThatThrownBy(() -> logIn(Neighbours.PASSWORD)).isInstanceOf(DisabledException.class);
    }

    @Test
    void aDeletedAccountIsRejectedThoughItsLogInWasRemembered() {
        logIn(Neighbours.PASSWORD);
        jdbc.update("DELETE FROM account WHERE username = ?", username);

        assertThatThrownBy(() -> logIn(Neighbours.PASSWORD)).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void anEntryExpiresAfterItsTimeToLive() {
        logIn(Neighbours.PASSWORD);
        clock.advance(VerifiedCredentialsCache.TIME_TO_LIVE.minusSeconds(1));
        logIn(Neighbours.PASSWORD);
        assertThat(bcrypt.checks.get()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(logIn(Neighbours.PASSWORD).isAuthenticated()).isTrue();
        assertThat(bcrypt.checks.get()).isEqualTo(2);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void theApplicationAcceptsARepeatedLogInAndStillRejectsAWrongPasswordAfterIt() {
        String balance = "/api/v1/communities/" + WEST + "/members/" + username + "/balance";
        assertThat(http.withBasicAuth(username, Neighbours.PASSWORD).getForEntity(balance, String.class)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(http.withBasicAuth(username, Neighbours.PASSWORD).getForEntity(balance, String.class)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(http.withBasicAuth(username, "wrong-password-1").getForEntity(balance, String.class)
                .getStatusCode().value()).isEqualTo(401);
    }

    /** Counts calls of {@code matches}: each is one bcrypt check. */
    static final class CountingEncoder implements PasswordEncoder {
        final AtomicInteger checks = new AtomicInteger();
        private final PasswordEncoder bcrypt;

        CountingEncoder(PasswordEncoder bcrypt) {
            this.bcrypt = bcrypt;
        }

        @Override
        public String encode(CharSequence rawPassword) {
            return bcrypt.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checks.incrementAndGet();
            return bcrypt.matches(rawPassword, encodedPassword);
        }
    }

    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

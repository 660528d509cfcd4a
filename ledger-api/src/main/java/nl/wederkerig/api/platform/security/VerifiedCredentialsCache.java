package nl.wederkerig.api.platform.security;

import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.logins.LoginStore;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP Basic with bcrypt, without paying bcrypt on every request. The API keeps no session, so a
 * client sends its password with each request; a bcrypt check costs ~100 ms of CPU, which capped
 * the whole API at about 10 requests per second per core.
 *
 * <p>After a successful bcrypt check this remembers, per username, an HMAC of username and
 * password under a key that lives only in this process, together with the account's stored hash
 * and an expiry. A later request is accepted without bcrypt only if the account still exists and
 * is enabled, its stored hash is unchanged (so a password change or reset takes effect at once),
 * the entry has not expired, and the HMAC of the presented credentials matches. Anything else gets
 * the full bcrypt check. The raw password is never stored, and the HMAC is keyed by random bytes
 * made at start-up, so an entry cannot be tested against a list of guessed passwords without that
 * key. A wrong password never evicts the right one's entry, so guessing cannot slow a neighbour down.
 */
public final class VerifiedCredentialsCache implements AuthenticationProvider {

    public static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);
    public static final int MAX_ENTRIES = 10_000;

    private static final String HMAC = "HmacSHA256";
    private static final int KEY_BYTES = 32;

    private final LoginStore accounts;
    private final DaoAuthenticationProvider bcryptCheck;
    private final Clock clock;
    private final SecretKeySpec key;
    /** Insertion order: with one TTL for all, the eldest entry is the first to expire. */
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    private record Entry(byte[] credentialsMac, String passwordHash, Instant expiresAt) {
    }

    public VerifiedCredentialsCache(LoginStore accounts, PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.bcryptCheck = new DaoAuthenticationProvider(accounts);
        this.bcryptCheck.setPasswordEncoder(passwords);
        this.clock = clock;
        byte[] keyBytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(keyBytes);
        this.key = new SecretKeySpec(keyBytes, HMAC);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (username == null || !(credentials instanceof String password)) {
            return bcryptCheck.authenticate(authentication);
        }
        byte[] mac = mac(username, password);
        Login verified = verifiedBefore(username, mac);
        if (verified != null) {
            return UsernamePasswordAuthenticationToken.authenticated(verified, null, verified.getAuthorities());
        }
        Authentication result = bcryptCheck.authenticate(authentication);
        if (result.getPrincipal() instanceof Login member) {
            remember(username, mac, member.passwordHash());
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The account, if these exact credentials passed bcrypt recently and nothing about it changed since. */
    private Login verifiedBefore(String username, byte[] mac) {
        Entry entry = live(username);
        if (entry == null || !MessageDigest.isEqual(entry.credentialsMac(), mac)) {
            return null;
        }
        Login member;
        try {
            member = accounts.loadUserByUsername(username);
        } catch (UsernameNotFoundException gone) {
            forget(username);
            return null;
        }
        boolean unchanged = MessageDigest.isEqual(member.passwordHash().getBytes(StandardCharsets.UTF_8),
                entry.passwordHash().getBytes(StandardCharsets.UTF_8));
        boolean usable = member.isEnabled() && member.isAccountNonLocked() && member.isAccountNonExpired()
                && member.isCredentialsNonExpired();
        if (!unchanged || !usable) {
            forget(username);
            return null;
        }
        return member;
    }

    private synchronized Entry live(String username) {
        Entry entry = entries.get(username);
        if (entry != null && !clock.instant().isBefore(entry.expiresAt())) {
            entries.remove(username);
            return null;
        }
        return entry;
    }

    private synchronized void remember(String username, byte[] mac, String passwordHash) {
        Instant now = clock.instant();
        entries.remove(username);
        dropExpiredAndOverflow(now);
        entries.put(username, new Entry(mac, passwordHash, now.plus(TIME_TO_LIVE)));
    }

    private synchronized void forget(String username) {
        entries.remove(username);
    }

    /** Bounded: expired entries go first, then the eldest until there is room for one more. */
    private void dropExpiredAndOverflow(Instant now) {
        Iterator<Map.Entry<String, Entry>> eldestFirst = entries.entrySet().iterator();
        while (eldestFirst.hasNext()) {
            Map.Entry<String, Entry> eldest = eldestFirst.next();
            if (now.isBefore(eldest.getValue().expiresAt()) && entries.size() < MAX_ENTRIES) {
                return;
            }
            eldestFirst.remove();
        }
    }

    synchronized int size() {
        return entries.size();
    }

    private byte[] mac(String username, String password) {
        try {
            Mac hmac = Mac.getInstance(HMAC);
            hmac.init(key);
            return hmac.doFinal((username + '\u0000' + password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}

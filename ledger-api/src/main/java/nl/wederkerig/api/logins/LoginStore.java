package nl.wederkerig.api.logins;

import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Log-in accounts in the database, with bcrypt password hashes. An account is one member of one
 * community; its username is the member id. A neighbour's account exists from their registration
 * on, without a password until they choose one with their invitation code. Demo accounts log in
 * only while the demo is switched on. Usernames are compared without regard to case.
 */
@Component
public class LoginStore implements UserDetailsService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{2,64}");

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final boolean demoSwitchedOn;

    public LoginStore(JdbcTemplate jdbc, PasswordEncoder passwords,
                      @Value("${wederkerig.demo:false}") boolean demoSwitchedOn) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.demoSwitchedOn = demoSwitchedOn;
    }

    /** The name as stored: lower case, so "Amina" and "amina" are one login. */
    public static String normalised(String username) {
        return username == null ? null : username.trim().toLowerCase(Locale.ROOT);
    }

    public static void requireValidUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username must be 2 to 64 lower-case letters, digits, dots, dashes or underscores");
        }
    }

    /** An account with a password: the demo's people and test fixtures. Checks the password rules first. */
    public void register(String username, String rawPassword, CommunityId community, MemberId member) {
        requireValidUsername(username);
        Passwords.requireAcceptable(rawPassword);
        jdbc.update("INSERT INTO account (username, password_hash, community_id, member_id, demo) VALUES (?, ?, ?, ?, ?)",
                username, passwords.encode(rawPassword), community.value(), member.value(), false);
    }

    /** Marks the demo's accounts, which then log in only with {@code --wederkerig.demo=true}. */
    public void markDemo(String username) {
        jdbc.update("UPDATE account SET demo = TRUE WHERE username = ?", normalised(username));
    }

    /**
     * An account without a password yet, for a member just registered: the name is theirs, and only
     * an invitation code lets anyone choose its password. False when the name was already taken by
     * this same member (a retry); a name taken by someone else is {@link UsernameTaken}.
     */
    public boolean reserve(String username, CommunityId community, MemberId member) {
        requireValidUsername(username);
        Optional<Owner> owner = ownerOf(username);
        if (owner.isPresent()) {
            if (owner.get().community().equals(community) && owner.get().member().equals(member)) {
                return false;
            }
            throw new UsernameTaken(username);
        }
        jdbc.update("INSERT INTO account (username, password_hash, community_id, member_id) VALUES (?, NULL, ?, ?)",
                username, community.value(), member.value());
        return true;
    }

    /** Undoes {@link #reserve} when what it was reserved for could not be recorded. */
    public void release(String username) {
        jdbc.update("DELETE FROM account WHERE username = ? AND password_hash IS NULL", normalised(username));
    }

    /** Sets a password (rules checked first); the new hash ends every session and cached log-in of the old one. */
    public void setPassword(String username, String rawPassword) {
        Passwords.requireAcceptable(rawPassword);
        int updated = jdbc.update("UPDATE account SET password_hash = ? WHERE username = ?",
                passwords.encode(rawPassword), normalised(username));
        if (updated != 1) {
            throw new IllegalStateException("no account " + username + " to set a password for");
        }
    }

    public boolean passwordMatches(String username, String rawPassword) {
        return rawPassword != null && find(username).map(login -> passwords.matches(rawPassword, login.passwordHash()))
                .orElse(false);
    }

    public void makeSystemAdmin(String username) {
        if (jdbc.update("UPDATE account SET system_admin = TRUE WHERE username = ?", normalised(username)) != 1) {
            throw new IllegalArgumentException("no account " + username);
        }
    }

    /** Removes a member's log-in for good (their history stays under their pseudonymous member id). */
    public void remove(String username) {
        jdbc.update("DELETE FROM account WHERE username = ?", normalised(username));
    }

    public boolean exists(String username) {
        return ownerOf(username).isPresent();
    }

    public boolean hasPassword(String username) {
        return find(username).isPresent();
    }

    /** Whose account a name is, whether or not it has a password yet. */
    public Optional<Owner> ownerOf(String username) {
        return jdbc.query("SELECT community_id, member_id FROM account WHERE username = ?",
                (rs, i) -> new Owner(CommunityId.of(rs.getString("community_id")), MemberId.of(rs.getString("member_id"))),
                normalised(username)).stream().findFirst();
    }

    /** The community and member an account belongs to. */
    public record Owner(CommunityId community, MemberId member) {
    }

    /** Whether anyone at all can log in: nobody means a fresh installation, with a wijk still to found. */
    public boolean anyWithPassword() {
        Boolean any = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM account WHERE password_hash IS NOT NULL)",
                Boolean.class);
        return Boolean.TRUE.equals(any);
    }

    /** Only accounts that can log in: with a password, and (for the demo's) while the demo is on. */
    @Override
    public Login loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    private Optional<Login> find(String username) {
        return jdbc.query("SELECT * FROM account WHERE username = ? AND password_hash IS NOT NULL", (rs, i) -> new Login(
                rs.getString("username"),
                rs.getString("password_hash"),
                CommunityId.of(rs.getString("community_id")),
                MemberId.of(rs.getString("member_id")),
                rs.getBoolean("enabled") && (demoSwitchedOn || !rs.getBoolean("demo")),
                rs.getBoolean("system_admin")), normalised(username)).stream().findFirst();
    }
}

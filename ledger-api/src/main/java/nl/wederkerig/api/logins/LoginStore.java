package nl.wederkerig.api.logins;

import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** LoginStore stored in the database with bcrypt password hashes. */
@Component
public class LoginStore implements UserDetailsService {

    /** Shortest password accepted; bcrypt itself reads at most 72 bytes. */
    public static final int MIN_PASSWORD_CHARS = 10;
    public static final int MAX_PASSWORD_CHARS = 72;

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;

    public LoginStore(JdbcTemplate jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    public void register(String username, String rawPassword, CommunityId community, MemberId member) {
        requireValid(username, rawPassword);
        jdbc.update("INSERT INTO account (username, password_hash, community_id, member_id) VALUES (?, ?, ?, ?)",
                username, passwords.encode(rawPassword), community.value(), member.value());
    }

    /**
     * The rules for a new account, on their own: a caller that records something before it creates
     * the account (registering a member) checks them first, so a refused account leaves nothing behind.
     */
    public static void requireValid(String username, String rawPassword) {
        if (username == null || !username.matches("[a-z0-9._-]{2,64}")) {
            throw new IllegalArgumentException("username must be 2 to 64 lower-case letters, digits, dots, dashes or underscores");
        }
        if (rawPassword == null || rawPassword.length() < MIN_PASSWORD_CHARS || rawPassword.length() > MAX_PASSWORD_CHARS) {
            throw new IllegalArgumentException("password must be " + MIN_PASSWORD_CHARS + " to " + MAX_PASSWORD_CHARS + " characters");
        }
    }

    /**
     * Whether {@code username} is exactly this account: same community, same member, same password.
     * A retried registration finds its own account this way and is not mistaken for a name clash.
     */
    public boolean isAccount(String username, String rawPassword, CommunityId community, MemberId member) {
        return find(username)
                .filter(account -> account.communityId().equals(community) && account.memberId().equals(member))
                .filter(account -> passwords.matches(rawPassword, account.passwordHash()))
                .isPresent();
    }

    /**
     * Removes the member's login and the answers kept for its retried requests, as part of erasing the
     * member's personal data: the username is the member id, nothing more, but a login is theirs alone.
     * Their sessions end at their next request ({@code LoggedInAccountCheck} finds no account).
     */
    public void removeFor(MemberId member) {
        jdbc.update("DELETE FROM idempotency_record WHERE username IN (SELECT username FROM account WHERE member_id = ?)",
                member.value());
        jdbc.update("DELETE FROM account WHERE member_id = ?", member.value());
    }

    public boolean exists(String username) {
        return find(username).isPresent();
    }

    @Override
    public Login loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    private Optional<Login> find(String username) {
        return jdbc.query("SELECT * FROM account WHERE username = ?", (rs, i) -> new Login(
                rs.getString("username"),
                rs.getString("password_hash"),
                CommunityId.of(rs.getString("community_id")),
                MemberId.of(rs.getString("member_id")),
                rs.getBoolean("enabled")), username).stream().findFirst();
    }
}

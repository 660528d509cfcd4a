package nl.wederkerig.api.logins;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.wederkerig.core.shared.CommunityId;

import java.time.Instant;

/** Request and answer bodies for a person's own login. Passwords and codes never appear in {@code toString}. */
public final class LoginRequests {

    private LoginRequests() {
    }

    /** A one-time code (invitation or reset) and the password its holder chooses with it. */
    public record Redemption(@NotNull @Size(max = 64) String code, @NotNull String password) {

        @Override
        public String toString() {
            return "Redemption[…]";
        }
    }

    /** What redeeming answers: the login that now has a password, to log in with. */
    public record Redeemed(String username, CommunityId communityId) {
    }

    public record PasswordChange(@NotNull String currentPassword, @NotNull String newPassword) {

        @Override
        public String toString() {
            return "PasswordChange[…]";
        }
    }

    /** A new one-time code a coordinator issued for a member: shown once. */
    public record IssuedCode(String code, String username, Instant expiresAt) {

        @Override
        public String toString() {
            return "IssuedCode[" + username + ", until " + expiresAt + "]";
        }
    }
}

package nl.wederkerig.api.logins;

import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

/**
 * The authenticated person behind a request: one member of one community. Commands take their
 * actor from here, never from the body. {@code systemAdmin}: may found further communities on this
 * installation (see docs/operations.md).
 */
public record Login(String username, String passwordHash, CommunityId communityId, MemberId memberId, boolean enabled,
                    boolean systemAdmin)
        implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        // SYSTEM_ADMIN: who runs the machine sees the health details (how many events are parked, …).
        return systemAdmin ? List.of(new SimpleGrantedAuthority("ROLE_NEIGHBOUR"), new SimpleGrantedAuthority("ROLE_SYSTEM_ADMIN"))
                : List.of(new SimpleGrantedAuthority("ROLE_NEIGHBOUR"));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    public boolean belongsTo(CommunityId community) {
        return communityId.equals(community);
    }

    /** Every community resource starts here: a member sees and acts only within their own community. */
    public void requireMemberOf(CommunityId community) {
        if (!belongsTo(community)) {
            throw new AccessDeniedException("not a member of " + community);
        }
    }

    @Override
    public String toString() {
        // Never print the hash.
        return "Login[" + username + "@" + communityId + "]";
    }
}

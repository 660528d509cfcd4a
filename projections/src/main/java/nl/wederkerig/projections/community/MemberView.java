package nl.wederkerig.projections.community;

import nl.wederkerig.core.community.Role;
import nl.wederkerig.core.shared.MemberId;

import java.time.LocalDate;
import java.util.List;

/**
 * A member of a community, for its coordinator: registered since, left on ({@code null} while a
 * member) and the roles they hold now, in a fixed order (kind, then scope). A member who left
 * holds none.
 */
public record MemberView(MemberId memberId, LocalDate registeredOn, LocalDate deregisteredOn, List<Role> roles) {

    public MemberView {
        roles = List.copyOf(roles);
    }

    public boolean current() {
        return deregisteredOn == null;
    }
}

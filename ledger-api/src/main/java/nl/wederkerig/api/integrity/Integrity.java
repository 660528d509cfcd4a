package nl.wederkerig.api.integrity;

import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.ApplicationService;
import nl.wederkerig.api.platform.eventstore.Checkpoints;
import nl.wederkerig.api.platform.eventstore.EventChain;
import nl.wederkerig.api.platform.security.Access;
import nl.wederkerig.core.shared.CommunityId;

import java.util.List;

/**
 * Verifies the book for a coordinator: the whole chain, every checkpoint, and a head hash they
 * noted down earlier. One walk at a time: it reads every event, and a second coordinator's request
 * waits for the first rather than doubling the load.
 */
@ApplicationService
public class Integrity {

    private final EventChain chain;
    private final Access access;

    Integrity(EventChain chain, Access access) {
        this.chain = chain;
        this.access = access;
    }

    /** {@code noted}: a head hash noted down earlier (spaces allowed), or null. */
    public synchronized IntegrityReport verify(Login me, CommunityId community, String noted) {
        access.requireCoordinator(me, community);
        List<String> heads = List.of();
        if (noted != null && !noted.isBlank()) {
            if (Checkpoints.normalized(noted).isEmpty()) {
                throw new IllegalArgumentException("a noted head hash has " + Checkpoints.MIN_NOTED_HEX
                        + " to 64 hex digits (0-9, a-f), spaces allowed");
            }
            heads = List.of(noted.trim());
        }
        return IntegrityReport.of(chain.verify(heads));
    }
}

package nl.wederkerig.api.community;

import jakarta.validation.Valid;
import nl.wederkerig.api.community.CommunityRequests.FirstFounding;
import nl.wederkerig.api.community.CommunityRequests.Founded;
import nl.wederkerig.api.community.CommunityRequests.Founding;
import nl.wederkerig.api.logins.Login;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Founding a wijk over HTTP: the first one on a fresh installation with the one-time setup token,
 * further ones by the installation's system administrator. {@link Communities} decides.
 */
@RestController
class FoundingController {

    private final Communities communities;

    FoundingController(Communities communities) {
        this.communities = communities;
    }

    @PostMapping("/api/v1/setup")
    ResponseEntity<Founded> setup(@Valid @RequestBody FirstFounding body) {
        Founded founded = communities.foundFirst(body);
        return ResponseEntity.created(location(founded)).body(founded);
    }

    /** The answer holds the coordinator's one-time invitation code: never kept by a cache or the Idempotency-Key store. */
    @PostMapping("/api/v1/communities")
    ResponseEntity<Founded> found(@Valid @RequestBody Founding body, @AuthenticationPrincipal Login me) {
        Founded founded = communities.found(me, body);
        return ResponseEntity.created(location(founded)).cacheControl(CacheControl.noStore()).body(founded);
    }

    private static URI location(Founded founded) {
        return URI.create("/api/v1/communities/" + founded.communityId());
    }
}

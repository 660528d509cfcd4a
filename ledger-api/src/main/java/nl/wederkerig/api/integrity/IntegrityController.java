package nl.wederkerig.api.integrity;

import nl.wederkerig.api.logins.Login;
import nl.wederkerig.core.shared.CommunityId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The verifier over HTTP, for a coordinator; {@link Integrity} decides. */
@RestController
@RequestMapping("/api/v1/communities/{communityId}")
class IntegrityController {

    private final Integrity integrity;

    IntegrityController(Integrity integrity) {
        this.integrity = integrity;
    }

    /** Walks the whole book; {@code noted} also checks a head hash noted down earlier. */
    @GetMapping("/integrity")
    IntegrityReport verify(@PathVariable CommunityId communityId, @RequestParam(required = false) String noted,
                           @AuthenticationPrincipal Login me) {
        return integrity.verify(me, communityId, noted);
    }
}

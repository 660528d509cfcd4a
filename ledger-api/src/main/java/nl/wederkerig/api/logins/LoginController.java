package nl.wederkerig.api.logins;

import jakarta.validation.Valid;
import nl.wederkerig.api.logins.LoginRequests.IssuedCode;
import nl.wederkerig.api.logins.LoginRequests.PasswordChange;
import nl.wederkerig.api.logins.LoginRequests.Redeemed;
import nl.wederkerig.api.logins.LoginRequests.Redemption;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A person's own login over HTTP; {@link Logins} decides what each request means. */
@RestController
class LoginController {

    private final Logins logins;

    LoginController(Logins logins) {
        this.logins = logins;
    }

    @PostMapping("/api/v1/invitations/redemption")
    Redeemed redeem(@Valid @RequestBody Redemption body) {
        return logins.redeem(body);
    }

    @PostMapping("/api/v1/account/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@Valid @RequestBody PasswordChange body, @AuthenticationPrincipal Login me) {
        logins.changePassword(me, body);
    }

    /** The answer holds the one-time code: never kept by a cache, nor by the Idempotency-Key store. */
    @PostMapping("/api/v1/communities/{communityId}/members/{memberId}/login-codes")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<IssuedCode> issueCode(@PathVariable CommunityId communityId, @PathVariable MemberId memberId,
                                         @AuthenticationPrincipal Login me) {
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(logins.issueCode(me, communityId, memberId));
    }
}

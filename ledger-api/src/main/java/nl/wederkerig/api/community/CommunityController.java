package nl.wederkerig.api.community;

import jakarta.validation.Valid;
import nl.wederkerig.api.community.CommunityRequests.AdvanceLimitChange;
import nl.wederkerig.api.community.CommunityRequests.HourValuationChange;
import nl.wederkerig.api.community.CommunityRequests.InitiativeRegistration;
import nl.wederkerig.api.community.CommunityRequests.MemberRegistration;
import nl.wederkerig.api.community.CommunityRequests.PartnerRegistration;
import nl.wederkerig.api.community.CommunityRequests.RecordedAdministration;
import nl.wederkerig.api.community.CommunityRequests.RecordedMember;
import nl.wederkerig.api.community.CommunityRequests.RoleChange;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** The coordinator's administration over HTTP; {@link Communities} decides what each request means. */
@RestController
@RequestMapping("/api/v1/communities/{communityId}")
class CommunityController {

    private final Communities communities;

    CommunityController(Communities communities) {
        this.communities = communities;
    }

    /** The answer holds a one-time invitation code: never kept by a cache, nor by the Idempotency-Key store. */
    @PostMapping("/members")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<RecordedMember> registerMember(@PathVariable CommunityId communityId,
                                                  @Valid @RequestBody MemberRegistration body,
                                                  @AuthenticationPrincipal Login me) {
        RecordedMember recorded = communities.registerMember(me, communityId, body);
        return ResponseEntity.created(URI.create("/api/v1/communities/" + communityId + "/members/" + body.memberId()))
                .cacheControl(CacheControl.noStore()).body(recorded);
    }

    @PostMapping("/initiatives")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<RecordedAdministration> registerInitiative(@PathVariable CommunityId communityId,
                                                              @Valid @RequestBody InitiativeRegistration body,
                                                              @AuthenticationPrincipal Login me) {
        RecordedAdministration recorded = communities.registerInitiative(me, communityId, body);
        return ResponseEntity.created(URI.create("/api/v1/communities/" + communityId + "/initiatives/" + body.initiativeId()))
                .body(recorded);
    }

    @PostMapping("/partners")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<RecordedAdministration> registerPartner(@PathVariable CommunityId communityId,
                                                           @Valid @RequestBody PartnerRegistration body,
                                                           @AuthenticationPrincipal Login me) {
        RecordedAdministration recorded = communities.registerPartner(me, communityId, body);
        return ResponseEntity.created(URI.create("/api/v1/communities/" + communityId + "/partners/" + body.partnerId()))
                .body(recorded);
    }

    @PostMapping("/members/{memberId}/roles")
    RecordedAdministration assignRole(@PathVariable CommunityId communityId, @PathVariable MemberId memberId,
                                      @Valid @RequestBody RoleChange body, @AuthenticationPrincipal Login me) {
        return communities.assignRole(me, communityId, memberId, body);
    }

    @PostMapping("/members/{memberId}/role-revocations")
    RecordedAdministration revokeRole(@PathVariable CommunityId communityId, @PathVariable MemberId memberId,
                                      @Valid @RequestBody RoleChange body, @AuthenticationPrincipal Login me) {
        return communities.revokeRole(me, communityId, memberId, body);
    }

    @PostMapping("/advance-limit")
    RecordedAdministration setAdvanceLimit(@PathVariable CommunityId communityId, @Valid @RequestBody AdvanceLimitChange body,
                                           @AuthenticationPrincipal Login me) {
        return communities.setAdvanceLimit(me, communityId, body);
    }

    @PostMapping("/hour-valuations")
    RecordedAdministration setHourValuation(@PathVariable CommunityId communityId,
                                            @Valid @RequestBody HourValuationChange body,
                                            @AuthenticationPrincipal Login me) {
        return communities.setHourValuation(me, communityId, body);
    }
}

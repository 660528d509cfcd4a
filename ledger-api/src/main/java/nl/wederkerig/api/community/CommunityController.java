package nl.wederkerig.api.community;

import jakarta.validation.Valid;
import nl.wederkerig.api.community.CommunityRequests.AdvanceLimitChange;
import nl.wederkerig.api.community.CommunityRequests.Departure;
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
import nl.wederkerig.api.community.CommunityRequests.CommunityView;
import nl.wederkerig.projections.community.MemberView;
import org.springframework.web.bind.annotation.GetMapping;
import java.util.List;
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
    private final Erasures erasures;

    CommunityController(Communities communities, Erasures erasures) {
        this.communities = communities;
        this.erasures = erasures;
    }

    /** The community as its members see it (where a founding's Location points). */
    @GetMapping
    CommunityView community(@PathVariable CommunityId communityId, @AuthenticationPrincipal Login me) {
        return communities.community(me, communityId);
    }

    /** Every member with their roles: for the coordinators. */
    @GetMapping("/members")
    List<MemberView> members(@PathVariable CommunityId communityId, @AuthenticationPrincipal Login me) {
        return communities.members(me, communityId);
    }

    /** One member: for the coordinators and the member themselves; to anyone else not found. */
    @GetMapping("/members/{memberId}")
    MemberView member(@PathVariable CommunityId communityId, @PathVariable MemberId memberId,
                      @AuthenticationPrincipal Login me) {
        return communities.member(me, communityId, memberId);
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
        return ResponseEntity.created(URI.create("/api/v1/communities/" + communityId + "/initiatives/" + body.initiativeId() + "/balance"))
                .body(recorded);
    }

    @PostMapping("/partners")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<RecordedAdministration> registerPartner(@PathVariable CommunityId communityId,
                                                           @Valid @RequestBody PartnerRegistration body,
                                                           @AuthenticationPrincipal Login me) {
        RecordedAdministration recorded = communities.registerPartner(me, communityId, body);
        return ResponseEntity.created(URI.create("/api/v1/communities/" + communityId + "/partners/" + body.partnerId() + "/balance"))
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

    /**
     * A coordinator records that a member left the community: named in no new record from now on,
     * while what is open between them and others stays visible and can be settled.
     */
    @PostMapping("/members/{memberId}/departure")
    RecordedAdministration deregister(@PathVariable CommunityId communityId, @PathVariable MemberId memberId,
                                      @Valid @RequestBody Departure body, @AuthenticationPrincipal Login me) {
        return communities.deregister(me, communityId, memberId, body);
    }

    /** A coordinator records a member's request to have their personal data erased; nothing is erased yet. */
    @PostMapping("/members/{memberId}/erasure-requests")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<RecordedAdministration> requestErasure(@PathVariable CommunityId communityId, @PathVariable MemberId memberId,
                                                          @Valid @RequestBody Erasures.ErasureStep body,
                                                          @AuthenticationPrincipal Login me) {
        RecordedAdministration recorded = erasures.request(me, communityId, memberId, body);
        // The request is visible on the member (for the coordinators), which is where this points.
        return ResponseEntity.created(URI.create("/api/v1/communities/" + communityId + "/members/" + memberId))
                .body(recorded);
    }

    /** A second coordinator or the member confirms: the member's key and login are gone when this answers. */
    @PostMapping("/members/{memberId}/erasure-requests/confirmation")
    RecordedAdministration confirmErasure(@PathVariable CommunityId communityId, @PathVariable MemberId memberId,
                                          @Valid @RequestBody Erasures.ErasureStep body, @AuthenticationPrincipal Login me) {
        return erasures.confirm(me, communityId, memberId, body);
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

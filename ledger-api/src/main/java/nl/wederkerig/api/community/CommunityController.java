package nl.wederkerig.api.community;

import nl.wederkerig.api.ledger.BusinessDay;
import jakarta.validation.Valid;
import nl.wederkerig.api.accounts.Access;
import nl.wederkerig.api.accounts.Accounts;
import nl.wederkerig.api.accounts.Member;
import nl.wederkerig.api.community.CommunityRequests.AdvanceLimitChange;
import nl.wederkerig.api.community.CommunityRequests.HourValuationChange;
import nl.wederkerig.api.community.CommunityRequests.InitiativeRegistration;
import nl.wederkerig.api.community.CommunityRequests.MemberRegistration;
import nl.wederkerig.api.community.CommunityRequests.PartnerRegistration;
import nl.wederkerig.api.community.CommunityRequests.RecordedAdministration;
import nl.wederkerig.api.community.CommunityRequests.RoleChange;
import nl.wederkerig.core.advances.AdvanceLimit;
import nl.wederkerig.core.community.AssignRole;
import nl.wederkerig.core.community.RegisterInitiative;
import nl.wederkerig.core.community.RegisterMember;
import nl.wederkerig.core.community.RegisterPartner;
import nl.wederkerig.core.community.RevokeRole;
import nl.wederkerig.core.community.Role;
import nl.wederkerig.core.community.SetAdvanceLimit;
import nl.wederkerig.core.community.SetHourValuation;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.dao.DuplicateKeyException;
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
import java.time.Clock;
import java.time.LocalDate;

/**
 * The coordinator's administration of a community. {@link Access} turns anyone else away (403)
 * before anything is checked or sent; the community checks the coordinator role again itself.
 */
@RestController
@RequestMapping("/api/v1/communities/{communityId}")
class CommunityController {

    private final CommandGateway commands;
    private final Accounts accounts;
    private final Access access;
    private final Clock clock;

    CommunityController(CommandGateway commands, Accounts accounts, Access access, Clock clock) {
        this.commands = commands;
        this.accounts = accounts;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Registers a neighbour and creates their login (username = member id). The username is checked
     * before anything is recorded and the account created only after the member was registered; a
     * retry with the same body finds its own account and changes nothing.
     */
    @PostMapping("/members")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<RecordedAdministration> registerMember(@PathVariable CommunityId communityId,
                                                          @Valid @RequestBody MemberRegistration body,
                                                          @AuthenticationPrincipal Member me) {
        access.requireCoordinator(me, communityId);
        MemberId member = body.memberId();
        String username = member.value();
        Accounts.requireValid(username, body.firstPassword());
        boolean retry = accounts.isAccount(username, body.firstPassword(), communityId, member);
        if (!retry && accounts.exists(username)) {
            throw new UsernameTaken(username);
        }
        commands.sendAndWait(new RegisterMember(communityId, body.commandId(), member,
                BusinessDay.orToday(body.businessDate(), clock),
                me.memberId()));
        if (!retry) {
            try {
                accounts.register(username, body.firstPassword(), communityId, member);
            } catch (DuplicateKeyException takenMeanwhile) {
                // Another request took the name between the check and now; the member stays registered without a login.
                throw new UsernameTaken(username);
            }
        }
        return ResponseEntity.created(URI.create("/api/v1/communities/" + communityId + "/members/" + member))
                .body(new RecordedAdministration(communityId, body.commandId()));
    }

    @PostMapping("/initiatives")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<RecordedAdministration> registerInitiative(@PathVariable CommunityId communityId,
                                                              @Valid @RequestBody InitiativeRegistration body,
                                                              @AuthenticationPrincipal Member me) {
        access.requireCoordinator(me, communityId);
        commands.sendAndWait(new RegisterInitiative(communityId, body.commandId(), body.initiativeId(), body.kind(),
                BusinessDay.orToday(body.businessDate(), clock), me.memberId()));
        return ResponseEntity.created(URI.create("/api/v1/communities/" + communityId + "/initiatives/" + body.initiativeId()))
                .body(new RecordedAdministration(communityId, body.commandId()));
    }

    @PostMapping("/partners")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<RecordedAdministration> registerPartner(@PathVariable CommunityId communityId,
                                                           @Valid @RequestBody PartnerRegistration body,
                                                           @AuthenticationPrincipal Member me) {
        access.requireCoordinator(me, communityId);
        commands.sendAndWait(new RegisterPartner(communityId, body.commandId(), body.partnerId(), body.kind(),
                BusinessDay.orToday(body.businessDate(), clock), me.memberId()));
        return ResponseEntity.created(URI.create("/api/v1/communities/" + communityId + "/partners/" + body.partnerId()))
                .body(new RecordedAdministration(communityId, body.commandId()));
    }

    @PostMapping("/members/{memberId}/roles")
    RecordedAdministration assignRole(@PathVariable CommunityId communityId, @PathVariable MemberId memberId,
                                      @Valid @RequestBody RoleChange body, @AuthenticationPrincipal Member me) {
        access.requireCoordinator(me, communityId);
        commands.sendAndWait(new AssignRole(communityId, body.commandId(), memberId, roleOf(body),
                BusinessDay.orToday(body.businessDate(), clock), me.memberId()));
        return new RecordedAdministration(communityId, body.commandId());
    }

    @PostMapping("/members/{memberId}/role-revocations")
    RecordedAdministration revokeRole(@PathVariable CommunityId communityId, @PathVariable MemberId memberId,
                                      @Valid @RequestBody RoleChange body, @AuthenticationPrincipal Member me) {
        access.requireCoordinator(me, communityId);
        commands.sendAndWait(new RevokeRole(communityId, body.commandId(), memberId, roleOf(body),
                BusinessDay.orToday(body.businessDate(), clock), me.memberId()));
        return new RecordedAdministration(communityId, body.commandId());
    }

    @PostMapping("/advance-limit")
    RecordedAdministration setAdvanceLimit(@PathVariable CommunityId communityId, @Valid @RequestBody AdvanceLimitChange body,
                                           @AuthenticationPrincipal Member me) {
        access.requireCoordinator(me, communityId);
        commands.sendAndWait(new SetAdvanceLimit(communityId, body.commandId(),
                new AdvanceLimit(body.maxOpenAdvances(), body.maxOpenTotal()),
                        BusinessDay.orToday(body.businessDate(), clock), me.memberId()));
        return new RecordedAdministration(communityId, body.commandId());
    }

    @PostMapping("/hour-valuations")
    RecordedAdministration setHourValuation(@PathVariable CommunityId communityId,
                                            @Valid @RequestBody HourValuationChange body,
                                            @AuthenticationPrincipal Member me) {
        access.requireCoordinator(me, communityId);
        commands.sendAndWait(new SetHourValuation(communityId, body.commandId(), body.perHour(), body.effectiveFrom(),
                BusinessDay.orToday(body.businessDate(), clock), me.memberId()));
        return new RecordedAdministration(communityId, body.commandId());
    }

    /** The role's own rules (a treasurer names an initiative, only a treasurer does) answer a wrong body with 400. */
    private static Role roleOf(RoleChange body) {
        return new Role(body.kind(), body.initiativeId(), body.partnerId());
    }

}

package nl.wederkerig.api.claims;

import nl.wederkerig.api.ledger.BusinessDay;
import jakarta.validation.Valid;
import nl.wederkerig.api.accounts.Access;
import nl.wederkerig.api.accounts.Member;
import nl.wederkerig.api.claims.ClaimRequests.ClaimApproval;
import nl.wederkerig.api.claims.ClaimRequests.ClaimRejection;
import nl.wederkerig.api.claims.ClaimRequests.ClaimSubmission;
import nl.wederkerig.api.claims.ClaimRequests.RecordedClaim;
import nl.wederkerig.api.problems.NotFound;
import nl.wederkerig.core.claims.ApproveClaim;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.claims.RejectClaim;
import nl.wederkerig.core.claims.SubmitClaim;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.projections.funds.InitiativeFunds;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
 * Expense claims of an initiative: any member submits one, a treasurer of the initiative decides
 * it. The claim checks four eyes (never one's own) and its state; the
 * claim's initiative is looked up in the funds read model, so a decision on a claim submitted a
 * moment ago may be answered 404 until that model has it.
 */
@RestController
@RequestMapping("/api/v1/communities/{communityId}/initiatives/{initiativeId}/claims")
class ClaimController {

    private final CommandGateway commands;
    private final InitiativeFunds funds;
    private final Access access;
    private final Clock clock;

    ClaimController(CommandGateway commands, InitiativeFunds funds, Access access, Clock clock) {
        this.commands = commands;
        this.funds = funds;
        this.access = access;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<RecordedClaim> submit(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                                         @Valid @RequestBody ClaimSubmission body, @AuthenticationPrincipal Member me) {
        me.requireMemberOf(communityId);
        if (!funds.knows(communityId, initiativeId)) {
            throw new NotFound("no initiative " + initiativeId + " in this community");
        }
        commands.sendAndWait(new SubmitClaim(body.claimId(), communityId, initiativeId, body.amount(), body.category(),
                body.receipt(), BusinessDay.orToday(body.businessDate(), clock), me.memberId()));
        URI location = URI.create("/api/v1/communities/" + communityId + "/initiatives/" + initiativeId + "/claims/"
                + body.claimId());
        // The claim id is the id of the command that submitted it.
        return ResponseEntity.created(location).body(new RecordedClaim(body.claimId(), CommandId.of(body.claimId().value())));
    }

    @PostMapping("/{claimId}/approval")
    RecordedClaim approve(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                          @PathVariable ClaimId claimId, @Valid @RequestBody ClaimApproval body,
                          @AuthenticationPrincipal Member me) {
        requireClaimOf(communityId, initiativeId, claimId, me);
        commands.sendAndWait(new ApproveClaim(claimId, body.commandId(),
                BusinessDay.orToday(body.businessDate(), clock), me.memberId()));
        return new RecordedClaim(claimId, body.commandId());
    }

    @PostMapping("/{claimId}/rejection")
    RecordedClaim reject(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                         @PathVariable ClaimId claimId, @Valid @RequestBody ClaimRejection body,
                         @AuthenticationPrincipal Member me) {
        requireClaimOf(communityId, initiativeId, claimId, me);
        commands.sendAndWait(new RejectClaim(claimId, body.commandId(), body.reason(), body.reasonCode(),
                BusinessDay.orToday(body.businessDate(), clock), me.memberId()));
        return new RecordedClaim(claimId, body.commandId());
    }

    /**
     * The claim must be of the initiative in the path, and only a treasurer of that initiative
     * decides it. The claim itself does not know roles; it checks the four eyes.
     */
    private void requireClaimOf(CommunityId community, InitiativeId initiative, ClaimId claim, Member me) {
        me.requireMemberOf(community);
        if (!funds.initiativeOfClaim(community, claim).filter(initiative::equals).isPresent()) {
            throw new NotFound("no claim " + claim + " of this initiative");
        }
        access.requireTreasurerOf(me, community, initiative);
    }

}

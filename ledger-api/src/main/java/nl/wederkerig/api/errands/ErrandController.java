package nl.wederkerig.api.errands;

import nl.wederkerig.api.ledger.BusinessDay;
import jakarta.validation.Valid;
import nl.wederkerig.api.accounts.Member;
import nl.wederkerig.api.errands.ErrandRequests.ErrandChange;
import nl.wederkerig.api.errands.ErrandRequests.ErrandSpending;
import nl.wederkerig.api.errands.ErrandRequests.ErrandStart;
import nl.wederkerig.api.errands.ErrandRequests.RecordedErrand;
import nl.wederkerig.core.errands.ReportErrandSpending;
import nl.wederkerig.core.errands.ReturnErrandChange;
import nl.wederkerig.core.errands.StartErrand;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ErrandId;
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
 * Errands with entrusted cash. The errand checks who may take each step (either party starts it,
 * only the helper reports and hands back change); spending more than entrusted becomes an advance.
 */
@RestController
@RequestMapping("/api/v1/communities/{communityId}")
class ErrandController {

    private final CommandGateway commands;
    private final Clock clock;

    ErrandController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/errands")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<RecordedErrand> start(@PathVariable CommunityId communityId, @Valid @RequestBody ErrandStart body,
                                         @AuthenticationPrincipal Member me) {
        me.requireMemberOf(communityId);
        commands.sendAndWait(new StartErrand(body.errandId(), communityId, body.asker(), body.helper(), body.entrusted(),
                body.purpose(), BusinessDay.orToday(body.businessDate(), clock), me.memberId()));
        URI location = URI.create("/api/v1/communities/" + communityId + "/errands/" + body.errandId());
        // The errand id is the id of the command that started it.
        return ResponseEntity.created(location).body(new RecordedErrand(body.errandId(), CommandId.of(body.errandId().value())));
    }

    @PostMapping("/errands/{errandId}/spending")
    RecordedErrand reportSpending(@PathVariable CommunityId communityId, @PathVariable ErrandId errandId,
                                  @Valid @RequestBody ErrandSpending body, @AuthenticationPrincipal Member me) {
        me.requireMemberOf(communityId);
        commands.sendAndWait(new ReportErrandSpending(errandId, body.commandId(), body.spent(), body.receipt(),
                BusinessDay.orToday(body.businessDate(), clock), me.memberId()));
        return new RecordedErrand(errandId, body.commandId());
    }

    @PostMapping("/errands/{errandId}/change")
    RecordedErrand returnChange(@PathVariable CommunityId communityId, @PathVariable ErrandId errandId,
                                @Valid @RequestBody ErrandChange body, @AuthenticationPrincipal Member me) {
        me.requireMemberOf(communityId);
        commands.sendAndWait(new ReturnErrandChange(errandId, body.commandId(), body.amount(),
                BusinessDay.orToday(body.businessDate(), clock),
                me.memberId()));
        return new RecordedErrand(errandId, body.commandId());
    }

}

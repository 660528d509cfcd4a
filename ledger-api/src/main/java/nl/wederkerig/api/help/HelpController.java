package nl.wederkerig.api.help;

import nl.wederkerig.api.ledger.BusinessDay;
import jakarta.validation.Valid;
import nl.wederkerig.api.accounts.Member;
import nl.wederkerig.api.help.HelpRequests.HelpConfirmation;
import nl.wederkerig.api.help.HelpRequests.HelpDispute;
import nl.wederkerig.api.help.HelpRequests.HelpGiven;
import nl.wederkerig.api.help.HelpRequests.RecordedHelp;
import nl.wederkerig.core.help.ConfirmHelp;
import nl.wederkerig.core.help.DisputeHelp;
import nl.wederkerig.core.help.HelpId;
import nl.wederkerig.core.help.RecordHelp;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
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

/** Help in hours. The record of help checks that only its receiver confirms or disputes it. */
@RestController
@RequestMapping("/api/v1/communities/{communityId}")
class HelpController {

    private final CommandGateway commands;
    private final Clock clock;

    HelpController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/help")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<RecordedHelp> record(@PathVariable CommunityId communityId, @Valid @RequestBody HelpGiven body,
                                        @AuthenticationPrincipal Member me) {
        me.requireMemberOf(communityId);
        commands.sendAndWait(new RecordHelp(body.helpId(), communityId, me.memberId(), body.receiver(), body.hours(),
                body.kind(), null, BusinessDay.orToday(body.businessDate(), clock), me.memberId()));
        URI location = URI.create("/api/v1/communities/" + communityId + "/help/" + body.helpId());
        // The help id is the id of the command that recorded it.
        return ResponseEntity.created(location).body(new RecordedHelp(body.helpId(), CommandId.of(body.helpId().value())));
    }

    @PostMapping("/help/{helpId}/confirmation")
    RecordedHelp confirm(@PathVariable CommunityId communityId, @PathVariable HelpId helpId,
                         @Valid @RequestBody HelpConfirmation body, @AuthenticationPrincipal Member me) {
        me.requireMemberOf(communityId);
        commands.sendAndWait(new ConfirmHelp(helpId, body.commandId(),
                BusinessDay.orToday(body.businessDate(), clock), me.memberId()));
        return new RecordedHelp(helpId, body.commandId());
    }

    @PostMapping("/help/{helpId}/dispute")
    RecordedHelp dispute(@PathVariable CommunityId communityId, @PathVariable HelpId helpId,
                         @Valid @RequestBody HelpDispute body, @AuthenticationPrincipal Member me) {
        me.requireMemberOf(communityId);
        commands.sendAndWait(new DisputeHelp(helpId, body.commandId(), body.reason(),
                BusinessDay.orToday(body.businessDate(), clock),
                me.memberId()));
        return new RecordedHelp(helpId, body.commandId());
    }

}

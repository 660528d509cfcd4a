package nl.wederkerig.api.funds;

import jakarta.validation.Valid;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.funds.FundRequests.ClaimPayment;
import nl.wederkerig.api.funds.FundRequests.Contribution;
import nl.wederkerig.api.funds.FundRequests.Expense;
import nl.wederkerig.api.funds.FundRequests.FundReversal;
import nl.wederkerig.api.funds.FundRequests.RecordedFundEntry;
import nl.wederkerig.api.funds.FundRequests.Transfer;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.projections.funds.InitiativeBalance;
import nl.wederkerig.projections.funds.InitiativeReport;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;


/** A treasurer's entries in an initiative's fund over HTTP; {@link Funds} decides what each request means. */
@RestController
@RequestMapping("/api/v1/communities/{communityId}/initiatives/{initiativeId}")
class FundController {

    private final Funds funds;

    FundController(Funds funds) {
        this.funds = funds;
    }

    @PostMapping("/contributions")
    RecordedFundEntry recordContribution(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                                         @Valid @RequestBody Contribution body, @AuthenticationPrincipal Login me) {
        return funds.recordContribution(me, communityId, initiativeId, body);
    }

    @PostMapping("/expenses")
    RecordedFundEntry recordExpense(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                                    @Valid @RequestBody Expense body, @AuthenticationPrincipal Login me) {
        return funds.recordExpense(me, communityId, initiativeId, body);
    }

    @PostMapping("/transfers")
    RecordedFundEntry transfer(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                               @Valid @RequestBody Transfer body, @AuthenticationPrincipal Login me) {
        return funds.transfer(me, communityId, initiativeId, body);
    }

    @PostMapping("/entries/{entryId}/reversal")
    RecordedFundEntry reverse(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                              @PathVariable CommandId entryId, @Valid @RequestBody FundReversal body,
                              @AuthenticationPrincipal Login me) {
        return funds.reverse(me, communityId, initiativeId, entryId, body);
    }

    @PostMapping("/claims/{claimId}/payment")
    RecordedFundEntry payClaim(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                               @PathVariable ClaimId claimId, @Valid @RequestBody ClaimPayment body,
                               @AuthenticationPrincipal Login me) {
        return funds.payClaim(me, communityId, initiativeId, claimId, body);
    }

    /** Bank, cash box and open claims at the end of {@code asOf} (today when left out). */
    @GetMapping("/balance")
    InitiativeBalance balance(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                              @AuthenticationPrincipal Login me) {
        return funds.balance(me, communityId, initiativeId, asOf);
    }

    /** The period {@code from}–{@code to} (inclusive, at most three years) and the one before it. */
    @GetMapping("/report")
    InitiativeReport report(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                            @AuthenticationPrincipal Login me) {
        return funds.report(me, communityId, initiativeId, from, to);
    }
}

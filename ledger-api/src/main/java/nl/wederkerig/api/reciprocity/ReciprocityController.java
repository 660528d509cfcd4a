package nl.wederkerig.api.reciprocity;

import jakarta.validation.Valid;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.reciprocity.ReciprocityRequests.HoursDrawnEntry;
import nl.wederkerig.api.reciprocity.ReciprocityRequests.InKindReturnedEntry;
import nl.wederkerig.api.reciprocity.ReciprocityRequests.MoneyReturnedEntry;
import nl.wederkerig.api.reciprocity.ReciprocityRequests.ReciprocityReversal;
import nl.wederkerig.api.reciprocity.ReciprocityRequests.RecordedReciprocityEntry;
import nl.wederkerig.api.reciprocity.ReciprocityRequests.ServiceDrawnEntry;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.projections.reciprocity.PartnerBalance;
import nl.wederkerig.projections.reciprocity.PartnerStatement;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/**
 * A partner's reciprocity account over HTTP: entries, their reversal, the statement and the
 * balance; {@link Reciprocity} decides what each request means. Statements name no neighbour;
 * counts below five are shown as "< 5".
 */
@RestController
@RequestMapping("/api/v1/communities/{communityId}/partners/{partnerId}")
class ReciprocityController {

    private final Reciprocity reciprocity;

    ReciprocityController(Reciprocity reciprocity) {
        this.reciprocity = reciprocity;
    }

    @PostMapping("/hours-drawn")
    RecordedReciprocityEntry hoursDrawn(@PathVariable CommunityId communityId, @PathVariable PartnerId partnerId,
                                        @Valid @RequestBody HoursDrawnEntry body, @AuthenticationPrincipal Login me) {
        return reciprocity.hoursDrawn(me, communityId, partnerId, body);
    }

    @PostMapping("/services-drawn")
    RecordedReciprocityEntry serviceDrawn(@PathVariable CommunityId communityId, @PathVariable PartnerId partnerId,
                                          @Valid @RequestBody ServiceDrawnEntry body, @AuthenticationPrincipal Login me) {
        return reciprocity.serviceDrawn(me, communityId, partnerId, body);
    }

    @PostMapping("/money-returned")
    RecordedReciprocityEntry moneyReturned(@PathVariable CommunityId communityId, @PathVariable PartnerId partnerId,
                                           @Valid @RequestBody MoneyReturnedEntry body, @AuthenticationPrincipal Login me) {
        return reciprocity.moneyReturned(me, communityId, partnerId, body);
    }

    @PostMapping("/in-kind-returned")
    RecordedReciprocityEntry inKindReturned(@PathVariable CommunityId communityId, @PathVariable PartnerId partnerId,
                                            @Valid @RequestBody InKindReturnedEntry body, @AuthenticationPrincipal Login me) {
        return reciprocity.inKindReturned(me, communityId, partnerId, body);
    }

    @PostMapping("/entries/{entryId}/reversal")
    RecordedReciprocityEntry reverse(@PathVariable CommunityId communityId, @PathVariable PartnerId partnerId,
                                     @PathVariable CommandId entryId, @Valid @RequestBody ReciprocityReversal body,
                                     @AuthenticationPrincipal Login me) {
        return reciprocity.reverse(me, communityId, partnerId, entryId, body);
    }

    /** Drawn versus returned for {@code from}–{@code to} (inclusive, at most three years), per initiative and in total. */
    @GetMapping("/statement")
    PartnerStatement statement(@PathVariable CommunityId communityId, @PathVariable PartnerId partnerId,
                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @AuthenticationPrincipal Login me) {
        return reciprocity.statement(me, communityId, partnerId, from, to);
    }

    /** Everything drawn and returned up to the end of {@code asOf} (today when left out), valued. */
    @GetMapping("/balance")
    PartnerBalance balance(@PathVariable CommunityId communityId, @PathVariable PartnerId partnerId,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                           @AuthenticationPrincipal Login me) {
        return reciprocity.balance(me, communityId, partnerId, asOf);
    }
}

package nl.wederkerig.api.balances;

import nl.wederkerig.api.logins.Login;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.projections.balances.NeighbourBalance;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** A neighbour's own balance over HTTP, now or as of the end of a business date. */
@RestController
@RequestMapping("/api/v1/communities/{communityId}")
class BalanceController {

    private final Balances balances;

    BalanceController(Balances balances) {
        this.balances = balances;
    }

    @GetMapping("/members/{memberId}/balance")
    NeighbourBalance balance(@PathVariable CommunityId communityId, @PathVariable MemberId memberId,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                             @AuthenticationPrincipal Login me) {
        return balances.of(me, communityId, memberId, asOf);
    }
}

package nl.wederkerig.api.balances;

import nl.wederkerig.api.platform.web.pages.Figures;
import nl.wederkerig.api.platform.web.pages.Tokens;

import nl.wederkerig.api.logins.Login;
import nl.wederkerig.projections.balances.NeighbourBalance;
import nl.wederkerig.projections.balances.PairBalance;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;
import java.util.Locale;

/**
 * "Mijn overzicht": the logged-in neighbour's own balance, straight from the balances read model
 * (which follows the events within moments). Only their own affairs, as everywhere.
 */
@Controller
class BalancePages {

    private final Balances balances;

    BalancePages(Balances balances) {
        this.balances = balances;
    }

    /** One counterparty line: who, how much, which way, over how many open advances. */
    record Counterparty(String who, String amount, boolean owesMe, int openAdvances) {
    }

    @GetMapping("/")
    String show(@AuthenticationPrincipal Login me, CsrfToken csrf, Locale locale, Model model) {
        Tokens.makeNow(csrf);
        NeighbourBalance balance = balances.mine(me);
        Figures figures = new Figures(locale);
        List<Counterparty> counterparties = balance.pairs().stream().map(pair -> counterparty(pair, figures)).toList();
        model.addAttribute("username", me.username());
        model.addAttribute("community", me.communityId().value());
        model.addAttribute("owedToMe", figures.money(balance.owedToMe()));
        model.addAttribute("iOwe", figures.money(balance.iOwe()));
        model.addAttribute("net", figures.money(balance.net()));
        model.addAttribute("openAdvances", balance.pairs().stream().mapToInt(pair -> pair.openAdvances().size()).sum());
        model.addAttribute("counterparties", counterparties);
        model.addAttribute("truncated", balance.truncated());
        model.addAttribute("hoursGiven", figures.hours(balance.hours().givenMinutes()));
        model.addAttribute("hoursReceived", figures.hours(balance.hours().receivedMinutes()));
        return "overview";
    }

    private static Counterparty counterparty(PairBalance pair, Figures figures) {
        boolean owesMe = pair.net().isPositive();
        // The direction is said in words; the amount is shown without its sign.
        return new Counterparty(pair.counterparty().value(), figures.unsignedMoney(pair.net()), owesMe,
                pair.openAdvances().size());
    }
}

package nl.wederkerig.api.balances;

import nl.wederkerig.api.advances.Advances;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.web.pages.Figures;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.projections.balances.AdvanceView;
import nl.wederkerig.projections.balances.NeighbourBalance;
import nl.wederkerig.projections.balances.PairBalance;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Met elke buur": what the signed-in neighbour and each other neighbour owe each other, netted
 * between the two of them only (A owes B €10, B owes A €4: "you owe B €6"), with what stands
 * disputed shown apart and never netted. Never across three people: that would show a debt
 * nobody agreed to. Every neighbour they ever had an advance with is listed, also when they are
 * quits (€ 0,00), with the advances between them.
 */
@Controller
class NeighbourPages {

    private final Balances balances;
    private final Advances advances;
    private final MessageSource texts;

    NeighbourPages(Balances balances, Advances advances, MessageSource texts) {
        this.balances = balances;
        this.advances = advances;
        this.texts = texts;
    }

    /** One neighbour: the netted sentence, the disputed sentence (or null) and the advances between us. */
    record Pair(String who, String net, String disputed, List<PairAdvance> advances) {
    }

    record PairAdvance(String id, String text) {
    }

    @GetMapping("/neighbours")
    String show(@AuthenticationPrincipal Login me, Locale locale, Model model) {
        NeighbourBalance balance = balances.mine(me);
        List<AdvanceView> mine = advances.mine(me);
        Figures figures = new Figures(locale);
        Map<MemberId, PairBalance> open = new LinkedHashMap<>();
        balance.pairs().forEach(pair -> open.put(pair.counterparty(), pair));
        Map<MemberId, List<PairAdvance>> between = new LinkedHashMap<>();
        open.keySet().forEach(other -> between.put(other, new ArrayList<>()));
        for (AdvanceView advance : mine) {
            MemberId other = advance.lender().equals(me.memberId()) ? advance.borrower() : advance.lender();
            between.computeIfAbsent(other, key -> new ArrayList<>()).add(pairAdvance(advance, me.memberId(), figures, locale));
        }
        List<Pair> pairs = between.entrySet().stream()
                .map(entry -> pair(entry.getKey(), open.get(entry.getKey()), entry.getValue(), figures, locale)).toList();
        model.addAttribute("pairs", pairs);
        model.addAttribute("truncated", balance.truncated() || mine.size() >= nl.wederkerig.projections.balances.AdvanceBalances.MAX_LISTED);
        return "neighbours";
    }

    private Pair pair(MemberId other, PairBalance open, List<PairAdvance> between, Figures figures, Locale locale) {
        Money net = open == null ? Money.zero(Money.EUR) : open.net();
        Money disputed = open == null ? Money.zero(Money.EUR) : open.disputed();
        String key = net.isZero() ? "pair.quits" : net.isPositive() ? "pair.owes-me" : "pair.i-owe";
        String netText = texts.getMessage(key, new Object[]{other.value(), figures.unsignedMoney(net)}, locale);
        String disputedText = disputed.isZero() ? null : texts.getMessage(disputed.isPositive() ? "pair.disputed.by-them" : "pair.disputed.by-me",
                new Object[]{other.value(), figures.unsignedMoney(disputed)}, locale);
        return new Pair(other.value(), netText, disputedText, between);
    }

    private PairAdvance pairAdvance(AdvanceView advance, MemberId me, Figures figures, Locale locale) {
        String on = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(advance.madeOn());
        String key = advance.lender().equals(me) ? "pair.advance.mine" : "pair.advance.theirs";
        return new PairAdvance(advance.advanceId().value(), texts.getMessage(key, new Object[]{figures.money(advance.amount()), on,
                figures.money(advance.outstanding()), texts.getMessage("advance.status." + advance.status().name(), null, locale)}, locale));
    }
}

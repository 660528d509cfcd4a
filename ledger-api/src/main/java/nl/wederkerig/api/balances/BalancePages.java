package nl.wederkerig.api.balances;

import nl.wederkerig.api.platform.web.pages.Figures;
import nl.wederkerig.api.platform.web.pages.BackHome;
import nl.wederkerig.api.platform.web.pages.ReadYourWrite;
import nl.wederkerig.api.platform.web.pages.Tokens;

import nl.wederkerig.api.advances.Advances;
import nl.wederkerig.api.errands.Errands;
import nl.wederkerig.api.help.Help;
import nl.wederkerig.core.errands.ErrandStatus;
import nl.wederkerig.projections.trust.ErrandView;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.projections.trust.HelpView;
import nl.wederkerig.projections.balances.AdvanceWaiting;
import nl.wederkerig.projections.balances.NeighbourBalance;
import nl.wederkerig.projections.balances.PairBalance;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * "Mijn overzicht": first what waits for the logged-in neighbour ("Voor jou", one button each,
 * answered by the advance's own pages), then their own balance, straight from the balances read
 * model (which follows the events within moments). Only their own affairs, as everywhere.
 */
@Controller
class BalancePages {

    private final Balances balances;
    private final Advances advances;
    private final MessageSource texts;

    private final Help help;
    private final Errands errands;

    private final nl.wederkerig.api.reconciliation.Reconciliations reconciliations;

    BalancePages(Balances balances, Advances advances, Help help, Errands errands, MessageSource texts,
                 nl.wederkerig.api.reconciliation.Reconciliations reconciliations) {
        this.reconciliations = reconciliations;
        this.errands = errands;
        this.balances = balances;
        this.advances = advances;
        this.help = help;
        this.texts = texts;
    }

    /**
     * One thing waiting for me, in words, with the command id its button sends: an advance to
     * acknowledge ({@code kind} "advance"), a reimbursement to confirm ("reimbursement", with
     * {@code reimbursementId}) or help to confirm ("help", {@code helpId}).
     */
    record Waiting(String kind, String advanceId, String reimbursementId, String helpId, String text, String commandId,
                   String errandId, String change, String recordedBy) {
    }

    /** One counterparty line: who, how much, which way, over how many open advances. */
    record Counterparty(String who, String amount, boolean owesMe, int openAdvances) {
    }

    /** What a one-tap answer from "Voor jou" did (see {@link BackHome}), as the message its own page shows. */
    private static final Map<String, String> DONE = Map.of(
            "acknowledged", "advance.done.acknowledged",
            "confirmed", "advance.done.confirmed",
            "help-confirmed", "help.done.confirmed");
    private static final String AN_ID = "[A-Za-z0-9._:-]{1,80}";

    @GetMapping("/")
    String show(@AuthenticationPrincipal Login me, @RequestParam(required = false) String answered,
                @RequestParam(required = false) String done, @RequestParam(required = false) String about,
                CsrfToken csrf, Locale locale, Model model) {
        Tokens.makeNow(csrf);
        if (done != null && DONE.containsKey(done)) {
            model.addAttribute("done", texts.getMessage(DONE.get(done), null, locale));
            boolean advance = about != null && about.matches(AN_ID);
            model.addAttribute("doneLink", advance ? "/advances/" + about : done.startsWith("help") ? "/help" : null);
        }
        if (answered != null && answered.matches(AN_ID)) {
            // The balances read model follows a moment after the advance's own: wait until the answered item is gone.
            ReadYourWrite.await(() -> waitingFor(me, new Figures(locale), locale).stream().noneMatch(item -> answers(item, answered)));
        }
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
        model.addAttribute("disputedOwedToMe", balance.disputedOwedToMe().isZero() ? null : figures.money(balance.disputedOwedToMe()));
        model.addAttribute("disputedIOwe", balance.disputedIOwe().isZero() ? null : figures.money(balance.disputedIOwe()));
        model.addAttribute("waiting", waitingFor(me, figures, locale));
        // A treasurer or kascommissie of an initiative reaches its treasury page from here.
        model.addAttribute("booksOf", reconciliations.booksOf(me, me.communityId()).stream().map(id -> id.value()).toList());
        return "overview";
    }

    private List<Waiting> waitingFor(Login me, Figures figures, Locale locale) {
        List<Waiting> waiting = new ArrayList<>();
        advances.waitingForMe(me).forEach(item -> waiting.add(waiting(item, figures, locale)));
        help.waitingForMe(me).forEach(item -> waiting.add(waiting(item, figures, locale)));
        errands.mine(me).stream()
                .filter(errand -> errand.helper().equals(me.memberId()) && errand.status() == ErrandStatus.CHANGE_DUE
                        && errand.changeDue() != null)
                .forEach(errand -> waiting.add(change(errand, figures, locale)));
        return waiting;
    }

    /** Whether this item is the one just answered: the advance to acknowledge, the reimbursement or the help to confirm. */
    private static boolean answers(Waiting item, String answered) {
        return switch (item.kind()) {
            case "advance" -> answered.equals(item.advanceId());
            case "reimbursement" -> answered.equals(item.reimbursementId());
            case "help" -> answered.equals(item.helpId());
            default -> false;
        };
    }

    private Waiting waiting(AdvanceWaiting item, Figures figures, Locale locale) {
        String on = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(item.on());
        Object[] words = {item.other().value(), figures.money(item.amount()), on};
        boolean advance = item.reimbursementId() == null;
        return new Waiting(advance ? "advance" : "reimbursement", item.advanceId().value(),
                advance ? null : item.reimbursementId().value(), null,
                texts.getMessage(advance ? "waiting.acknowledge" : "waiting.confirm", words, locale), "step-" + UUID.randomUUID(),
                null, null, recordedBy(item, locale));
    }

    /**
     * "Vastgelegd door coord namens lotte" when someone else typed it in for the other neighbour (issue 12,
     * flow 10): the one who answers must know who to talk to. The advance made, or the reimbursement paid,
     * by someone other than the one it names ({@link AdvanceWaiting#recordedBy}); null when they did it themselves.
     */
    private String recordedBy(AdvanceWaiting item, Locale locale) {
        return item.recordedBy() == null ? null
                : texts.getMessage("onbehalf.recorded.for", new Object[]{item.recordedBy().value(), item.other().value()}, locale);
    }

    private Waiting waiting(HelpView item, Figures figures, Locale locale) {
        String on = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(item.givenOn());
        Object[] words = {item.helper().value(), figures.hours(item.minutes()), on};
        String recordedBy = item.recordedBy() == null || item.recordedBy().equals(item.helper()) ? null
                : texts.getMessage("onbehalf.recorded.for", new Object[]{item.recordedBy().value(), item.helper().value()}, locale);
        return new Waiting("help", null, null, item.helpId().value(), texts.getMessage("waiting.help", words, locale),
                "help-step-" + UUID.randomUUID(), null, null, recordedBy);
    }

    /** Change the signed-in helper still hands back: one button records it, for the amount the errand says. */
    private Waiting change(ErrandView errand, Figures figures, Locale locale) {
        String on = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(errand.startedOn());
        Object[] words = {errand.asker().value(), figures.money(errand.changeDue()), on};
        return new Waiting("change", null, null, null, texts.getMessage("waiting.change", words, locale),
                "errand-step-" + UUID.randomUUID(), errand.errandId().value(), errand.changeDue().amount().toPlainString(), null);
    }

    private static Counterparty counterparty(PairBalance pair, Figures figures) {
        boolean owesMe = pair.net().isPositive();
        // The direction is said in words; the amount is shown without its sign.
        return new Counterparty(pair.counterparty().value(), figures.unsignedMoney(pair.net()), owesMe,
                pair.openAdvances().size());
    }
}

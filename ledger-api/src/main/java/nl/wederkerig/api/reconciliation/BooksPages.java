package nl.wederkerig.api.reconciliation;

import nl.wederkerig.api.claims.Claims;
import nl.wederkerig.api.claims.ReceiptFiles;
import nl.wederkerig.api.journal.InitiativeJournals;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.web.pages.Figures;
import nl.wederkerig.core.journal.Unit;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.projections.claims.ClaimState;
import nl.wederkerig.projections.claims.ClaimView;
import nl.wederkerig.projections.journal.InitiativeJournal.InitiativePosting;
import nl.wederkerig.projections.reconciliation.MatchView;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * An initiative's books to read, for who audits them (the kascommissie) and who keeps or oversees
 * them: every claim with its receipts and how it was paid, the confirmed bank matches and the
 * initiative's own journal. Only reading: the page has no form. The same application services as
 * the API decide who may see it.
 */
@Controller
class BooksPages {

    static final String PAGE = TreasuryPages.PAGE + "/books";

    private final Claims claims;
    private final Reconciliations reconciliations;
    private final InitiativeJournals journal;
    private final MessageSource texts;

    BooksPages(Claims claims, Reconciliations reconciliations, InitiativeJournals journal, MessageSource texts) {
        this.claims = claims;
        this.reconciliations = reconciliations;
        this.journal = journal;
        this.texts = texts;
    }

    /** A claim as the books list it: what, whose, when, where it stands, its receipts. */
    record ClaimLine(String id, String amount, String category, String claimant, String submittedOn, String status, String payment,
                     List<String> receiptLinks) {
    }

    /** A confirmed match: when, how much, how many bank lines and entries, by whom. */
    record MatchLine(String on, String amount, int lines, int entries, String by, boolean bookedFromLine) {
    }

    /** One posting on the initiative's accounts. */
    record PostingLine(String on, String description, String account, String amount) {
    }

    @GetMapping(PAGE)
    String show(@PathVariable InitiativeId initiativeId, @AuthenticationPrincipal Login me, Locale locale, Model model) {
        Figures figures = new Figures(locale);
        // The role check comes first: to anyone else the page is the same "not found" as an unknown initiative.
        Reconciliations.BooksRole role = reconciliations.roleIn(me, me.communityId(), initiativeId);
        model.addAttribute("initiative", initiativeId.value());
        model.addAttribute("auditor", role == Reconciliations.BooksRole.AUDITOR);
        model.addAttribute("claims", claims.all(me, me.communityId(), initiativeId).stream()
                .map(c -> claimLine(me, initiativeId, c, figures, locale)).toList());
        model.addAttribute("matches", reconciliations.matches(me, me.communityId(), initiativeId).stream()
                .map(m -> matchLine(m, figures, locale)).toList());
        model.addAttribute("postings", journal.postings(me, me.communityId(), initiativeId).stream()
                .map(p -> postingLine(p, figures, locale)).toList());
        return "treasury-books";
    }

    private ClaimLine claimLine(Login me, InitiativeId initiative, ClaimView c, Figures figures, Locale locale) {
        String payment = null;
        if (c.status() == ClaimState.PAID) {
            boolean seen = claims.paymentMatched(me, me.communityId(), initiative, c.claimId());
            payment = texts.getMessage(seen ? "books.claim.seen-on-bank" : "books.claim.by-hand", null, locale);
        }
        int files = claims.receiptFiles(me, me.communityId(), initiative, c);
        List<String> links = IntStream.rangeClosed(1, files)
                .mapToObj(n -> ReceiptFiles.path(me.communityId(), initiative, c.claimId(), n)).toList();
        return new ClaimLine(c.claimId().value(), figures.money(c.amount()),
                texts.getMessage("treasury.category." + c.category().name(), null, locale), c.claimant().value(),
                date(c.submittedOn(), locale), texts.getMessage("books.claim.status." + c.status().name(), null, locale), payment, links);
    }

    private static MatchLine matchLine(MatchView m, Figures figures, Locale locale) {
        return new MatchLine(date(m.matchedOn(), locale), figures.money(m.amount()), m.lines().size(), m.entries().size(),
                m.matchedBy().value(), m.bookedFromLine());
    }

    private static PostingLine postingLine(InitiativePosting p, Figures figures, Locale locale) {
        String amount = p.unit() == Unit.EUR ? figures.money(Money.ofCents(p.quantity(), Money.EUR)) : figures.hours(p.quantity());
        return new PostingLine(date(p.businessDate(), locale), p.description(), p.account(), amount);
    }

    private static String date(LocalDate day, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
    }
}

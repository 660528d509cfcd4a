package nl.wederkerig.api.parking;

import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.time.LedgerTime;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * "Wat wacht er op een oplossing?": the coordinator's page of parked events, each with its reason,
 * and a button that retries them after a fix. The button posts and comes back to the page with
 * what the retry did (post, redirect, get); no script needed.
 */
@Controller
class ParkedEventsPages {

    static final String PATH = "/coordinator/parked-events";

    private final ParkedEvents parked;

    ParkedEventsPages(ParkedEvents parked) {
        this.parked = parked;
    }

    @GetMapping(PATH)
    String show(@AuthenticationPrincipal Login me, @RequestParam(required = false) Integer applied,
                @RequestParam(required = false) Integer refused, Locale locale, Model model) {
        ParkedEventsReport report = parked.list(me, me.communityId());
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(LedgerTime.ZONE);
        model.addAttribute("report", report);
        model.addAttribute("when", when);
        model.addAttribute("retried", applied != null && refused != null);
        model.addAttribute("applied", applied == null ? 0 : Math.max(0, applied));
        model.addAttribute("refused", refused == null ? 0 : Math.max(0, refused));
        return "parked-events";
    }

    /** Retries everything parked for the wijk, or one sequence of one read model (the row's own button). */
    @PostMapping(PATH + "/retry")
    String retry(@AuthenticationPrincipal Login me, @RequestParam(required = false) String processor,
                 @RequestParam(required = false) String sequence) {
        RetryReport report = parked.retry(me, me.communityId(), blankToNull(processor), blankToNull(sequence));
        return "redirect:" + PATH + "?applied=" + report.sequencesApplied() + "&refused=" + report.sequencesStillParked();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

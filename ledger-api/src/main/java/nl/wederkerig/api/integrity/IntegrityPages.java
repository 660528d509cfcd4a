package nl.wederkerig.api.integrity;

import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.eventstore.Checkpoints;
import nl.wederkerig.api.platform.time.LedgerTime;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * "Is het boek nog zoals het geschreven is?": the coordinator's page with the head hash to note
 * down and the verifier's verdict. A plain form (GET) checks a noted head; no script needed.
 */
@Controller
class IntegrityPages {

    private final Integrity integrity;

    IntegrityPages(Integrity integrity) {
        this.integrity = integrity;
    }

    @GetMapping("/integrity")
    String show(@AuthenticationPrincipal Login me, @RequestParam(required = false) String noted, Locale locale,
                Model model) {
        boolean notedValid = noted == null || noted.isBlank()
                || !Checkpoints.normalized(noted).isEmpty();
        IntegrityReport report = integrity.verify(me, me.communityId(), notedValid ? noted : null);
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(LedgerTime.ZONE);
        model.addAttribute("report", report);
        model.addAttribute("verifiedAt", when.format(report.verifiedAt()));
        model.addAttribute("madeAt", report.latestCheckpoint() == null ? "" : when.format(report.latestCheckpoint().madeAt()));
        model.addAttribute("noted", noted == null ? "" : noted);
        model.addAttribute("notedChecked", noted != null && !noted.isBlank() && notedValid);
        model.addAttribute("notedInvalid", !notedValid);
        return "integrity";
    }
}

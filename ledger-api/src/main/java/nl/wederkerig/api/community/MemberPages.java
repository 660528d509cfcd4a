package nl.wederkerig.api.community;

import jakarta.servlet.http.HttpServletResponse;
import nl.wederkerig.api.community.CommunityRequests.Departure;
import nl.wederkerig.api.community.CommunityRequests.MemberRegistration;
import nl.wederkerig.api.community.CommunityRequests.RecordedMember;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.logins.LoginRequests.IssuedCode;
import nl.wederkerig.api.logins.Logins;
import nl.wederkerig.api.platform.security.SecurityConfiguration;
import nl.wederkerig.api.platform.web.pages.FormErrors;
import nl.wederkerig.api.platform.web.pages.Tokens;
import nl.wederkerig.api.platform.web.problems.NotFound;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.RuleViolation;
import nl.wederkerig.api.platform.web.Languages;
import nl.wederkerig.api.platform.web.pages.PdfDocuments;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.thymeleaf.context.Context;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import nl.wederkerig.projections.community.MemberView;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The coordinator registers a neighbour and gets a letter to print with the neighbour's one-time
 * invitation code, or a new code for someone who forgot their password. Nobody chooses a password
 * for someone else. The list of the wijk's members, each with a way to record that they left (a
 * confirmation page first, so one click never does it). {@link Communities} and {@link Logins} decide.
 */
@Controller
class MemberPages {

    private final Communities communities;
    private final Logins logins;
    private final MessageSource texts;
    private final ZoneId zone;
    private final PdfDocuments documents;

    /** A one-time code as printed: four groups of four letters and digits. */
    static final String LETTER_CODE = "[A-Z2-9]{4}(-[A-Z2-9]{4}){3}";

    MemberPages(Communities communities, Logins logins, MessageSource texts, java.time.Clock clock, PdfDocuments documents) {
        this.communities = communities;
        this.logins = logins;
        this.texts = texts;
        this.zone = clock.getZone();
        this.documents = documents;
    }

    /** A member as the coordinator's list shows them: name, since when, and the day they left (or null). */
    record MemberRow(String id, String since, String leftOn) {
    }

    /** What a finished step may say on the list afterwards (the page shows only these). */
    static final List<String> DONE = List.of("departure");

    @GetMapping("/coordinator/members")
    String show(@AuthenticationPrincipal Login me, @RequestParam(defaultValue = "") String done, CsrfToken csrf,
                Locale locale, Model model) {
        communities.requireAdministration(me);
        Tokens.makeNow(csrf);
        if (DONE.contains(done)) {
            model.addAttribute("done", texts.getMessage("members.done." + done, null, locale));
        }
        // A fresh id per form shown: sending the same form twice registers once.
        model.addAttribute("commandId", "member-" + UUID.randomUUID());
        model.addAttribute("members", rows(me, locale));
        return "coordinator-members";
    }

    /** Current members first, then those who left; each group by name. */
    private List<MemberRow> rows(Login me, Locale locale) {
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        return communities.members(me, me.communityId()).stream()
                .sorted(Comparator.comparing((MemberView member) -> !member.current())
                        .thenComparing(member -> member.memberId().value()))
                .map(member -> new MemberRow(member.memberId().value(), format(dates, member.registeredOn()),
                        format(dates, member.deregisteredOn())))
                .toList();
    }

    private static String format(DateTimeFormatter dates, LocalDate date) {
        return date == null ? null : dates.format(date);
    }

    /**
     * The confirmation step before a departure: what it means, and a checkbox the coordinator ticks
     * ("Ja, X is vertrokken") so that one stray click records nothing. A member who already left
     * gets the date instead of the form.
     */
    @GetMapping("/coordinator/members/{memberId}/departure")
    String confirmDeparture(@AuthenticationPrincipal Login me, @PathVariable String memberId, CsrfToken csrf, Locale locale,
                            Model model) {
        Tokens.makeNow(csrf);
        return departurePage(me, memberOf(memberId), "departure-" + UUID.randomUUID(), null, locale, model);
    }

    @PostMapping("/coordinator/members/{memberId}/departure")
    String recordDeparture(@AuthenticationPrincipal Login me, @PathVariable String memberId,
                           @RequestParam(defaultValue = "") String commandId, @RequestParam(defaultValue = "") String confirmed,
                           CsrfToken csrf, Locale locale, Model model, HttpServletResponse response) {
        MemberId member = memberOf(memberId);
        FormErrors errors = new FormErrors(texts, locale);
        CommandId command = errors.read("form", commandId, CommandId::of, "form.stale");
        if (!"yes".equals(confirmed)) {
            errors.reject("confirmed", "departure.confirm.missing", member.value());
        }
        if (!errors.any()) {
            try {
                communities.deregister(me, me.communityId(), member, new Departure(command, null));
                return "redirect:/coordinator/members?done=departure";
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> code.equals("coordinator-only") ? null : "confirmed");
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        Tokens.makeNow(csrf);
        return departurePage(me, member, commandId, errors, locale, model);
    }

    private String departurePage(Login me, MemberId member, String commandId, FormErrors errors, Locale locale, Model model) {
        // Only the wijk's coordinators get here; anyone else, and an unknown name, is not found.
        communities.requireAdministration(me);
        MemberView found = communities.member(me, me.communityId(), member);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        model.addAttribute("member", member.value());
        model.addAttribute("leftOn", format(dates, found.deregisteredOn()));
        model.addAttribute("commandId", commandId);
        model.addAttribute("errors", errors == null ? null : errors.messages());
        return "coordinator-departure";
    }

    /** A name in the address that is no member id is a page that does not exist. */
    private static MemberId memberOf(String raw) {
        try {
            return MemberId.of(raw);
        } catch (IllegalArgumentException unreadable) {
            throw new NotFound("no member " + raw);
        }
    }

    @PostMapping("/coordinator/members")
    String register(@AuthenticationPrincipal Login me, @RequestParam(defaultValue = "") String commandId,
                    @RequestParam(defaultValue = "") String memberId, CsrfToken csrf, Locale locale, Model model,
                    HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        MemberId member = errors.read("memberId", memberId.toLowerCase(Locale.ROOT), MemberId::of, "members.member-id.invalid");
        CommandId command = errors.read("form", commandId, CommandId::of, "form.stale");
        if (!errors.any()) {
            try {
                RecordedMember recorded = communities.registerMember(me, me.communityId(),
                        new MemberRegistration(command, member, null));
                if (recorded.invitation() == null) {
                    errors.reject("memberId", "members.has-password");
                } else {
                    return letter(recorded.invitation().code(), recorded.invitation().username(),
                            recorded.invitation().expiresAt(), me, locale, model);
                }
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> code.equals("coordinator-only") ? null : "memberId");
            }
        }
        return again(errors, commandId, memberId, null, csrf, me, locale, model, response);
    }

    @PostMapping("/coordinator/members/code")
    String newCode(@AuthenticationPrincipal Login me, @RequestParam(defaultValue = "") String codeFor, CsrfToken csrf,
                   Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        MemberId member = errors.read("codeFor", codeFor.toLowerCase(Locale.ROOT), MemberId::of, "members.member-id.invalid");
        if (!errors.any()) {
            try {
                IssuedCode issued = logins.issueCode(me, me.communityId(), member);
                return letter(issued.code(), issued.username(), issued.expiresAt(), me, locale, model);
            } catch (NotFound unknown) {
                errors.reject("codeFor", "members.unknown");
            }
        }
        return again(errors, "member-" + UUID.randomUUID(), null, codeFor, csrf, me, locale, model, response);
    }

    private String letter(String code, String username, Instant expires, Login me, Locale locale, Model model) {
        model.addAllAttributes(letterFields(code, username, expires, communities.nameOfMyWijk(me), locale));
        model.addAttribute("expiresAt", expires.toString());
        return "invitation-letter";
    }

    /**
     * The letter just shown, as a Dutch PDF to print: the code comes back from the coordinator's own
     * page in the body of a POST (never in an address, where logs and history would keep it).
     */
    @PostMapping(value = "/coordinator/members/letter.pdf")
    ResponseEntity<byte[]> letterPdf(@AuthenticationPrincipal Login me, @RequestParam(defaultValue = "") String code,
                                     @RequestParam(defaultValue = "") String username,
                                     @RequestParam(defaultValue = "") String expiresAt) {
        String wijk = communities.nameOfMyWijk(me);
        MemberId member;
        Instant expires;
        try {
            member = MemberId.of(username);
            expires = Instant.parse(expiresAt);
        } catch (RuntimeException unreadable) {
            throw new NotFound("no letter to make");
        }
        if (!code.matches(LETTER_CODE)) {
            throw new NotFound("no letter to make");
        }
        Context context = new Context(Languages.DUTCH);
        context.setVariables(letterFields(code, member.value(), expires, wijk, Languages.DUTCH));
        byte[] pdf = documents.render("invitation-letter-pdf", context);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("brief-" + member.value() + ".pdf").build().toString())
                .body(pdf);
    }

    private Map<String, Object> letterFields(String code, String username, Instant expires, String wijk, Locale locale) {
        return Map.of("code", code, "username", username, "communityName", wijk,
                "address", ServletUriComponentsBuilder.fromCurrentContextPath().path(SecurityConfiguration.INVITATION_PAGE)
                        .toUriString(),
                "expires", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(expires.atZone(zone)));
    }

    private String again(FormErrors errors, String commandId, String memberId, String codeFor, CsrfToken csrf,
                         Login me, Locale locale, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        Tokens.makeNow(csrf);
        model.addAttribute("errors", errors.messages());
        model.addAttribute("commandId", commandId);
        model.addAttribute("memberId", memberId);
        model.addAttribute("codeFor", codeFor);
        model.addAttribute("members", rows(me, locale));
        return "coordinator-members";
    }
}

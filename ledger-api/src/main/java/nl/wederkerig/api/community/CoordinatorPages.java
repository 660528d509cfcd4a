package nl.wederkerig.api.community;

import jakarta.servlet.http.HttpServletResponse;
import nl.wederkerig.api.community.CommunityRequests.AdvanceLimitChange;
import nl.wederkerig.api.community.CommunityRequests.HourValuationChange;
import nl.wederkerig.api.community.CommunityRequests.InitiativeRegistration;
import nl.wederkerig.api.community.CommunityRequests.PartnerRegistration;
import nl.wederkerig.api.community.CommunityRequests.RoleChange;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.time.BusinessDay;
import nl.wederkerig.api.platform.web.pages.Figures;
import nl.wederkerig.api.platform.web.pages.FormErrors;
import nl.wederkerig.api.platform.web.pages.PageNumbers;
import nl.wederkerig.api.platform.web.pages.Tokens;
import nl.wederkerig.core.advances.AdvanceBook;
import nl.wederkerig.core.community.HourValuationMethod;
import nl.wederkerig.core.community.InitiativeKind;
import nl.wederkerig.core.community.PartnerKind;
import nl.wederkerig.core.community.RoleKind;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.core.shared.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The coordinator's pages: the wijk in aggregates, and a form for each thing the API lets a
 * coordinator do (initiatives, partners, roles and their revocation, the advance limit, the hour
 * valuation). Every form posts, carries a command id made when it was shown, and on bad input
 * comes back with a plain message beside the field and nothing stored. {@link Communities} decides.
 */
@Controller
class CoordinatorPages {

    static final String PAGE = "coordinator";

    /** What a successful form may say afterwards (the page shows only these). */
    static final Set<String> DONE = Set.of("initiative", "partner", "role-assigned", "role-revoked", "advance-limit",
            "valuation");

    /**
     * The roles a coordinator hands out here: every role the API's {@code RoleChange} takes but
     * neighbour, which comes with registration (a test holds this list to {@link RoleKind}).
     */
    static final List<RoleKind> ROLES = List.of(RoleKind.TREASURER, RoleKind.AUDITOR, RoleKind.PARTNER_REPRESENTATIVE,
            RoleKind.COORDINATOR);

    /** The methods of valuing an hour a coordinator chooses from, each explained on the page. */
    static final List<HourValuationMethod> METHODS = List.of(HourValuationMethod.REPLACEMENT_VALUE, HourValuationMethod.MARKET_VALUE,
            HourValuationMethod.OPPORTUNITY_COST, HourValuationMethod.FIXED_AGREED);

    private final Communities communities;
    private final MessageSource texts;
    private final BusinessDay day;

    CoordinatorPages(Communities communities, MessageSource texts, BusinessDay day) {
        this.communities = communities;
        this.texts = texts;
        this.day = day;
    }

    @GetMapping("/coordinator")
    String show(@AuthenticationPrincipal Login me, @RequestParam(defaultValue = "") String done, CsrfToken csrf,
                Locale locale, Model model) {
        Tokens.makeNow(csrf);
        if (DONE.contains(done)) {
            model.addAttribute("done", texts.getMessage("coordinator.done." + done, null, locale));
        }
        return page(me, Map.of(), null, locale, model);
    }

    @PostMapping("/coordinator/initiatives")
    String initiative(@AuthenticationPrincipal Login me, @RequestParam Map<String, String> form, CsrfToken csrf,
                      Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        CommandId command = errors.read("form", form.get("commandId"), CommandId::of, "form.stale");
        InitiativeId initiative = errors.read("initiativeId", lower(form.get("initiativeId")), InitiativeId::of,
                "coordinator.id.invalid");
        InitiativeKind kind = errors.read("initiativeKind", form.get("initiativeKind"), InitiativeKind::valueOf,
                "coordinator.kind.invalid");
        return send(me, errors, "initiativeId", "initiative", form, csrf, locale, model, response,
                () -> communities.registerInitiative(me, me.communityId(), new InitiativeRegistration(command, initiative, kind, null)));
    }

    @PostMapping("/coordinator/partners")
    String partner(@AuthenticationPrincipal Login me, @RequestParam Map<String, String> form, CsrfToken csrf,
                   Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        CommandId command = errors.read("form", form.get("commandId"), CommandId::of, "form.stale");
        PartnerId partner = errors.read("partnerId", lower(form.get("partnerId")), PartnerId::of, "coordinator.id.invalid");
        PartnerKind kind = errors.read("partnerKind", form.get("partnerKind"), PartnerKind::valueOf, "coordinator.kind.invalid");
        return send(me, errors, "partnerId", "partner", form, csrf, locale, model, response,
                () -> communities.registerPartner(me, me.communityId(), new PartnerRegistration(command, partner, kind, null)));
    }

    /**
     * Assigns or revokes (button {@code action}) a role; a treasurer's and the kascommissie's name
     * an initiative, a representative's a partner.
     */
    @PostMapping("/coordinator/roles")
    String role(@AuthenticationPrincipal Login me, @RequestParam Map<String, String> form, CsrfToken csrf,
                Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        CommandId command = errors.read("form", form.get("commandId"), CommandId::of, "form.stale");
        MemberId member = errors.read("roleMember", lower(form.get("roleMember")), MemberId::of, "members.member-id.invalid");
        RoleKind kind = errors.read("roleKind", form.get("roleKind"), RoleKind::valueOf, "coordinator.kind.invalid");
        String scope = lower(form.getOrDefault("roleScope", ""));
        InitiativeId initiative = null;
        PartnerId partner = null;
        if (kind == RoleKind.TREASURER || kind == RoleKind.AUDITOR) {
            initiative = scope.isBlank()
                    ? rejectEmpty(errors, kind == RoleKind.AUDITOR ? "coordinator.role.scope.auditor" : "coordinator.role.scope.initiative")
                    : errors.read("roleScope", scope, InitiativeId::of, "coordinator.id.invalid");
        } else if (kind == RoleKind.PARTNER_REPRESENTATIVE) {
            partner = scope.isBlank() ? rejectEmpty(errors, "coordinator.role.scope.partner")
                    : errors.read("roleScope", scope, PartnerId::of, "coordinator.id.invalid");
        } else if (!scope.isBlank()) {
            errors.reject("roleScope", "coordinator.role.scope.none");
        }
        boolean revoke = "revoke".equals(form.get("action"));
        RoleChange change = new RoleChange(command, kind, initiative, partner, null);
        return send(me, errors, "roleMember", revoke ? "role-revoked" : "role-assigned", form, csrf, locale, model, response,
                () -> revoke ? communities.revokeRole(me, me.communityId(), member, change)
                        : communities.assignRole(me, me.communityId(), member, change));
    }

    @PostMapping("/coordinator/advance-limit")
    String advanceLimit(@AuthenticationPrincipal Login me, @RequestParam Map<String, String> form, CsrfToken csrf,
                        Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        CommandId command = errors.read("form", form.get("commandId"), CommandId::of, "form.stale");
        Integer count = blank(form.get("maxOpenAdvances")) ? null
                : errors.read("maxOpenAdvances", form.get("maxOpenAdvances"), CoordinatorPages::advanceCount,
                "coordinator.limit.count.invalid");
        Money total = blank(form.get("maxOpenTotal")) ? null
                : errors.read("maxOpenTotal", form.get("maxOpenTotal"), PageNumbers::euros, "coordinator.amount.invalid");
        if (total != null && !total.isPositive()) {
            errors.reject("maxOpenTotal", "coordinator.amount.invalid");
        }
        return send(me, errors, "maxOpenAdvances", "advance-limit", form, csrf, locale, model, response,
                () -> communities.setAdvanceLimit(me, me.communityId(), new AdvanceLimitChange(command, count, total, null)));
    }

    @PostMapping("/coordinator/hour-valuations")
    String valuation(@AuthenticationPrincipal Login me, @RequestParam Map<String, String> form, CsrfToken csrf,
                     Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        CommandId command = errors.read("form", form.get("commandId"), CommandId::of, "form.stale");
        Money perHour = errors.read("perHour", form.get("perHour"), PageNumbers::euros, "coordinator.amount.invalid");
        if (perHour != null && !perHour.isPositive()) {
            errors.reject("perHour", "coordinator.amount.invalid");
        }
        LocalDate from = blank(form.get("effectiveFrom")) ? day.today()
                : errors.read("effectiveFrom", form.get("effectiveFrom"), PageNumbers::date, "partner.date.invalid");
        // No method chosen gets the same plain question as a wrong one: which method was it?
        HourValuationMethod method = null;
        if (blank(form.get("valuationMethod"))) {
            errors.reject("valuationMethod", "coordinator.valuation.method.invalid");
        } else {
            method = errors.read("valuationMethod", form.get("valuationMethod"), CoordinatorPages::namedMethod,
                    "coordinator.valuation.method.invalid");
        }
        HourValuationMethod chosen = method;
        return send(me, errors, "effectiveFrom", "valuation", form, csrf, locale, model, response,
                () -> communities.setHourValuation(me, me.communityId(), new HourValuationChange(command, perHour, from, chosen, null)));
    }

    /**
     * Sends when every field could be read, then back to the overview (so a reload sends nothing
     * again); a rule the wijk refused is shown beside {@code field}, everything as typed.
     */
    private String send(Login me, FormErrors errors, String field, String done, Map<String, String> form, CsrfToken csrf,
                        Locale locale, Model model, HttpServletResponse response, Supplier<?> command) {
        if (!errors.any()) {
            try {
                command.get();
                return "redirect:/coordinator?done=" + done;
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> code.equals("coordinator-only") ? null : field);
            } catch (IllegalArgumentException wrongCombination) {
                errors.reject(field, "coordinator.invalid");
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        Tokens.makeNow(csrf);
        return page(me, form, errors, locale, model);
    }

    private String page(Login me, Map<String, String> typed, FormErrors errors, Locale locale, Model model) {
        WijkOverview overview = communities.overview(me);
        Figures figures = new Figures(locale);
        model.addAttribute("wijk", overview);
        model.addAttribute("partnerBalances", overview.partners().stream()
                .map(balance -> Map.of("id", balance.partnerId().value(), "balance", figures.money(balance.balance()),
                        "hours", figures.hours(balance.drawnMinutes())))
                .toList());
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        model.addAttribute("valuations", overview.valuations().stream()
                .map(valuation -> Map.of("from", dates.format(valuation.effectiveFrom()),
                        "perHour", figures.money(valuation.perHour()),
                        "method", texts.getMessage("valuation.method." + valuation.method().name(), null, locale)))
                .toList());
        model.addAttribute("valuationMethods", METHODS);
        model.addAttribute("initiativeKinds", InitiativeKind.values());
        model.addAttribute("partnerKinds", PartnerKind.values());
        model.addAttribute("roleKinds", ROLES);
        Map<String, String> values = new HashMap<>(typed);
        // A fresh command id for every form shown; the form that came back keeps its own.
        for (String form : List.of("initiative", "partner", "role", "limit", "valuation")) {
            values.putIfAbsent(form + "Command", form + "-" + UUID.randomUUID());
        }
        String failed = typed.get("commandId");
        if (failed != null && typed.get("form") != null) {
            values.put(typed.get("form") + "Command", failed);
        }
        model.addAttribute("typed", values);
        model.addAttribute("errors", errors == null ? null : errors.messages());
        return PAGE;
    }

    /** A role's scope left empty: says which scope it needs. */
    private static <T> T rejectEmpty(FormErrors errors, String messageKey) {
        errors.reject("roleScope", messageKey);
        return null;
    }

    /** One of the four methods a coordinator chooses from; "not said" is only what old valuations read as. */
    private static HourValuationMethod namedMethod(String raw) {
        HourValuationMethod method = HourValuationMethod.valueOf(raw.strip());
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("not a method to choose: " + raw);
        }
        return method;
    }

    private static Integer advanceCount(String raw) {
        int count = Integer.parseInt(raw.strip());
        if (count < 1 || count > AdvanceBook.MAX_OPEN_ADVANCES) {
            throw new IllegalArgumentException("out of range: " + raw);
        }
        return count;
    }

    private static boolean blank(String raw) {
        return raw == null || raw.isBlank();
    }

    private static String lower(String raw) {
        return raw == null ? null : raw.strip().toLowerCase(Locale.ROOT);
    }
}

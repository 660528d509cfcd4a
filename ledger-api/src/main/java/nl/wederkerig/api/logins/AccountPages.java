package nl.wederkerig.api.logins;

import jakarta.servlet.http.HttpServletResponse;
import nl.wederkerig.api.community.OpenedPayoutDetails;
import nl.wederkerig.api.community.PayoutDetails;
import nl.wederkerig.api.community.PayoutRequests.PayoutDetailsChange;
import nl.wederkerig.api.logins.LoginRequests.PasswordChange;
import nl.wederkerig.api.logins.LoginRequests.Redemption;
import nl.wederkerig.api.platform.OpenToAnyone;
import nl.wederkerig.api.platform.security.SecurityConfiguration;
import nl.wederkerig.api.platform.web.pages.FormErrors;
import nl.wederkerig.api.platform.web.pages.ReadYourWrite;
import nl.wederkerig.api.platform.web.pages.Tokens;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's own login in the browser: choosing a password with the code from their letter, and
 * "Mijn account" (change the password, the language, and the bank details neighbours who owe
 * you pay you back with). {@link Logins} and {@link PayoutDetails} decide.
 */
@Controller
class AccountPages {

    private final Logins logins;
    private final PayoutDetails payouts;
    private final MessageSource texts;

    AccountPages(Logins logins, PayoutDetails payouts, MessageSource texts) {
        this.logins = logins;
        this.payouts = payouts;
        this.texts = texts;
    }

    @GetMapping(SecurityConfiguration.INVITATION_PAGE)
    @OpenToAnyone("an empty form; the code in the link is only put back in the field")
    String invitation(@RequestParam(required = false) String code, CsrfToken csrf, Model model) {
        Tokens.makeNow(csrf);
        model.addAttribute("code", code);
        return "invitation";
    }

    @PostMapping(SecurityConfiguration.INVITATION_PAGE)
    String redeem(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "") String repeat, CsrfToken csrf, Locale locale, Model model,
                  HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        if (code.isBlank()) {
            errors.reject("code", "form.required");
        }
        if (!Objects.equals(password, repeat)) {
            errors.reject("repeat", "password.repeat.different");
        }
        if (!errors.any()) {
            try {
                LoginRequests.Redeemed redeemed = logins.redeem(new Redemption(code, password));
                return "redirect:" + SecurityConfiguration.LOGIN_PAGE + "?welcome=" + redeemed.username();
            } catch (RuleViolation refused) {
                errors.reject(refused, failure -> failure.startsWith("password") ? "password" : "code");
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        Tokens.makeNow(csrf);
        model.addAttribute("errors", errors.messages());
        model.addAttribute("code", code);
        return "invitation";
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal Login me, @RequestParam(required = false) String changed,
                   @RequestParam(required = false) String payout, CsrfToken csrf, Model model) {
        logins.requireOwnAccount(me);
        Tokens.makeNow(csrf);
        model.addAttribute("username", me.username());
        model.addAttribute("member", me.memberId() != null);
        model.addAttribute("changed", changed != null);
        model.addAttribute("payoutDone", "saved".equals(payout) || "removed".equals(payout) ? payout : null);
        payoutForm(me, null, model);
        return "account";
    }

    /**
     * The payout details form: what is stored now (or what was typed, after a refusal) and a fresh
     * command id, so sending the form twice records once. Only for a member of a community.
     */
    private void payoutForm(Login me, Typed typed, Model model) {
        boolean member = me.communityId() != null;
        model.addAttribute("payoutForm", member);
        if (!member) {
            return;
        }
        Optional<OpenedPayoutDetails> stored = payouts.mine(me, me.communityId());
        model.addAttribute("payoutStored", stored.isPresent());
        Typed shown = typed != null ? typed : stored.map(Typed::of).orElse(new Typed("", "", ""));
        model.addAttribute("payoutIban", shown.iban());
        model.addAttribute("payoutHolder", shown.holder());
        model.addAttribute("payoutLink", shown.link());
        model.addAttribute("payoutCommandId", typed != null ? typed.commandId : "payout-" + UUID.randomUUID());
        model.addAttribute("payoutRemoveId", "payout-" + UUID.randomUUID());
    }

    /** What the person typed, shown again beside the error; the command id stays that of the failed form. */
    private record Typed(String iban, String holder, String link, String commandId) {

        Typed(String iban, String holder, String link) {
            this(iban, holder, link, null);
        }

        static Typed of(OpenedPayoutDetails stored) {
            return new Typed(stored.iban().formatted(), stored.accountHolder().value(),
                    stored.paymentLink() == null ? "" : stored.paymentLink().value());
        }
    }

    @PostMapping("/account/payout-details")
    String recordPayoutDetails(@AuthenticationPrincipal Login me, @RequestParam(defaultValue = "") String commandId,
                               @RequestParam(defaultValue = "") String iban, @RequestParam(defaultValue = "") String accountHolder,
                               @RequestParam(defaultValue = "") String paymentLink, CsrfToken csrf, Locale locale, Model model,
                               HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        CommandId command = errors.read(FormErrors.GENERAL, commandId, CommandId::of, "form.stale");
        if (!errors.any()) {
            try {
                PayoutDetailsChange change = new PayoutDetailsChange(command, iban, accountHolder, paymentLink, null);
                payouts.record(me, me.communityId(), change);
                Typed recorded = new Typed(nl.wederkerig.core.shared.Iban.parse(iban).formatted(), accountHolder.strip(),
                        paymentLink.strip());
                awaitPayout(me, stored -> stored.map(Typed::of).filter(recorded::equals).isPresent());
                return "redirect:/account?payout=saved";
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> switch (code) {
                    case "iban-invalid" -> "iban";
                    case "account-holder-invalid" -> "accountHolder";
                    case "payment-link-invalid" -> "paymentLink";
                    default -> null;
                });
            }
        }
        return accountAgain(me, errors, new Typed(iban, accountHolder, paymentLink, commandId), csrf, model, response);
    }

    @PostMapping("/account/payout-details/removal")
    String removePayoutDetails(@AuthenticationPrincipal Login me, @RequestParam(defaultValue = "") String commandId,
                               CsrfToken csrf, Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        CommandId command = errors.read(FormErrors.GENERAL, commandId, CommandId::of, "form.stale");
        if (!errors.any()) {
            try {
                payouts.remove(me, me.communityId(), command, null);
                awaitPayout(me, Optional::isEmpty);
                return "redirect:/account?payout=removed";
            } catch (RuleViolation refused) {
                errors.reject(refused, code -> null);
            }
        }
        return accountAgain(me, errors, null, csrf, model, response);
    }

    private String accountAgain(Login me, FormErrors errors, Typed typed, CsrfToken csrf, Model model,
                                HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        Tokens.makeNow(csrf);
        model.addAttribute("errors", errors.messages());
        model.addAttribute("username", me.username());
        model.addAttribute("changed", false);
        payoutForm(me, typed, model);
        return "account";
    }

    /** The page the browser is sent to next must show the change (or the neighbour would think it failed). */
    private void awaitPayout(Login me, java.util.function.Predicate<Optional<OpenedPayoutDetails>> shown) {
        ReadYourWrite.await(() -> shown.test(payouts.mine(me, me.communityId())));
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal Login me, @RequestParam(defaultValue = "") String current,
                          @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String repeat,
                          CsrfToken csrf, Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors(texts, locale);
        if (!Objects.equals(password, repeat)) {
            errors.reject("repeat", "password.repeat.different");
        }
        if (!errors.any()) {
            try {
                logins.changePassword(me, new PasswordChange(current, password));
                // The new hash ends this session (as every other of this account): log in again with it.
                return "redirect:" + SecurityConfiguration.LOGIN_PAGE + "?changed";
            } catch (RuleViolation refused) {
                errors.reject(refused, failure -> failure.equals("current-password-wrong") ? "current" : "password");
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        Tokens.makeNow(csrf);
        model.addAttribute("errors", errors.messages());
        model.addAttribute("username", me.username());
        model.addAttribute("member", me.memberId() != null);
        model.addAttribute("changed", false);
        payoutForm(me, null, model);
        return "account";
    }
}

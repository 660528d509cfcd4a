package nl.wederkerig.api.logins;

import nl.wederkerig.api.logins.LoginRequests.IssuedCode;
import nl.wederkerig.api.logins.LoginRequests.PasswordChange;
import nl.wederkerig.api.logins.LoginRequests.Redeemed;
import nl.wederkerig.api.logins.LoginRequests.Redemption;
import nl.wederkerig.api.platform.ApplicationService;
import nl.wederkerig.api.platform.OpenToAnyone;
import nl.wederkerig.api.platform.security.Access;
import nl.wederkerig.api.platform.web.problems.NotFound;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.RuleViolation;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person's own login: choosing a password with an invitation or reset code, changing it, and a
 * coordinator issuing a new code. Nobody ever sees or sets another person's password: a code is
 * the only way to give someone a login, and it is shown once.
 */
@ApplicationService
public class Logins {

    private final LoginStore logins;
    private final OneTimeCodes codes;
    private final Access access;
    private final TransactionTemplate inOneTransaction;

    Logins(LoginStore logins, OneTimeCodes codes, Access access, PlatformTransactionManager transactions) {
        this.logins = logins;
        this.codes = codes;
        this.access = access;
        this.inOneTransaction = new TransactionTemplate(transactions);
    }

    /**
     * Chooses a password with a one-time code. The password's rules are checked before the code is
     * spent, so a refused password leaves the code usable; code and password change together or not.
     */
    @OpenToAnyone("proves itself with a one-time invitation or reset code")
    public Redeemed redeem(Redemption request) {
        Passwords.requireAcceptable(request.password());
        String username = inOneTransaction.execute(status -> {
            String spentFor = codes.spend(request.code()).orElseThrow(CodeNotValid::new);
            logins.setPassword(spentFor, request.password());
            return spentFor;
        });
        CommunityId community = logins.ownerOf(username).orElseThrow().community();
        return new Redeemed(username, community);
    }

    /** Whether a code would work now: the page asks before showing the password form. */
    @OpenToAnyone("says only whether a presented code is usable, nothing of whose it is")
    public boolean isUsable(String code) {
        return codes.isLive(code);
    }

    /** The account page is the logged-in person's own. */
    public void requireOwnAccount(Login me) {
        access.requireMember(me, me.communityId());
    }

    /** The logged-in person changes their own password; the current one is required. */
    public void changePassword(Login me, PasswordChange request) {
        access.requireMember(me, me.communityId());
        if (!logins.passwordMatches(me.username(), request.currentPassword())) {
            throw new CurrentPasswordWrong();
        }
        logins.setPassword(me.username(), request.newPassword());
    }

    /**
     * A coordinator issues a new one-time code for a member of their community (a forgotten
     * password, or an invitation that ran out). Earlier codes for the member stop working; the
     * password itself stays until the member chooses a new one.
     */
    public IssuedCode issueCode(Login me, CommunityId community, MemberId member) {
        access.requireCoordinator(me, community);
        String username = member.value();
        boolean ofThisCommunity = logins.ownerOf(username).filter(owner -> owner.community().equals(community)).isPresent();
        if (!ofThisCommunity) {
            throw new NotFound("no member " + member + " with a login in this community");
        }
        OneTimeCodes.Purpose purpose = logins.hasPassword(username) ? OneTimeCodes.Purpose.RESET
                : OneTimeCodes.Purpose.INVITATION;
        OneTimeCodes.Issued issued = codes.issue(username, purpose);
        return new IssuedCode(issued.code(), issued.username(), issued.expiresAt());
    }

    /** The code is unknown, used, replaced by a newer one or expired; which of these is not told. */
    public static final class CodeNotValid extends RuleViolation {
        CodeNotValid() {
            super("this code does not work (any more); ask your coordinator for a new one");
        }

        @Override
        public String code() {
            return "login-code-not-valid";
        }
    }

    public static final class CurrentPasswordWrong extends RuleViolation {
        CurrentPasswordWrong() {
            super("the current password is not right");
        }

        @Override
        public String code() {
            return "current-password-wrong";
        }
    }
}

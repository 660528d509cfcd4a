package nl.wederkerig.api.community;

import nl.wederkerig.api.community.PayoutRequests.PayoutDetailsChange;
import nl.wederkerig.api.community.PayoutRequests.PayoutRecorded;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.ApplicationService;
import nl.wederkerig.api.platform.security.Access;
import nl.wederkerig.api.platform.time.BusinessDay;
import nl.wederkerig.core.community.AccountHolder;
import nl.wederkerig.core.community.AlreadyErased;
import nl.wederkerig.core.community.PaymentLink;
import nl.wederkerig.core.community.RecordPayoutDetails;
import nl.wederkerig.core.community.RemovePayoutDetails;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.SealedText;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A neighbour's own payout details (where neighbours who owe them pay them back), whichever way
 * they ask (API or "Mijn account"). Everything is checked in clear here (an IBAN's check digits, an
 * https link, a one-line name), then sealed with the neighbour's own key: the community's events
 * and the read model hold only ciphertext. Only the neighbour themselves reads them back here;
 * a borrower sees them on the advance they owe (the advances' application service).
 */
@ApplicationService
public class PayoutDetails {

    private final CommandGateway commands;
    private final PayoutVault vault;
    private final Access access;
    private final BusinessDay day;

    PayoutDetails(CommandGateway commands, PayoutVault vault, Access access, BusinessDay day) {
        this.commands = commands;
        this.vault = vault;
        this.access = access;
        this.day = day;
    }

    /** Records (or replaces) the signed-in neighbour's details; a bad IBAN, name or link records nothing. */
    public PayoutRecorded record(Login me, CommunityId community, PayoutDetailsChange request) {
        access.requireMember(me, community);
        Iban iban = Iban.parse(request.iban());
        AccountHolder holder = AccountHolder.parse(request.accountHolder());
        String typedLink = request.paymentLink();
        PaymentLink link = typedLink == null || typedLink.isBlank() ? null : PaymentLink.parse(typedLink);
        LocalDate on = day.orToday(request.businessDate());
        if (vault.isErased(me.memberId())) {
            throw new AlreadyErased(me.memberId());
        }
        SealedText sealedLink = link == null ? null : vault.seal(me.memberId(), link.value());
        commands.sendAndWait(new RecordPayoutDetails(community, request.commandId(), vault.seal(me.memberId(), iban.value()),
                vault.seal(me.memberId(), holder.value()), sealedLink, on, me.memberId()));
        return new PayoutRecorded(community, request.commandId());
    }

    public PayoutRecorded remove(Login me, CommunityId community, CommandId commandId, LocalDate businessDate) {
        access.requireMember(me, community);
        commands.sendAndWait(new RemovePayoutDetails(community, commandId, day.orToday(businessDate), me.memberId()));
        return new PayoutRecorded(community, commandId);
    }

    /** The signed-in neighbour's own details, as the read model has them now; empty if none (or erased). */
    public Optional<OpenedPayoutDetails> mine(Login me, CommunityId community) {
        access.requireMember(me, community);
        return vault.open(community, me.memberId());
    }
}

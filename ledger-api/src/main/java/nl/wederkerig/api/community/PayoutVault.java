package nl.wederkerig.api.community;

import nl.wederkerig.api.platform.privacy.SubjectKeyCipher;
import nl.wederkerig.core.community.AccountHolder;
import nl.wederkerig.core.community.PaymentLink;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.SealedText;
import nl.wederkerig.projections.community.Memberships;
import nl.wederkerig.projections.community.SealedPayoutDetails;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Seals payout details with their owner's key and opens them again. It decides nothing about who
 * may see them: {@link PayoutDetails} (the owner) and the advances' application service (a
 * borrower who owes the owner) ask it only after their own check.
 */
@Component
public class PayoutVault {

    private final Memberships memberships;
    private final SubjectKeyCipher cipher;

    PayoutVault(Memberships memberships, SubjectKeyCipher cipher) {
        this.memberships = memberships;
        this.cipher = cipher;
    }

    /** Whether the member's personal data was erased: nothing new about them is sealed, ever. */
    boolean isErased(MemberId owner) {
        return cipher.isErased(owner);
    }

    SealedText seal(MemberId owner, String clearText) {
        return cipher.seal(owner, clearText);
    }

    /**
     * The owner's details in clear, or empty if they gave none or were erased (their key is gone:
     * the ciphertext in the events and the read model can no longer be opened by anyone).
     */
    public Optional<OpenedPayoutDetails> open(CommunityId community, MemberId owner) {
        Optional<SealedPayoutDetails> sealed = memberships.payoutDetails(community, owner);
        if (sealed.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> iban = cipher.open(owner, sealed.get().iban());
        Optional<String> holder = cipher.open(owner, sealed.get().accountHolder());
        if (iban.isEmpty() || holder.isEmpty()) {
            return Optional.empty();
        }
        PaymentLink link = sealed.get().paymentLink() == null ? null
                : cipher.open(owner, sealed.get().paymentLink()).map(PaymentLink::new).orElse(null);
        return Optional.of(new OpenedPayoutDetails(owner, new Iban(iban.get()), new AccountHolder(holder.get()), link));
    }
}

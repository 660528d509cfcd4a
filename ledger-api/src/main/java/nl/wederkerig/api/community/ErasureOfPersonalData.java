package nl.wederkerig.api.community;

import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.privacy.SubjectKeyCipher;
import nl.wederkerig.core.community.ErasureConfirmed;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * What a confirmed erasure does outside the events: the member's key destroyed, their login gone.
 * {@link Erasures} does it before answering; this handler does it again for every
 * {@link ErasureConfirmed} in the store, so an application stopped between storing the event and
 * destroying the key finishes the erasure when it starts again, and a database restored from a
 * backup made between the two is erased again too. Doing it twice changes nothing.
 */
@Component
@ProcessingGroup("erasure")
class ErasureOfPersonalData {

    private final SubjectKeyCipher personalData;
    private final LoginStore logins;

    ErasureOfPersonalData(SubjectKeyCipher personalData, LoginStore logins) {
        this.personalData = personalData;
        this.logins = logins;
    }

    @EventHandler
    void on(ErasureConfirmed confirmed) {
        erase(confirmed.memberId());
    }

    void erase(MemberId member) {
        personalData.erase(member);
        logins.removeFor(member);
    }
}

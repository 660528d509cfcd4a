package nl.wederkerig.api.journal;

import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.ApplicationService;
import nl.wederkerig.api.platform.security.Access;
import nl.wederkerig.api.platform.web.problems.NotFound;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.projections.funds.InitiativeFunds;
import nl.wederkerig.projections.journal.InitiativeJournal;
import nl.wederkerig.projections.journal.InitiativeJournal.InitiativePosting;

import java.util.List;

/**
 * One initiative's part of the journal, for who reads its books: its treasurers, its kascommissie
 * (who audit it, BW 2:48) and the coordinators. The whole community's book stays the coordinators'
 * download ({@link JournalExports}).
 */
@ApplicationService
public class InitiativeJournals {

    private final InitiativeJournal journal;
    private final InitiativeFunds funds;
    private final Access access;

    InitiativeJournals(InitiativeJournal journal, InitiativeFunds funds, Access access) {
        this.journal = journal;
        this.funds = funds;
        this.access = access;
    }

    /** The postings on the initiative's own accounts, latest first. Who asks is checked before what exists. */
    public List<InitiativePosting> postings(Login me, CommunityId community, InitiativeId initiative) {
        access.requireBooksReader(me, community, initiative);
        if (!funds.knows(community, initiative)) {
            throw new NotFound("no initiative " + initiative + " in this community");
        }
        return journal.postings(community, initiative);
    }
}

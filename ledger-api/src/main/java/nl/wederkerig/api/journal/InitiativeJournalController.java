package nl.wederkerig.api.journal;

import io.swagger.v3.oas.annotations.Operation;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.projections.journal.InitiativeJournal.InitiativePosting;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** One initiative's journal over HTTP; {@link InitiativeJournals} decides who may read it. */
@RestController
class InitiativeJournalController {

    private final InitiativeJournals journals;

    InitiativeJournalController(InitiativeJournals journals) {
        this.journals = journals;
    }

    @GetMapping("/api/v1/communities/{communityId}/initiatives/{initiativeId}/journal")
    @Operation(summary = "The initiative's postings in the journal",
            description = "Every posting on the initiative's own accounts (bank, cash box, income, expenses, claims owed), "
                    + "latest first, at most 2,000; quantity in cents. For its treasurers, its kascommissie and the coordinators.")
    List<InitiativePosting> journal(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                                    @AuthenticationPrincipal Login me) {
        return journals.postings(me, communityId, initiativeId);
    }
}

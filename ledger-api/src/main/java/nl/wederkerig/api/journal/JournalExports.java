package nl.wederkerig.api.journal;

import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.ApplicationService;
import nl.wederkerig.api.platform.security.Access;
import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.platform.web.problems.NotFound;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.projections.funds.InitiativeFunds;
import nl.wederkerig.projections.journal.ClaimLink;
import nl.wederkerig.projections.journal.CsvLanguage;
import nl.wederkerig.projections.journal.CsvOptions;
import nl.wederkerig.projections.journal.JournalPostings;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Year;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The community's whole book as a balanced double-entry journal: hledger / ledger-cli text (whole, or
 * one business year with opening and closing entries) or the accountant's CSV, written while it is
 * read from the database, so a large book needs no more memory than a small one.
 *
 * <p>Only coordinators download the whole book: the journal names member ids and who owes whom,
 * which no neighbour, treasurer or partner may see of others. An initiative's treasurers and
 * kascommissie download the CSV of that initiative's own accounts (fund, income, expenses, open
 * claims), the same ledger rows they see in its balance and report.
 */
@ApplicationService
public class JournalExports {

    /**
     * Longest an export may read. Longer than the 10 s default on purpose: an export only reads, so
     * it cannot hold back the event store's gap detection the default guards against.
     */
    static final int EXPORT_TIMEOUT_SECONDS = 300;

    /** Opens the destination once access is granted, so nothing is sent (not even headers) to someone refused. */
    @FunctionalInterface
    public interface Destination {
        Writer open() throws IOException;
    }

    /** The business years one may ask for: the ledger keeps no dates outside them. */
    static final int FIRST_YEAR = 1970;
    static final int LAST_YEAR = 9999;

    private final JournalPostings journal;
    private final InitiativeFunds funds;
    private final Access access;
    private final TransactionTemplate readOnly;

    JournalExports(JournalPostings journal, InitiativeFunds funds, Access access, PlatformTransactionManager transactions) {
        this.journal = journal;
        this.funds = funds;
        this.access = access;
        // One read-only transaction per export: PostgreSQL streams by fetch size only inside a
        // transaction (otherwise it loads the whole result), and the export sees one snapshot.
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.setTimeout(EXPORT_TIMEOUT_SECONDS);
    }

    /** The whole book, or with {@code year} one business year that checks on its own (opening and closing entries). */
    public void hledger(Login me, CommunityId community, Integer year, Destination destination) throws IOException {
        access.requireCoordinator(me, community);
        Year business = year == null ? null : businessYear(year);
        export(destination, out -> {
            if (business == null) {
                journal.exportHledger(community, out);
            } else {
                journal.exportHledgerYear(community, business, out);
            }
        });
    }

    /** The accountant's CSV of the whole book, one row per posting: the coordinators'. */
    public void csv(Login me, CommunityId community, Locale language, Destination destination) throws IOException {
        access.requireCoordinator(me, community);
        CsvOptions options = options(community, language);
        export(destination, out -> journal.exportCsv(community, options, out));
    }

    /**
     * The accountant's CSV of one initiative's own accounts: for its treasurers, its kascommissie
     * and the coordinators. Who asks is checked before what exists, so anyone else gets the same
     * refusal for an initiative that exists as for one that does not.
     */
    public void initiativeCsv(Login me, CommunityId community, InitiativeId initiative, Locale language, Destination destination)
            throws IOException {
        access.requireBooksReader(me, community, initiative);
        if (!funds.knows(community, initiative)) {
            throw new NotFound("no initiative " + initiative + " in this community");
        }
        CsvOptions options = options(community, language);
        export(destination, out -> journal.exportInitiativeCsv(community, initiative, options, out));
    }

    static Year businessYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("year must be from " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        return Year.of(year);
    }

    /** Dutch unless English is asked for, as every answer. */
    static CsvOptions options(CommunityId community, Locale language) {
        CsvLanguage csv = language != null && "en".equals(language.getLanguage()) ? CsvLanguage.ENGLISH : CsvLanguage.DUTCH;
        return new CsvOptions(csv, LedgerTime.ZONE, claim -> claimPath(community, claim));
    }

    /** The claim's own address in the API, relative to the site; its receipts are listed in it. */
    static String claimPath(CommunityId community, ClaimLink claim) {
        return "/api/v1/communities/" + community + "/initiatives/" + claim.initiative() + "/claims/" + claim.claim();
    }

    private void export(Destination destination, Consumer<Writer> write) throws IOException {
        try (Writer out = destination.open()) {
            readOnly.executeWithoutResult(status -> write.accept(out));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

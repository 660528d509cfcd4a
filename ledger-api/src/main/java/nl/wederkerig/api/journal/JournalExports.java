package nl.wederkerig.api.journal;

import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.ApplicationService;
import nl.wederkerig.api.platform.security.Access;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.projections.journal.JournalPostings;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The community's whole book as a balanced double-entry journal: hledger / ledger-cli text or CSV,
 * written while it is read from the database, so a large book needs no more memory than a small one.
 *
 * <p>Only coordinators download it: the journal names member ids and who owes whom, which no
 * neighbour, treasurer or partner may see of others. A treasurer reads their own initiative's
 * books through its balance and report.
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

    private final JournalPostings journal;
    private final Access access;
    private final TransactionTemplate readOnly;

    JournalExports(JournalPostings journal, Access access, PlatformTransactionManager transactions) {
        this.journal = journal;
        this.access = access;
        // One read-only transaction per export: PostgreSQL streams by fetch size only inside a
        // transaction (otherwise it loads the whole result), and the export sees one snapshot.
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.setTimeout(EXPORT_TIMEOUT_SECONDS);
    }

    public void hledger(Login me, CommunityId community, Destination destination) throws IOException {
        access.requireCoordinator(me, community);
        try (Writer out = destination.open()) {
            readOnly.executeWithoutResult(status -> journal.exportHledger(community, out));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public void csv(Login me, CommunityId community, Destination destination) throws IOException {
        access.requireCoordinator(me, community);
        try (Writer out = destination.open()) {
            readOnly.executeWithoutResult(status -> journal.exportCsv(community, out));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

package nl.wederkerig.api.platform.eventstore;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's transactions (command handling, and each batch of a read model's tracking processor with
 * its token) made durable like an append: the commit does not return before the file is on the
 * device ({@link DurableCommits}).
 *
 * <p>Why read models too: H2 lets a commit return while another thread is still writing the file;
 * when that write fails (a full disk) the database closes and reopens as last written. A processor
 * whose commit had returned kept its token in memory, went on at the reopened database and stored
 * that token there, past rows that were never written: the journal missed five events after a
 * full-disk episode in {@code FullDiskTest}. A commit that fails its sync instead sends the processor
 * into its retry, which reads its token back from the database.
 */
public final class DurableTransactions implements TransactionManager {

    private final TransactionManager delegate;
    private final DurableCommits durableCommits;

    public DurableTransactions(TransactionManager delegate, DurableCommits durableCommits) {
        this.delegate = delegate;
        this.durableCommits = durableCommits;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = delegate.startTransaction();
        if (durableCommits.embeddedFile() && TransactionSynchronizationManager.isSynchronizationActive()) {
            durableCommits.afterThisTransactionCommits();
        }
        return transaction;
    }
}

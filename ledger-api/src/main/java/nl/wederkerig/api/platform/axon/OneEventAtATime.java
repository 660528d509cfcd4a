package nl.wederkerig.api.platform.axon;

import nl.wederkerig.projections.readmodels.QueuedWrites;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Savepoint;

/**
 * Runs each read-model event handler inside a savepoint of the processor's transaction. A handler
 * that refuses an event (a wrong number, a row out of step) may already have written part of its
 * change; the event is then parked while the rest of the batch commits, so that part must go:
 * back to the savepoint, and what it queued ({@link QueuedWrites}) dropped. On PostgreSQL this is
 * also what lets the batch go on at all: after a failed statement the transaction takes no further
 * statement until it is rolled back to a savepoint.
 *
 * <p>Only handlers of the projections module, and only inside a transaction on our database (a
 * check's private replay has none).
 */
public final class OneEventAtATime implements HandlerEnhancerDefinition {

    static final String READ_MODELS = "nl.wederkerig.projections.";

    private final DataSource dataSource;

    public OneEventAtATime(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        boolean readModelHandler = original.declaringClass().getName().startsWith(READ_MODELS)
                && original.hasAnnotation(EventHandler.class);
        return readModelHandler ? new InSavepoint<>(original, dataSource) : original;
    }

    private static final class InSavepoint<T> extends WrappedMessageHandlingMember<T> {
        private final DataSource dataSource;

        private InSavepoint(MessageHandlingMember<T> delegate, DataSource dataSource) {
            super(delegate);
            this.dataSource = dataSource;
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            if (!TransactionSynchronizationManager.hasResource(dataSource)) {
                return super.handle(message, target);
            }
            Connection connection = DataSourceUtils.getConnection(dataSource);
            Savepoint savepoint = connection.setSavepoint();
            QueuedWrites.Mark queued = QueuedWrites.mark();
            Object result;
            try {
                result = super.handle(message, target);
            } catch (Exception | Error refused) {
                connection.rollback(savepoint);
                queued.undo();
                throw refused;
            }
            connection.releaseSavepoint(savepoint);
            return result;
        }
    }
}

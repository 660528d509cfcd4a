package nl.wederkerig.core.shared;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;

/**
 * Every record's id is chosen by a client, and all records share one event store, so an id may
 * name a record of another kind than the command expects (an errand started with the id of someone
 * else's advance, a claim approved by the id of a help record). Axon then fails to load the stream
 * ({@link IncompatibleAggregateException}), which would reach the client as a 500: an answer no
 * unknown id gets, telling that the id is someone's record. Registered first among the command
 * bus's interceptors, this answers such a command exactly as any other with that id would be:
 *
 * <ul>
 *   <li>a command that creates a record under the id ({@link CreatesRecord}): the id is taken,
 *       {@link CommandIdReused}, the same answer as for an id taken by a record of the same kind;</li>
 *   <li>any other command: no such record, {@link AggregateNotFoundException}, as for an id nobody used.</li>
 * </ul>
 *
 * Nothing is stored either way: the exception rolls the unit of work back.
 */
public final class IdsOfOtherKinds implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (IncompatibleAggregateException otherKind) {
            CommandMessage<?> command = unitOfWork.getMessage();
            String id = targetOf(command);
            if (command.getPayload() instanceof CreatesRecord) {
                throw new CommandIdReused(id);
            }
            throw new AggregateNotFoundException(id, "no record of this kind with this id");
        }
    }

    /** The id the command names; a command without one (handled outside an aggregate) names none. */
    private String targetOf(CommandMessage<?> command) {
        try {
            return targets.resolveTarget(command).getIdentifier();
        } catch (IllegalArgumentException noTarget) {
            return "";
        }
    }
}

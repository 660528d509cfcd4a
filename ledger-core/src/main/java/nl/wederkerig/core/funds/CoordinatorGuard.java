package nl.wederkerig.core.funds;

import nl.wederkerig.core.advances.AdvanceLimitGuard;

import nl.wederkerig.core.community.Community;
import nl.wederkerig.core.community.CoordinatorOnly;
import nl.wederkerig.core.reconciliation.ActingAs;
import nl.wederkerig.core.reconciliation.LinkBankAccount;
import nl.wederkerig.core.reconciliation.ReopenPeriod;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Repository;

import java.util.Objects;

/**
 * Where a fund command may come from a treasurer or a coordinator ({@link LinkBankAccount},
 * {@link ReopenPeriod}), the fund checks a treasurer itself; a member acting as coordinator is
 * checked here, against the community, in the same unit of work (a handler interceptor the
 * application registers, like {@code AdvanceLimitGuard}). The event records in which role it was done.
 */
public final class CoordinatorGuard implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final Repository<Fund> funds;
    private final Repository<Community> communities;

    public CoordinatorGuard(Repository<Fund> funds, Repository<Community> communities) {
        this.funds = Objects.requireNonNull(funds);
        this.communities = Objects.requireNonNull(communities);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object payload = unitOfWork.getMessage().getPayload();
        if (payload instanceof LinkBankAccount command && command.actingAs() == ActingAs.COORDINATOR) {
            requireCoordinator(command.initiativeId(), command.actor());
        } else if (payload instanceof ReopenPeriod command && command.actingAs() == ActingAs.COORDINATOR) {
            requireCoordinator(command.initiativeId(), command.actor());
        }
        return chain.proceed();
    }

    private void requireCoordinator(InitiativeId initiative, MemberId actor) {
        Objects.requireNonNull(initiative, "initiative is missing");
        Objects.requireNonNull(actor, "actor is missing");
        String community = funds.load(initiative.value()).invoke(fund -> fund.communityId().value());
        if (!communities.load(community).invoke(c -> c.isCoordinator(actor))) {
            throw new CoordinatorOnly(actor);
        }
    }
}

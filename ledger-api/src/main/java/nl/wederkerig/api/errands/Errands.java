package nl.wederkerig.api.errands;

import nl.wederkerig.api.errands.ErrandRequests.ErrandChange;
import nl.wederkerig.api.errands.ErrandRequests.ErrandSpending;
import nl.wederkerig.api.errands.ErrandRequests.ErrandStart;
import nl.wederkerig.api.errands.ErrandRequests.RecordedErrand;
import nl.wederkerig.api.claims.ReceiptRefused;
import nl.wederkerig.api.claims.ReceiptScans;
import nl.wederkerig.api.claims.ReceiptScans.Scan;
import nl.wederkerig.api.claims.ReceiptStore;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.ApplicationService;
import nl.wederkerig.api.platform.security.Access;
import nl.wederkerig.api.platform.time.BusinessDay;
import nl.wederkerig.core.errands.ReportErrandSpending;
import nl.wederkerig.core.errands.ReturnErrandChange;
import nl.wederkerig.core.errands.StartErrand;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.ReceiptReference;
import nl.wederkerig.api.platform.web.problems.NotFound;
import nl.wederkerig.projections.trust.ErrandView;
import nl.wederkerig.projections.trust.NeighbourActivity;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.List;

/**
 * Errands with entrusted cash. The errand checks who may take each step (either party starts it,
 * only the helper reports and hands back change); spending more than entrusted becomes an advance.
 */
@ApplicationService
public class Errands {

    private final CommandGateway commands;
    private final NeighbourActivity activity;
    private final Access access;
    private final BusinessDay day;
    private final ReceiptStore receipts;

    Errands(CommandGateway commands, NeighbourActivity activity, Access access, BusinessDay day, ReceiptStore receipts) {
        this.commands = commands;
        this.activity = activity;
        this.access = access;
        this.day = day;
        this.receipts = receipts;
    }

    /**
     * One errand as it stands (who holds how much of the asker's cash now), for its asker and
     * helper only; to anyone else it does not exist, exactly as an unknown id.
     */
    public ErrandView errand(Login me, CommunityId community, ErrandId errand) {
        access.requireMember(me, community);
        return activity.errand(community, errand)
                .filter(view -> view.asker().equals(me.memberId()) || view.helper().equals(me.memberId()))
                .orElseThrow(() -> new NotFound("no errand " + errand + " of yours"));
    }

    public RecordedErrand start(Login me, CommunityId community, ErrandStart request) {
        access.requireMember(me, community);
        commands.sendAndWait(new StartErrand(request.errandId(), community, request.asker(), request.helper(),
                request.entrusted(), request.purpose(), day.orToday(request.businessDate()), me.memberId()));
        // The errand id is the id of the command that started it.
        return new RecordedErrand(request.errandId(), CommandId.of(request.errandId().value()));
    }

    public RecordedErrand reportSpending(Login me, CommunityId community, ErrandId errand, ErrandSpending request) {
        access.requireMember(me, community);
        commands.sendAndWait(new ReportErrandSpending(errand, request.commandId(), request.spent(), request.receipt(),
                day.orToday(request.businessDate()), me.memberId()));
        return new RecordedErrand(errand, request.commandId());
    }

    /**
     * The spending report with the receipt's photo or PDF ({@code files}: none or one). The file is
     * checked and scaled as a claim's, then kept sealed under the reporter's key before the event,
     * which names it by a reference derived from the errand and the reporter (so a form sent twice
     * names the same file). When the report is refused, the file just kept is removed again. With no
     * file, this is the plain report (a till's receipt number, or nothing when nothing was spent).
     */
    public RecordedErrand reportSpendingWithReceipt(Login me, CommunityId community, ErrandId errand, ErrandSpending request,
                                                    List<byte[]> files) {
        access.requireMember(me, community);
        if (files.isEmpty()) {
            return reportSpending(me, community, errand, request);
        }
        if (files.size() > 1) {
            throw new ReceiptRefused(ReceiptRefused.Reason.TOO_MANY, "one receipt file with a spending report");
        }
        Scan scan = ReceiptScans.prepare(files.get(0));
        ReceiptReference reference = ReceiptStore.referenceFor(ReceiptStore.Kind.ERRAND_SPENDING, community, errand.value(),
                me.memberId());
        boolean storedNow = receipts.keep(reference, me.memberId(), List.of(scan));
        try {
            commands.sendAndWait(new ReportErrandSpending(errand, request.commandId(), request.spent(), reference,
                    day.orToday(request.businessDate()), me.memberId()));
        } catch (RuntimeException refused) {
            if (storedNow) {
                receipts.forget(reference);
            }
            throw refused;
        }
        return new RecordedErrand(errand, request.commandId());
    }

    /**
     * The receipt file of an errand's spending (number 1, the only one), for the errand's asker and
     * helper; to anyone else, for any other number, without a file, and once the helper's personal
     * data was erased, there is none, exactly as for an unknown errand.
     */
    public Scan receipt(Login me, CommunityId community, ErrandId errand, int number) {
        ErrandView view = errand(me, community, errand);
        if (number != 1 || view.receipt() == null) {
            throw new NotFound("no receipt " + number + " of this errand");
        }
        // Only the helper reports spending, so the file is sealed under the helper's key.
        return receipts.open(view.receipt(), number, view.helper())
                .orElseThrow(() -> new NotFound("no receipt " + number + " of this errand"));
    }

    /** Whether the spending of one of my errands came with a receipt file, for the page's link. */
    public boolean hasReceiptFile(Login me, ErrandView view) {
        access.requireMember(me, me.communityId());
        boolean mine = view.asker().equals(me.memberId()) || view.helper().equals(me.memberId());
        return mine && view.receipt() != null && receipts.count(view.receipt(), view.helper()) > 0;
    }

    public RecordedErrand returnChange(Login me, CommunityId community, ErrandId errand, ErrandChange request) {
        access.requireMember(me, community);
        commands.sendAndWait(new ReturnErrandChange(errand, request.commandId(), request.amount(),
                day.orToday(request.businessDate()), me.memberId()));
        return new RecordedErrand(errand, request.commandId());
    }

    /** The signed-in neighbour's errands, as asker or helper, newest first, with who holds how much cash now. */
    public List<ErrandView> mine(Login me) {
        access.requireMember(me, me.communityId());
        return activity.errandsOf(me.communityId(), me.memberId());
    }
}

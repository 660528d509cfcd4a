package nl.wederkerig.projections.funds;

import nl.wederkerig.core.claims.ClaimApproved;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.claims.ClaimRejected;
import nl.wederkerig.core.claims.ClaimSubmitted;
import nl.wederkerig.core.community.InitiativeRegistered;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ClaimPaid;
import nl.wederkerig.core.funds.ContributionReceived;
import nl.wederkerig.core.funds.ContributionSource;
import nl.wederkerig.core.funds.ExpensePaid;
import nl.wederkerig.core.funds.FundEntryReversed;
import nl.wederkerig.core.funds.FundMoneyEvent;
import nl.wederkerig.core.funds.FundTransferred;
import nl.wederkerig.core.reciprocity.HoursDrawn;
import nl.wederkerig.core.reciprocity.ReciprocityEntryReversed;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.projections.readmodels.Periods;
import nl.wederkerig.projections.readmodels.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Projection of initiative funds and claims into dated movements: balances as of any business date
 * and a report per period beside the previous one. A plain class like every projection; Spring only
 * supplies the {@link JdbcTemplate}.
 */
@ProcessingGroup(InitiativeFunds.PROCESSING_GROUP)
public class InitiativeFunds {

    public static final String PROCESSING_GROUP = "funds";

    public static final ReadModel READ_MODEL = new ReadModel("initiative funds", PROCESSING_GROUP,
            List.of(new ReadModel.Table("fund_initiative", List.of("initiative_id")),
                    new ReadModel.Table("fund_movement", List.of("initiative_id", "movement_id")),
                    new ReadModel.Table("fund_claim_movement", List.of("claim_id", "movement_id")),
                    new ReadModel.Table("fund_partner_hours", List.of("partner_id", "entry_id"))),
            InitiativeFunds::new);

    private final JdbcTemplate jdbc;

    public InitiativeFunds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        READ_MODEL.clear(jdbc);
    }

    @EventHandler
    void on(InitiativeRegistered event) {
        jdbc.update("INSERT INTO fund_initiative (initiative_id, community_id, registered_on) VALUES (?, ?, ?)",
                event.initiativeId().value(), event.communityId().value(), event.businessDate());
    }

    @EventHandler
    void on(ContributionReceived event) {
        addMoney(event.initiativeId(), event.communityId(), event.commandId().value(), event, event.businessDate(), 1);
    }

    @EventHandler
    void on(ExpensePaid event) {
        addMoney(event.initiativeId(), event.communityId(), event.commandId().value(), event, event.businessDate(), 1);
    }

    @EventHandler
    void on(FundTransferred event) {
        addMoney(event.initiativeId(), event.communityId(), event.commandId().value(), event, event.businessDate(), 1);
    }

    @EventHandler
    void on(ClaimPaid event) {
        addMoney(event.initiativeId(), event.communityId(), event.commandId().value(), event, event.businessDate(), 1);
        addClaimStep(event.claimId(), "paid:" + event.commandId().value(), "PAID", event.amount().cents(), 0, -1, event.businessDate());
    }

    /** The mirror of the original on the reversal's date; a reversed claim payment leaves the claim unpaid again. */
    @EventHandler
    void on(FundEntryReversed event) {
        addMoney(event.initiativeId(), event.communityId(), event.commandId().value(), event.original(), event.businessDate(), -1);
        if (event.original() instanceof ClaimPaid paid) {
            addClaimStep(paid.claimId(), "reversed:" + event.commandId().value(), "PAYMENT_REVERSED", paid.amount().cents(), 0, 1,
                    event.businessDate());
        }
    }

    @EventHandler
    void on(ClaimSubmitted event) {
        jdbc.update("""
                INSERT INTO fund_claim_movement (claim_id, movement_id, community_id, initiative_id, kind, category,
                    amount_cents, open_delta, unpaid_delta, business_date)
                VALUES (?, 'submitted', ?, ?, 'SUBMITTED', ?, ?, 1, 0, ?)""",
                event.claimId().value(), event.communityId().value(), event.initiativeId().value(),
                event.category().name(), event.amount().cents(), event.businessDate());
    }

    @EventHandler
    void on(ClaimApproved event) {
        addClaimStep(event.claimId(), "approved", "APPROVED", event.amount().cents(), -1, 1, event.businessDate());
    }

    @EventHandler
    void on(ClaimRejected event) {
        addClaimStep(event.claimId(), "rejected", "REJECTED", null, -1, 0, event.businessDate());
    }

    @EventHandler
    void on(HoursDrawn event) {
        addHours(event, event.commandId().value(), event.hours().minutes(), event.businessDate());
    }

    @EventHandler
    void on(ReciprocityEntryReversed event) {
        if (event.original() instanceof HoursDrawn drawn) {
            addHours(drawn, event.commandId().value(), -drawn.hours().minutes(), event.businessDate());
        }
    }

    /** Whether the initiative is registered in that community. */
    public boolean knows(CommunityId community, InitiativeId initiative) {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM fund_initiative WHERE community_id = ? AND initiative_id = ?",
                Integer.class, community.value(), initiative.value());
        return rows != null && rows > 0;
    }

    /** The initiatives registered in the community, by id (for the coordinator's pages). */
    public List<InitiativeId> initiativesOf(CommunityId community) {
        return jdbc.query("SELECT initiative_id FROM fund_initiative WHERE community_id = ? ORDER BY initiative_id LIMIT 10000",
                (rs, i) -> InitiativeId.of(rs.getString("initiative_id")), community.value());
    }

    /**
     * The initiative a claim was submitted to, if the claim is in that community. Lets the API check
     * that a treasurer decides or pays only claims of their own initiative.
     */
    public Optional<InitiativeId> initiativeOfClaim(CommunityId community, ClaimId claim) {
        return jdbc.queryForList("""
                SELECT initiative_id FROM fund_claim_movement
                WHERE claim_id = ? AND movement_id = 'submitted' AND community_id = ?""",
                String.class, claim.value(), community.value()).stream().findFirst().map(InitiativeId::of);
    }

    /** The fund and its open claims at the end of business date {@code asOf}; back-dated entries count on their date. */
    public InitiativeBalance balanceOf(CommunityId community, InitiativeId initiative, LocalDate asOf) {
        long bankCents = channelCents(community, initiative, Channel.BANK, asOf);
        long cashCents = channelCents(community, initiative, Channel.CASH_BOX, asOf);
        return new InitiativeBalance(initiative, asOf, eur(bankCents), eur(cashCents), eur(bankCents + cashCents),
                openClaims(community, initiative, "open_delta", asOf), openClaims(community, initiative, "unpaid_delta", asOf));
    }

    /**
     * The period {@code from}–{@code to} (inclusive, at most {@link Periods#MAX_DAYS}) beside the
     * period of the same number of days just before it.
     */
    public InitiativeReport report(CommunityId community, InitiativeId initiative, LocalDate from, LocalDate to) {
        long days = Periods.requireValid(from, to);
        PeriodFigures current = figures(community, initiative, from, to);
        PeriodFigures previous = figures(community, initiative, from.minusDays(days), from.minusDays(1));
        return new InitiativeReport(initiative, current, previous, InitiativeReport.Change.between(current, previous));
    }

    /** The figures of business dates {@code from}–{@code to}, both inclusive (the annual report reads two calendar years). */
    PeriodFigures figures(CommunityId community, InitiativeId initiative, LocalDate from, LocalDate to) {
        Map<ContributionSource, Money> income = incomeBySource(community, initiative, from, to);
        Map<ExpenseCategory, Money> expenses = expensesByCategory(community, initiative, from, to);
        return new PeriodFigures(from, to, fundOn(community, initiative, from.minusDays(1)), fundOn(community, initiative, to),
                income, total(income), expenses, total(expenses),
                claimSteps(community, initiative, "SUBMITTED", from, to), claimSteps(community, initiative, "APPROVED", from, to),
                claimSteps(community, initiative, "REJECTED", from, to), claimsPaid(community, initiative, from, to),
                partnerHoursMinutes(community, initiative, from, to));
    }

    private Map<ContributionSource, Money> incomeBySource(CommunityId community, InitiativeId initiative, LocalDate from,
                                                          LocalDate to) {
        Map<ContributionSource, Money> bySource = zeroes(ContributionSource.class);
        jdbc.query("""
                SELECT source, SUM(delta_cents) AS cents FROM fund_movement
                 WHERE community_id = ? AND initiative_id = ? AND kind = 'CONTRIBUTION' AND business_date BETWEEN ? AND ?
                 GROUP BY source""",
                rs -> {
                    bySource.put(ContributionSource.valueOf(rs.getString("source")), eur(rs.getLong("cents")));
                }, community.value(), initiative.value(), from, to);
        return bySource;
    }

    private Map<ExpenseCategory, Money> expensesByCategory(CommunityId community, InitiativeId initiative, LocalDate from,
                                                           LocalDate to) {
        Map<ExpenseCategory, Long> centsByCategory = new EnumMap<>(ExpenseCategory.class);
        // Expenses leave the fund as negative deltas; approved claims are expenses at their amount.
        jdbc.query("""
                SELECT category, -SUM(delta_cents) AS cents FROM fund_movement
                 WHERE community_id = ? AND initiative_id = ? AND kind = 'EXPENSE' AND business_date BETWEEN ? AND ?
                 GROUP BY category
                UNION ALL
                SELECT category, SUM(amount_cents) AS cents FROM fund_claim_movement
                 WHERE community_id = ? AND initiative_id = ? AND kind = 'APPROVED' AND business_date BETWEEN ? AND ?
                 GROUP BY category""",
                rs -> {
                    centsByCategory.merge(ExpenseCategory.valueOf(rs.getString("category")), rs.getLong("cents"), Long::sum);
                }, community.value(), initiative.value(), from, to, community.value(), initiative.value(), from, to);
        Map<ExpenseCategory, Money> byCategory = zeroes(ExpenseCategory.class);
        centsByCategory.forEach((category, cents) -> byCategory.put(category, eur(cents)));
        return byCategory;
    }

    private ClaimTally claimSteps(CommunityId community, InitiativeId initiative, String kind, LocalDate from, LocalDate to) {
        // kind is one of the constants above, never input.
        return jdbc.queryForObject("""
                SELECT COUNT(*) AS claims, COALESCE(SUM(amount_cents), 0) AS cents FROM fund_claim_movement
                 WHERE community_id = ? AND initiative_id = ? AND kind = ? AND business_date BETWEEN ? AND ?""",
                (rs, i) -> ClaimTally.ofCents(rs.getLong("claims"), rs.getLong("cents")),
                community.value(), initiative.value(), kind, from, to);
    }

    /** Payments less reversed payments: unpaid_delta is -1 for a payment and +1 for its reversal. */
    private ClaimTally claimsPaid(CommunityId community, InitiativeId initiative, LocalDate from, LocalDate to) {
        return jdbc.queryForObject("""
                SELECT COALESCE(-SUM(unpaid_delta), 0) AS claims, COALESCE(-SUM(unpaid_delta * amount_cents), 0) AS cents
                  FROM fund_claim_movement
                 WHERE community_id = ? AND initiative_id = ? AND kind IN ('PAID', 'PAYMENT_REVERSED')
                   AND business_date BETWEEN ? AND ?""",
                (rs, i) -> ClaimTally.ofCents(rs.getLong("claims"), rs.getLong("cents")),
                community.value(), initiative.value(), from, to);
    }

    private ClaimTally openClaims(CommunityId community, InitiativeId initiative, String deltaColumn, LocalDate asOf) {
        // deltaColumn is one of two constants, never input. Per claim the deltas sum to 0 or 1.
        return jdbc.queryForObject("SELECT COALESCE(SUM(" + deltaColumn + "), 0) AS claims, COALESCE(SUM(" + deltaColumn
                        + " * amount_cents), 0) AS cents FROM fund_claim_movement"
                        + " WHERE community_id = ? AND initiative_id = ? AND business_date <= ?",
                (rs, i) -> ClaimTally.ofCents(rs.getLong("claims"), rs.getLong("cents")),
                community.value(), initiative.value(), asOf);
    }

    private long partnerHoursMinutes(CommunityId community, InitiativeId initiative, LocalDate from, LocalDate to) {
        Long minutes = jdbc.queryForObject("""
                SELECT COALESCE(SUM(delta_minutes), 0) FROM fund_partner_hours
                 WHERE community_id = ? AND initiative_id = ? AND business_date BETWEEN ? AND ?""",
                Long.class, community.value(), initiative.value(), from, to);
        return minutes == null ? 0 : minutes;
    }

    private Money fundOn(CommunityId community, InitiativeId initiative, LocalDate asOf) {
        return eur(channelCents(community, initiative, Channel.BANK, asOf) + channelCents(community, initiative, Channel.CASH_BOX, asOf));
    }

    private long channelCents(CommunityId community, InitiativeId initiative, Channel channel, LocalDate asOf) {
        Long cents = jdbc.queryForObject("""
                SELECT COALESCE(SUM(delta_cents), 0) FROM fund_movement
                 WHERE community_id = ? AND initiative_id = ? AND channel = ? AND business_date <= ?""",
                Long.class, community.value(), initiative.value(), channel.name(), asOf);
        return cents == null ? 0 : cents;
    }

    /** One row per channel the entry changed, signed by {@code sign} (-1 mirrors a reversed entry). */
    private void addMoney(InitiativeId initiative, CommunityId community, String movementId, FundMoneyEvent entry,
                          LocalDate on, int sign) {
        for (Channel channel : Channel.values()) {
            long deltaCents = sign * entry.changeOf(channel).cents();
            if (deltaCents != 0) {
                jdbc.update("""
                        INSERT INTO fund_movement (initiative_id, movement_id, community_id, channel, kind, source, category,
                            delta_cents, business_date)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        initiative.value(), movementId + "/" + channel.name(), community.value(), channel.name(), kindOf(entry),
                        entry instanceof ContributionReceived c ? c.source().name() : null,
                        entry instanceof ExpensePaid e ? e.category().name() : null, deltaCents, on);
            }
        }
    }

    private static String kindOf(FundMoneyEvent entry) {
        if (entry instanceof ContributionReceived) {
            return "CONTRIBUTION";
        }
        if (entry instanceof ExpensePaid) {
            return "EXPENSE";
        }
        return entry instanceof FundTransferred ? "TRANSFER" : "CLAIM_PAYMENT";
    }

    /**
     * A later step of a claim copies the submitted row's initiative, category and amount (fixed at
     * submission). A step whose event states an amount must agree with it: a disagreement means the
     * read model is out of step, and failing stops the processor rather than report wrong sums.
     */
    private void addClaimStep(ClaimId claim, String movementId, String kind, Long statedCents, int openDelta,
                              int unpaidDelta, LocalDate on) {
        String insert = """
                INSERT INTO fund_claim_movement (claim_id, movement_id, community_id, initiative_id, kind, category,
                    amount_cents, open_delta, unpaid_delta, business_date)
                SELECT claim_id, ?, community_id, initiative_id, ?, category, amount_cents, ?, ?, ?
                  FROM fund_claim_movement WHERE claim_id = ? AND movement_id = 'submitted'""";
        int rows = statedCents == null
                ? jdbc.update(insert, movementId, kind, openDelta, unpaidDelta, on, claim.value())
                : jdbc.update(insert + " AND amount_cents = ?", movementId, kind, openDelta, unpaidDelta, on, claim.value(),
                        statedCents);
        if (rows != 1) {
            throw new IllegalStateException("funds read model out of step at claim " + claim
                    + ": not submitted, or another amount than submitted");
        }
    }

    private void addHours(HoursDrawn drawn, String entryId, long deltaMinutes, LocalDate on) {
        jdbc.update("""
                INSERT INTO fund_partner_hours (partner_id, entry_id, initiative_id, community_id, delta_minutes,
                    business_date)
                VALUES (?, ?, ?, ?, ?, ?)""",
                drawn.partnerId().value(), entryId, drawn.initiativeId().value(), drawn.communityId().value(), deltaMinutes, on);
    }

    private static <K extends Enum<K>> Map<K, Money> zeroes(Class<K> keys) {
        Map<K, Money> map = new LinkedHashMap<>();
        for (K key : keys.getEnumConstants()) {
            map.put(key, eur(0));
        }
        return map;
    }

    private static Money total(Map<?, Money> amounts) {
        return amounts.values().stream().reduce(eur(0), Money::plus);
    }

    private static Money eur(long cents) {
        return Money.ofCents(cents, Money.EUR);
    }
}

package nl.wederkerig.core.harness;

import nl.wederkerig.core.community.HourValuationMethod;
import nl.wederkerig.core.advances.AcknowledgeAdvance;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.community.AdvanceLimit;
import nl.wederkerig.core.advances.CancelAdvance;
import nl.wederkerig.core.advances.ConfirmReimbursement;
import nl.wederkerig.core.advances.DisputeAdvance;
import nl.wederkerig.core.advances.DisputeReason;
import nl.wederkerig.core.advances.ForgiveAdvance;
import nl.wederkerig.core.advances.MakeAdvance;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.advances.ReimburseAdvance;
import nl.wederkerig.core.advances.ReverseReimbursement;
import nl.wederkerig.core.claims.ApproveClaim;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.claims.RejectClaim;
import nl.wederkerig.core.claims.RejectionReason;
import nl.wederkerig.core.claims.SubmitClaim;
import nl.wederkerig.core.community.AssignRole;
import nl.wederkerig.core.community.DeregisterMember;
import nl.wederkerig.core.community.FoundCommunity;
import nl.wederkerig.core.community.InitiativeKind;
import nl.wederkerig.core.community.PartnerKind;
import nl.wederkerig.core.community.RegisterInitiative;
import nl.wederkerig.core.community.RegisterMember;
import nl.wederkerig.core.community.RegisterPartner;
import nl.wederkerig.core.community.RevokeRole;
import nl.wederkerig.core.community.Role;
import nl.wederkerig.core.community.SetAdvanceLimit;
import nl.wederkerig.core.community.SetHourValuation;
import nl.wederkerig.core.corrections.ReversalReason;
import nl.wederkerig.core.errands.ReportErrandSpending;
import nl.wederkerig.core.errands.ReturnErrandChange;
import nl.wederkerig.core.errands.StartErrand;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ContributionSource;
import nl.wederkerig.core.funds.PayApprovedClaim;
import nl.wederkerig.core.funds.RecordContribution;
import nl.wederkerig.core.funds.RecordExpense;
import nl.wederkerig.core.funds.ReverseFundEntry;
import nl.wederkerig.core.funds.TransferFunds;
import nl.wederkerig.core.help.ConfirmHelp;
import nl.wederkerig.core.help.DisputeHelp;
import nl.wederkerig.core.help.HelpDisputeReason;
import nl.wederkerig.core.help.HelpId;
import nl.wederkerig.core.help.HelpKind;
import nl.wederkerig.core.help.RecordHelp;
import nl.wederkerig.core.reciprocity.InKindCategory;
import nl.wederkerig.core.reciprocity.RecordHoursDrawn;
import nl.wederkerig.core.reciprocity.RecordInKindReturned;
import nl.wederkerig.core.reciprocity.RecordMoneyReturned;
import nl.wederkerig.core.reciprocity.RecordServiceDrawn;
import nl.wederkerig.core.reciprocity.ReverseReciprocityEntry;
import nl.wederkerig.core.reciprocity.ServiceCategory;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.core.shared.ReceiptReference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns random {@link Step}s into commands over a small community: five members (m0 coordinates,
 * m1 and m2 are treasurers of i0, m3 of i1), two initiatives, two partners. Steps pick among
 * the records made so far, so most commands aim at something real and many break a rule. Some
 * name strangers: a member, partner or initiative the community never registered, or a member
 * who has since left (DEREGISTER_MEMBER).
 */
public final class Driver {

    public static final CommunityId WEST = CommunityId.of("west");
    static final int MEMBERS = 5;
    static final int INITIATIVES = 2;
    static final int PARTNERS = 2;
    /** Never registered: what a step's {@code who} or {@code whom} of {@link #MEMBERS} names. */
    public static final MemberId STRANGER = MemberId.of("stranger");
    /** Never registered: named when a step's {@code whom} is {@link #MEMBERS}. */
    public static final PartnerId GHOST_PARTNER = PartnerId.of("ghost-partner");
    /** Never registered: named when a step's {@code pick} is {@link #GHOST_PICK} modulo 16. */
    public static final InitiativeId GHOST_INITIATIVE = InitiativeId.of("ghost-initiative");
    static final int GHOST_PICK = 15;
    /** Small id pool, so ids get reused: repeats (no change) and mismatches (CommandIdReused). */
    static final int REUSING_COMMAND_IDS = 60;

    /**
     * A pool so large that ids are almost always fresh: for long runs that should keep recording
     * (the journal oracle), since each aggregate takes each command id once.
     */
    public static final int FRESH_COMMAND_IDS = 1_000_000;

    private final LocalDate today;
    private final List<AdvanceId> advances = new ArrayList<>();
    private final List<CommandId> reimbursements = new ArrayList<>();
    private final List<ErrandId> errands = new ArrayList<>();
    private final List<HelpId> helps = new ArrayList<>();
    private final List<ClaimId> claims = new ArrayList<>();
    private final List<Object> sent = new ArrayList<>();
    private final Map<String, MemberId[]> parties = new HashMap<>();
    private final Map<ErrandId, Money> changeDue = new HashMap<>();
    private final Map<ClaimId, InitiativeId> claimInitiative = new HashMap<>();
    private final Map<InitiativeId, List<CommandId>> fundEntries = new HashMap<>();
    private final Map<PartnerId, List<CommandId>> reciprocityEntries = new HashMap<>();
    private int serial;
    /** Undoes what the last command added to the records, should it be refused. */
    private Runnable forgetLast = () -> { };
    private final int commandIds;

    /** A driver whose command ids repeat often (the domain's property tests). */
    public Driver(LocalDate today) {
        this(today, REUSING_COMMAND_IDS);
    }

    /** @param commandIds how many distinct command ids the steps draw from */
    public Driver(LocalDate today, int commandIds) {
        if (commandIds <= 0) {
            throw new IllegalArgumentException("commandIds must be positive");
        }
        this.today = today;
        this.commandIds = commandIds;
    }

    public static MemberId member(int i) {
        return MemberId.of("m" + Math.floorMod(i, MEMBERS));
    }

    public static InitiativeId initiative(int i) {
        return InitiativeId.of("i" + Math.floorMod(i, INITIATIVES));
    }

    static PartnerId partner(int i) {
        return PartnerId.of("p" + Math.floorMod(i, PARTNERS));
    }

    /** A member, or the stranger for {@link #MEMBERS}. */
    static MemberId party(int i) {
        return i == MEMBERS ? STRANGER : member(i);
    }

    private static PartnerId partnerOrGhost(int i) {
        return i == MEMBERS ? GHOST_PARTNER : partner(i);
    }

    private static InitiativeId initiativeOrGhost(int pick) {
        return Math.floorMod(pick, 16) == GHOST_PICK ? GHOST_INITIATIVE : initiative(pick);
    }

    /** The commands that found the community; all must succeed. */
    public List<Object> setUp() {
        MemberId coordinator = member(0);
        List<Object> commands = new ArrayList<>();
        commands.add(new FoundCommunity(WEST, today.minusDays(30), coordinator));
        for (int i = 1; i < MEMBERS; i++) {
            commands.add(new RegisterMember(WEST, CommandId.of("setup-m" + i), member(i), today.minusDays(30), coordinator));
        }
        for (int i = 0; i < INITIATIVES; i++) {
            commands.add(new RegisterInitiative(WEST, CommandId.of("setup-i" + i), initiative(i), InitiativeKind.OTHER, today.minusDays(30), coordinator));
        }
        for (int i = 0; i < PARTNERS; i++) {
            commands.add(new RegisterPartner(WEST, CommandId.of("setup-p" + i), partner(i), PartnerKind.CARE_ORGANISATION, today.minusDays(30), coordinator));
        }
        commands.add(new AssignRole(WEST, CommandId.of("setup-t1"), member(1), Role.treasurerOf(initiative(0)), today.minusDays(30), coordinator));
        commands.add(new AssignRole(WEST, CommandId.of("setup-t2"), member(2), Role.treasurerOf(initiative(0)), today.minusDays(30), coordinator));
        commands.add(new AssignRole(WEST, CommandId.of("setup-t3"), member(3), Role.treasurerOf(initiative(1)), today.minusDays(30), coordinator));
        // Some money in every fund, so that expenses, transfers and claims can be paid.
        commands.add(new RecordContribution(initiative(0), CommandId.of("setup-f0"), Money.eur("400.00"), ContributionSource.GRANT, null, Channel.BANK, today.minusDays(30), member(1)));
        commands.add(new RecordContribution(initiative(0), CommandId.of("setup-f1"), Money.eur("100.00"), ContributionSource.DONATION, null, Channel.CASH_BOX, today.minusDays(30), member(2)));
        commands.add(new RecordContribution(initiative(1), CommandId.of("setup-f2"), Money.eur("150.00"), ContributionSource.PARTNER, partner(0), Channel.CASH_BOX, today.minusDays(30), member(3)));
        commands.add(new SetHourValuation(WEST, CommandId.of("setup-v"), Money.eur("15.00"), today, HourValuationMethod.FIXED_AGREED, today, coordinator));
        return commands;
    }

    /** The command for one step, remembering what it may have created. */
    public Object commandFor(Step s) {
        forgetLast = () -> { };
        Object command = build(s);
        sent.add(command);
        return command;
    }

    /**
     * The ledger refused the last command: what it would have created does not exist, so later
     * steps should not aim at it (they would only meet an unknown record, again and again).
     */
    public void refused(Object command) {
        if (!sent.isEmpty() && sent.get(sent.size() - 1) == command) {
            forgetLast.run();
            forgetLast = () -> { };
        }
    }

    private <T> void keep(List<T> known, T created) {
        known.add(created);
        forgetLast = () -> known.remove(created);
    }

    private Object build(Step drawn) {
        Step s = withSomethingToFollowUp(drawn);
        CommandId id = CommandId.of("c" + Math.floorMod(s.id(), commandIds));
        MemberId who = party(s.who());
        MemberId whom = party(s.whom());
        LocalDate created = today.minusDays(s.daysBack());
        LocalDate date = s.fair() ? today : created;
        Money amount = Money.ofCents(s.cents(), Money.EUR);
        ReceiptReference receipt = ReceiptReference.of("bon-" + Math.floorMod(s.pick(), 10));
        InitiativeId initiative = initiativeOrGhost(s.pick());
        PartnerId partner = partnerOrGhost(s.whom());
        MemberId treasurer = treasurerOf(initiative, s.who());
        return switch (s.kind()) {
            case MAKE_ADVANCE -> {
                AdvanceId advance = AdvanceId.of("adv-" + (serial++));
                MemberId borrower = s.fair() && whom.equals(who) ? member(s.whom() + 1) : whom;
                keep(advances, advance);
                parties.put(advance.value(), new MemberId[] {who, borrower});
                yield new MakeAdvance(advance, WEST, who, borrower, amount, Purpose.values()[Math.floorMod(s.pick(), 5)], created, who);
            }
            case ACKNOWLEDGE -> {
                AdvanceId advance = latest(advances, s, AdvanceId.of("none"));
                yield new AcknowledgeAdvance(advance, id, date, actor(s, advance.value(), 1));
            }
            case DISPUTE -> {
                AdvanceId advance = latest(advances, s, AdvanceId.of("none"));
                yield new DisputeAdvance(advance, id, DisputeReason.OTHER, date, actor(s, advance.value(), 1));
            }
            case REIMBURSE -> {
                AdvanceId advance = latest(advances, s, AdvanceId.of("none"));
                keep(reimbursements, id);
                Money part = s.fair() ? Money.ofCents(1 + Math.floorMod(s.cents(), 3_000L), Money.EUR) : amount;
                yield new ReimburseAdvance(advance, id, part, date, actor(s, advance.value(), 1));
            }
            case REVERSE_REIMBURSEMENT -> {
                AdvanceId advance = latest(advances, s, AdvanceId.of("none"));
                yield new ReverseReimbursement(advance, id, pick(reimbursements, s.fair() ? reimbursements.size() - 1 : s.whom(), id),
                        ReversalReason.ENTERED_IN_ERROR, date, actor(s, advance.value(), Math.floorMod(s.whom(), 2)));
            }
            case CONFIRM_RECEIPT -> {
                AdvanceId advance = latest(advances, s, AdvanceId.of("none"));
                // Playing fair, the lender confirms the latest reimbursement (of the latest advance, mostly).
                yield new ConfirmReimbursement(advance, id, pick(reimbursements, s.fair() ? reimbursements.size() - 1 : s.whom(), id),
                        date, actor(s, advance.value(), 0));
            }
            case FORGIVE -> {
                AdvanceId advance = latest(advances, s, AdvanceId.of("none"));
                yield new ForgiveAdvance(advance, id, date, actor(s, advance.value(), 0));
            }
            case CANCEL -> {
                AdvanceId advance = latest(advances, s, AdvanceId.of("none"));
                yield new CancelAdvance(advance, id, date, actor(s, advance.value(), 0));
            }
            case START_ERRAND -> {
                ErrandId errand = ErrandId.of("errand-" + (serial++));
                MemberId helper = s.fair() && whom.equals(who) ? member(s.whom() + 1) : whom;
                keep(errands, errand);
                parties.put(errand.value(), new MemberId[] {who, helper});
                changeDue.put(errand, amount);
                yield new StartErrand(errand, WEST, who, helper, amount, Purpose.GROCERIES, created, who);
            }
            case REPORT_ERRAND -> {
                ErrandId errand = latest(errands, s, ErrandId.of("none"));
                changeDue.computeIfPresent(errand, (e, entrusted) -> entrusted.minus(amount));
                yield new ReportErrandSpending(errand, id, amount, receipt, date, actor(s, errand.value(), 1));
            }
            case RETURN_CHANGE -> {
                ErrandId errand = latest(errands, s, ErrandId.of("none"));
                // Playing fair, the helper hands back what was entrusted minus what they last reported spending.
                Money change = s.fair() ? changeDue.getOrDefault(errand, amount) : amount;
                yield new ReturnErrandChange(errand, id, change, date, actor(s, errand.value(), 1));
            }
            case RECORD_HELP -> {
                HelpId help = HelpId.of("help-" + (serial++));
                MemberId receiver = s.fair() && whom.equals(who) ? member(s.whom() + 1) : whom;
                keep(helps, help);
                parties.put(help.value(), new MemberId[] {who, receiver});
                yield new RecordHelp(help, WEST, who, receiver, Hours.ofMinutes(Math.floorMod(s.cents(), Hours.MAX_MINUTES + 1)),
                        HelpKind.COMPANY, null, created, who);
            }
            case CONFIRM_HELP -> {
                HelpId help = latest(helps, s, HelpId.of("none"));
                yield new ConfirmHelp(help, id, date, actor(s, help.value(), 1));
            }
            case DISPUTE_HELP -> {
                HelpId help = latest(helps, s, HelpId.of("none"));
                yield new DisputeHelp(help, id, HelpDisputeReason.OTHER, date, actor(s, help.value(), 1));
            }
            case CONTRIBUTE -> {
                ContributionSource source = ContributionSource.values()[Math.floorMod(s.whom(), 4)];
                fundEntry(initiative, id);
                yield new RecordContribution(initiative, id, amount, source, source == ContributionSource.PARTNER ? partner : null,
                        channel(s.who()), created, s.fair() ? treasurer : who);
            }
            case SPEND -> {
                fundEntry(initiative, id);
                yield new RecordExpense(initiative, id, amount, ExpenseCategory.values()[Math.floorMod(s.whom(), 10)],
                        receipt, channel(s.whom()), created, s.fair() ? treasurer : who);
            }
            case TRANSFER -> {
                fundEntry(initiative, id);
                yield new TransferFunds(initiative, id, amount, channel(s.whom()), channel(s.whom() + 1), created,
                        s.fair() ? treasurer : who);
            }
            case REVERSE_FUND_ENTRY -> new ReverseFundEntry(initiative, id,
                    pick(fundEntries.getOrDefault(initiative, List.of()), s.whom(), id),
                    ReversalReason.ENTERED_IN_ERROR, date, s.fair() ? treasurer : who);
            case SUBMIT_CLAIM -> {
                ClaimId claim = ClaimId.of("claim-" + (serial++));
                keep(claims, claim);
                claimInitiative.put(claim, initiative);
                yield new SubmitClaim(claim, WEST, initiative, amount, ExpenseCategory.FOOD, receipt, created, who);
            }
            case APPROVE_CLAIM -> {
                ClaimId claim = latest(claims, s, ClaimId.of("none"));
                yield new ApproveClaim(claim, id, date, s.fair() ? treasurerOf(claimInitiative.getOrDefault(claim, initiative), s.who()) : who);
            }
            case REJECT_CLAIM -> {
                ClaimId claim = latest(claims, s, ClaimId.of("none"));
                yield new RejectClaim(claim, id, RejectionReason.OTHER, null, date,
                        s.fair() ? treasurerOf(claimInitiative.getOrDefault(claim, initiative), s.who()) : who);
            }
            case PAY_CLAIM -> {
                ClaimId claim = latest(claims, s, ClaimId.of("none"));
                InitiativeId of = claimInitiative.getOrDefault(claim, initiative);
                fundEntry(of, id);
                yield new PayApprovedClaim(claim, id, channel(s.whom()), date, s.fair() ? treasurerOf(of, s.who()) : who);
            }
            case HOURS_DRAWN -> reciprocityEntry(partner, id, new RecordHoursDrawn(partner, id, WEST, initiative,
                    Hours.ofMinutes(Math.floorMod(s.cents(), Hours.MAX_MINUTES + 1)), created, who));
            case SERVICE_DRAWN -> reciprocityEntry(partner, id, new RecordServiceDrawn(partner, id, WEST, initiative,
                    ServiceCategory.MEAL, (int) Math.floorMod(s.cents(), 1_100L), created, who));
            case MONEY_RETURNED -> reciprocityEntry(partner, id, new RecordMoneyReturned(partner, id, WEST, initiative, amount, created, who));
            case IN_KIND_RETURNED -> reciprocityEntry(partner, id,
                    new RecordInKindReturned(partner, id, WEST, initiative, InKindCategory.ROOM, amount, created, who));
            case REVERSE_RECIPROCITY -> new ReverseReciprocityEntry(partner, id,
                    pick(reciprocityEntries.getOrDefault(partner, List.of()), s.pick(), id), ReversalReason.DUPLICATE, date, who);
            case SET_ADVANCE_LIMIT -> new SetAdvanceLimit(WEST, id, new AdvanceLimit(1 + Math.floorMod(s.pick(), 4),
                    Money.ofCents(1 + Math.floorMod(s.cents(), 2_000_000L), Money.EUR)), date, s.fair() ? member(0) : who);
            case REVOKE_TREASURER -> new RevokeRole(WEST, id, whom, Role.treasurerOf(initiative), date, s.fair() ? member(0) : who);
            case DEREGISTER_MEMBER -> new DeregisterMember(WEST, id, whom, date, s.fair() ? member(0) : who);
            case REPEAT_EARLIER -> sent.isEmpty() ? new FoundCommunity(WEST, today.minusDays(30), member(0))
                    : sent.get(Math.floorMod(s.pick(), sent.size()));
        };
    }

    /**
     * Playing fair, a step that follows up on a record when there is none yet first makes one:
     * otherwise short runs spend most follow-ups on records that do not exist, and chains
     * (made, disputed, acknowledged, paid back, reversed, ...) stay too short to test anything.
     */
    private Step withSomethingToFollowUp(Step s) {
        if (!s.fair()) {
            return s;
        }
        Step.Kind maker = switch (s.kind()) {
            case ACKNOWLEDGE, DISPUTE, REIMBURSE, REVERSE_REIMBURSEMENT, CONFIRM_RECEIPT, FORGIVE, CANCEL ->
                    advances.isEmpty() ? Step.Kind.MAKE_ADVANCE : null;
            case REPORT_ERRAND, RETURN_CHANGE -> errands.isEmpty() ? Step.Kind.START_ERRAND : null;
            case CONFIRM_HELP, DISPUTE_HELP -> helps.isEmpty() ? Step.Kind.RECORD_HELP : null;
            case APPROVE_CLAIM, REJECT_CLAIM, PAY_CLAIM -> claims.isEmpty() ? Step.Kind.SUBMIT_CLAIM : null;
            default -> null;
        };
        return maker == null ? s : new Step(maker, true, s.who(), s.whom(), s.pick(), s.id(), s.cents(), s.daysBack());
    }

    /** The member at {@code role} (0 or 1) of the record, when the step plays fair. */
    private MemberId actor(Step s, String record, int role) {
        MemberId[] both = parties.get(record);
        return s.fair() && both != null ? both[role] : party(s.who());
    }

    /** One of the treasurers {@link #setUp()} appointed: m1 and m2 for i0, m3 for i1. */
    private static MemberId treasurerOf(InitiativeId initiative, int pick) {
        return initiative.equals(initiative(0)) ? member(1 + Math.floorMod(pick, 2)) : member(3);
    }

    private void fundEntry(InitiativeId initiative, CommandId id) {
        keep(fundEntries.computeIfAbsent(initiative, i -> new ArrayList<>()), id);
    }

    private Object reciprocityEntry(PartnerId partner, CommandId id, Object command) {
        keep(reciprocityEntries.computeIfAbsent(partner, p -> new ArrayList<>()), id);
        return command;
    }

    private static Channel channel(int i) {
        return Channel.values()[Math.floorMod(i, 2)];
    }

    /** Playing fair, a step follows up on the latest record; otherwise on any. */
    private static <T> T latest(List<T> known, Step s, T fallback) {
        return pick(known, s.fair() ? known.size() - 1 : s.pick(), fallback);
    }

    private static <T> T pick(List<T> known, int index, T fallback) {
        return known.isEmpty() ? fallback : known.get(Math.floorMod(index, known.size()));
    }

    public List<AdvanceId> advances() {
        return List.copyOf(advances);
    }

    public List<ErrandId> errands() {
        return List.copyOf(errands);
    }

    public List<ClaimId> claims() {
        return List.copyOf(claims);
    }

    public List<HelpId> helps() {
        return List.copyOf(helps);
    }
}

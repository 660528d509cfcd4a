package nl.wederkerig.api.demo;

import nl.wederkerig.core.community.HourValuationMethod;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.MakeAdvance;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.advances.ReimburseAdvance;
import nl.wederkerig.core.claims.ApproveClaim;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.claims.SubmitClaim;
import nl.wederkerig.core.community.AssignRole;
import nl.wederkerig.core.community.FoundCommunity;
import nl.wederkerig.core.community.InitiativeKind;
import nl.wederkerig.core.community.PartnerKind;
import nl.wederkerig.core.community.RegisterInitiative;
import nl.wederkerig.core.community.RegisterMember;
import nl.wederkerig.core.community.RegisterPartner;
import nl.wederkerig.core.community.Role;
import nl.wederkerig.core.community.RoleKind;
import nl.wederkerig.core.community.SetHourValuation;
import nl.wederkerig.core.community.ShareTrustHistory;
import nl.wederkerig.core.errands.ReportErrandSpending;
import nl.wederkerig.core.errands.ReturnErrandChange;
import nl.wederkerig.core.errands.StartErrand;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ContributionSource;
import nl.wederkerig.core.funds.PayApprovedClaim;
import nl.wederkerig.core.funds.RecordContribution;
import nl.wederkerig.core.funds.RecordExpense;
import nl.wederkerig.core.help.ConfirmHelp;
import nl.wederkerig.core.help.HelpId;
import nl.wederkerig.core.help.HelpKind;
import nl.wederkerig.core.help.RecordHelp;
import nl.wederkerig.core.reciprocity.InKindCategory;
import nl.wederkerig.core.reciprocity.RecordHoursDrawn;
import nl.wederkerig.core.reciprocity.RecordInKindReturned;
import nl.wederkerig.core.reciprocity.RecordMoneyReturned;
import nl.wederkerig.core.reciprocity.RecordServiceDrawn;
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
import nl.wederkerig.core.shared.RuleViolation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A small neighbourhood like Rotterdam West, recorded through the same commands a person would
 * send: three initiatives (shared meals, neighbour help, money club), a care partner, neighbours
 * with advances, an errand, help in hours, an expense claim and reciprocity. Dates lie in the last
 * two months. Logins are in the README; the password is public, so this is for a newcomer's own
 * machine only.
 */
@Component
public class DemoData {

    public static final CommunityId COMMUNITY = CommunityId.of("rotterdam-west");
    public static final String PASSWORD = "demo-wederkerig";
    /** The people, by login name: neighbours, a treasurer, the coordinator and a partner representative. */
    public static final List<String> PEOPLE = List.of("amina", "bram", "cees", "dirk", "femke", "zorg");

    /** How long to wait for the fund policies to open a fund and appoint its treasurer. */
    static final long MAX_POLICY_WAIT_MILLIS = 30_000;

    private final CommandGateway commands;
    private final LoginStore accounts;
    private final Clock clock;

    public DemoData(CommandGateway commands, LoginStore accounts, Clock clock) {
        this.commands = commands;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The demo community under its documented names, once: a second start finds it and changes nothing. */
    public void loadOnce() {
        if (!accounts.exists("femke")) {
            load(COMMUNITY, UnaryOperator.identity());
            // Their password is public: these accounts log in only while the demo is switched on.
            PEOPLE.forEach(accounts::markDemo);
        }
    }

    /**
     * Records the demo neighbourhood in {@code community}; {@code name} turns each documented login
     * name into the member id and login used (tests pass a unique suffix).
     */
    public void load(CommunityId community, UnaryOperator<String> name) {
        People p = new People(name);
        for (String person : PEOPLE) {
            accounts.register(name.apply(person), PASSWORD, community, MemberId.of(name.apply(person)));
        }
        // Initiative and partner ids name aggregates across the installation, so they are named too.
        InitiativeId meals = InitiativeId.of(name.apply("aanschuiven"));
        InitiativeId help = InitiativeId.of(name.apply("buurthulp"));
        InitiativeId moneyClub = InitiativeId.of(name.apply("club-geldzorg"));
        PartnerId care = PartnerId.of(name.apply("zorg-west"));
        foundCommunity(community, p, meals, help, moneyClub, care);
        neighbours(community, p);
        fund(community, p, meals, care);
        reciprocity(community, p, help, care);
    }

    private void foundCommunity(CommunityId community, People p, InitiativeId meals, InitiativeId help,
                                InitiativeId moneyClub, PartnerId care) {
        MemberId femke = p.femke;
        commands.sendAndWait(new FoundCommunity(community, day(60), femke));
        for (MemberId member : List.of(p.amina, p.bram, p.cees, p.dirk, p.zorg)) {
            commands.sendAndWait(new RegisterMember(community, id("member-" + member), member, day(60), femke));
        }
        commands.sendAndWait(new RegisterInitiative(community, id("meals"), meals, InitiativeKind.SHARED_MEALS, day(60), femke));
        commands.sendAndWait(new RegisterInitiative(community, id("help"), help, InitiativeKind.NEIGHBOUR_HELP, day(60), femke));
        commands.sendAndWait(new RegisterInitiative(community, id("money-club"), moneyClub, InitiativeKind.MONEY_CLUB,
                day(60), femke));
        commands.sendAndWait(new RegisterPartner(community, id("care"), care, PartnerKind.CARE_ORGANISATION, day(60), femke));
        commands.sendAndWait(new AssignRole(community, id("treasurer"), p.amina, new Role(RoleKind.TREASURER, meals, null),
                day(59), femke));
        commands.sendAndWait(new AssignRole(community, id("partner-rep"), p.zorg,
                new Role(RoleKind.PARTNER_REPRESENTATIVE, null, care), day(59), femke));
        // A valuation takes effect from the day it is set, never earlier: past statements never change.
        commands.sendAndWait(new SetHourValuation(community, id("valuation"), Money.eur("15.00"), day(0), HourValuationMethod.FIXED_AGREED, day(0), femke));
    }

    private void neighbours(CommunityId community, People p) {
        AdvanceId groceries = AdvanceId.of(community + "-groceries");
        commands.sendAndWait(new MakeAdvance(groceries, community, p.amina, p.bram, Money.eur("43.20"), Purpose.GROCERIES,
                day(30), p.amina));
        commands.sendAndWait(new ReimburseAdvance(groceries, id("pay-1"), Money.eur("20.00"), day(25), p.bram));
        commands.sendAndWait(new ReimburseAdvance(groceries, id("pay-2"), Money.eur("23.20"), day(10), p.bram));
        commands.sendAndWait(new MakeAdvance(AdvanceId.of(community + "-pharmacy"), community, p.cees, p.dirk,
                Money.eur("12.50"), Purpose.PHARMACY, day(14), p.cees));
        commands.sendAndWait(new MakeAdvance(AdvanceId.of(community + "-bus"), community, p.bram, p.amina,
                Money.eur("6.80"), Purpose.TRANSPORT, day(5), p.bram));

        ErrandId errand = ErrandId.of(community + "-errand-1");
        commands.sendAndWait(new StartErrand(errand, community, p.dirk, p.cees, Money.eur("50.00"), Purpose.GROCERIES,
                day(12), p.dirk));
        commands.sendAndWait(new ReportErrandSpending(errand, id("spent"), Money.eur("43.20"),
                ReceiptReference.of("AH-2026-1187"), day(12), p.cees));
        commands.sendAndWait(new ReturnErrandChange(errand, id("change"), Money.eur("6.80"), day(12), p.cees));

        HelpId afternoon = HelpId.of(community + "-help-1");
        commands.sendAndWait(new RecordHelp(afternoon, community, p.amina, p.dirk, Hours.ofMinutes(120), HelpKind.COMPANY,
                null, day(9), p.amina));
        commands.sendAndWait(new ConfirmHelp(afternoon, id("thanks"), day(8), p.dirk));

        // Bram lets Amina, who advanced his groceries, see his trust history; nobody else sees it.
        commands.sendAndWait(new ShareTrustHistory(community, id("share-bram"), p.amina, day(3), p.bram));
    }

    private void fund(CommunityId community, People p, InitiativeId meals, PartnerId care) {
        // The fund and its treasurer follow the community's events shortly after (policies).
        untilAccepted(() -> commands.sendAndWait(new RecordContribution(meals, id("grant"), Money.eur("250.00"),
                ContributionSource.PARTNER, care, Channel.BANK, day(40), p.amina)));
        commands.sendAndWait(new RecordContribution(meals, id("guests"), Money.eur("37.50"), ContributionSource.GUEST_CONTRIBUTION,
                null, Channel.CASH_BOX, day(7), p.amina));
        commands.sendAndWait(new RecordExpense(meals, id("food"), Money.eur("31.10"), ExpenseCategory.FOOD,
                ReceiptReference.of("JUMBO-0412"), Channel.CASH_BOX, day(7), p.amina));
        ClaimId claim = ClaimId.of(community + "-claim-1");
        commands.sendAndWait(new SubmitClaim(claim, community, meals, Money.eur("18.40"), ExpenseCategory.MATERIALS,
                ReceiptReference.of("ACTION-77"), day(6), p.bram));
        commands.sendAndWait(new ApproveClaim(claim, id("approve"), day(5), p.amina));
        commands.sendAndWait(new PayApprovedClaim(claim, id("pay-claim"), Channel.BANK, day(4), p.amina));
    }

    private void reciprocity(CommunityId community, People p, InitiativeId help, PartnerId care) {
        commands.sendAndWait(new RecordHoursDrawn(care, id("outings"), community, help, Hours.ofMinutes(6 * 60), day(21), p.femke));
        // Today's outing is valued at the hour valuation that takes effect today; the earlier ones predate any
        // valuation and show as unvalued minutes, as they would in a wijk that starts valuing hours now.
        commands.sendAndWait(new RecordHoursDrawn(care, id("outings-2"), community, help, Hours.ofMinutes(4 * 60), day(0), p.femke));
        commands.sendAndWait(new RecordServiceDrawn(care, id("room"), community, help, ServiceCategory.ROOM_USE, 3, day(15), p.femke));
        commands.sendAndWait(new RecordMoneyReturned(care, id("returned"), community, help, Money.eur("150.00"), day(8), p.femke));
        commands.sendAndWait(new RecordInKindReturned(care, id("in-kind"), community, help, InKindCategory.FOOD,
                Money.eur("40.00"), day(2), p.femke));
    }

    /** Retries while the fund or its treasurer is not there yet; any other refusal is a real error. */
    private void untilAccepted(Runnable command) {
        long deadline = System.currentTimeMillis() + MAX_POLICY_WAIT_MILLIS;
        while (true) {
            try {
                command.run();
                return;
            } catch (AggregateNotFoundException | RuleViolation notYet) {
                if (System.currentTimeMillis() > deadline) {
                    throw notYet;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading demo data", e);
        }
    }

    private LocalDate day(int daysAgo) {
        return LocalDate.now(clock).minusDays(daysAgo);
    }

    private static CommandId id(String name) {
        return CommandId.of("demo-" + name);
    }

    private static final class People {
        final MemberId amina;
        final MemberId bram;
        final MemberId cees;
        final MemberId dirk;
        final MemberId femke;
        final MemberId zorg;

        People(UnaryOperator<String> name) {
            amina = MemberId.of(name.apply("amina"));
            bram = MemberId.of(name.apply("bram"));
            cees = MemberId.of(name.apply("cees"));
            dirk = MemberId.of(name.apply("dirk"));
            femke = MemberId.of(name.apply("femke"));
            zorg = MemberId.of(name.apply("zorg"));
        }
    }
}

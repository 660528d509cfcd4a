package nl.wederkerig.core.journal;

import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ContributionSource;
import nl.wederkerig.core.reciprocity.InKindCategory;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.PartnerId;

import java.util.List;

/**
 * The chart of accounts, in hledger names (see docs/ledger-model.md). Ids are lower-case letters,
 * digits and hyphens, so every segment is a valid account name. Debts between neighbours appear
 * twice, once on each side, so every member's position can be read from their own accounts.
 */
public final class Accounts {

    private Accounts() {
    }

    /** What {@code debtor} owes {@code creditor}, seen from the creditor. */
    public static String receivable(MemberId creditor, MemberId debtor) {
        return "assets:receivable:" + creditor + ":" + debtor;
    }

    /** What {@code debtor} owes {@code creditor}, seen from the debtor. */
    public static String payable(MemberId debtor, MemberId creditor) {
        return "liabilities:payable:" + debtor + ":" + creditor;
    }

    /** Cash the asker entrusted to the helper, not yet spent or handed back, seen from the asker. */
    public static String entrustedOut(MemberId asker, MemberId helper) {
        return "assets:entrusted:" + asker + ":" + helper;
    }

    /** The same cash, seen from the helper who holds it. */
    public static String entrustedIn(MemberId helper, MemberId asker) {
        return "liabilities:entrusted:" + helper + ":" + asker;
    }

    public static String giftsGiven(MemberId member) {
        return "expenses:gifts-given:" + member;
    }

    public static String giftsReceived(MemberId member) {
        return "income:gifts-received:" + member;
    }

    public static String hoursGiven(MemberId helper) {
        return "income:hours-given:" + helper;
    }

    public static String hoursReceived(MemberId receiver) {
        return "expenses:hours-received:" + receiver;
    }

    public static String fund(InitiativeId initiative, Channel channel) {
        return "assets:initiative:" + initiative + ":" + channel.accountSegment();
    }

    public static String income(InitiativeId initiative, ContributionSource source, PartnerId partner) {
        String account = "income:initiative:" + initiative + ":" + source.accountSegment();
        return partner == null ? account : account + ":" + partner;
    }

    public static String expenses(InitiativeId initiative, ExpenseCategory category) {
        return "expenses:initiative:" + initiative + ":" + category.accountSegment();
    }

    /** What the initiative owes a volunteer for approved, unpaid claims. */
    public static String claims(InitiativeId initiative, MemberId claimant) {
        return "liabilities:claims:" + initiative + ":" + claimant;
    }

    /**
     * The start of every account that holds an initiative's money: its fund (bank, cash box), its
     * income, its expenses and what it owes for approved claims. Each ends in a colon, so
     * initiative {@code i} never matches {@code i-2}.
     */
    public static List<String> ofInitiative(InitiativeId initiative) {
        return List.of("assets:initiative:" + initiative + ":", "income:initiative:" + initiative + ":",
                "expenses:initiative:" + initiative + ":", "liabilities:claims:" + initiative + ":");
    }

    /** Whether an account is on the balance sheet (assets, liabilities): carried from one year into the next. */
    public static boolean onBalanceSheet(String account) {
        return account.startsWith("assets:") || account.startsWith("liabilities:");
    }

    /** Memorandum: what the partner drew from the initiative (credit) against its reciprocity balance. */
    public static String drawn(PartnerId partner, InitiativeId initiative) {
        return "reciprocity:" + partner + ":drawn:" + initiative;
    }

    public static String returnedMoney(PartnerId partner, InitiativeId initiative) {
        return "reciprocity:" + partner + ":returned:" + initiative + ":money";
    }

    public static String returnedInKind(PartnerId partner, InitiativeId initiative, InKindCategory category) {
        return "reciprocity:" + partner + ":returned:" + initiative + ":in-kind:" + category.accountSegment();
    }

    /** Memorandum contra account: drawn (debit) against returned (credit), per unit. */
    public static String reciprocityBalance(PartnerId partner) {
        return "reciprocity:" + partner + ":balance";
    }
}

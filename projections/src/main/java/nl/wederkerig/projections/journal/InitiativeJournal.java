package nl.wederkerig.projections.journal;

import nl.wederkerig.core.journal.Unit;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;

/**
 * One initiative's part of the community's journal: the postings on its own accounts (bank, cash box,
 * income, expenses, claims owed), read from the journal read model ({@link JournalPostings} writes
 * it). For the initiative's treasurers and its kascommissie, who audit that initiative only: postings
 * on any other account (another initiative's, a partner's) are left out.
 */
public class InitiativeJournal {

    /** Most postings one look returns, latest first; the whole book is the coordinators' export. */
    public static final int MAX_POSTINGS = 2_000;

    /** One posting on an initiative account, with its entry's date, code and description. */
    public record InitiativePosting(long entry, LocalDate businessDate, String code, String description, String account, Unit unit,
                                    long quantity) {
    }

    private final JdbcTemplate jdbc;

    public InitiativeJournal(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The account prefixes that are the initiative's own (see docs/ledger-model.md). Ids are lower-case
     * letters, digits and hyphens, so they hold no LIKE wildcard.
     */
    static List<String> prefixesOf(InitiativeId initiative) {
        String i = initiative.value();
        return List.of("assets:initiative:" + i + ":", "income:initiative:" + i + ":", "expenses:initiative:" + i + ":",
                "liabilities:claims:" + i + ":");
    }

    /** The initiative's postings, latest entry first, each entry's postings in order; at most {@link #MAX_POSTINGS}. */
    public List<InitiativePosting> postings(CommunityId community, InitiativeId initiative) {
        List<String> prefixes = prefixesOf(initiative);
        return jdbc.query("""
                SELECT e.global_order, e.business_date, e.code, e.description, p.account, p.unit, p.quantity
                  FROM journal_posting p JOIN journal_entry e ON e.global_order = p.global_order
                 WHERE p.community_id = ?
                   AND (p.account LIKE ? OR p.account LIKE ? OR p.account LIKE ? OR p.account LIKE ?)
                 ORDER BY e.business_date DESC, e.global_order DESC, p.line_no
                 LIMIT ?""",
                (rs, row) -> new InitiativePosting(rs.getLong("global_order"), rs.getObject("business_date", LocalDate.class),
                        rs.getString("code"), rs.getString("description"), rs.getString("account"),
                        Unit.valueOf(rs.getString("unit").trim()), rs.getLong("quantity")),
                community.value(), prefixes.get(0) + "%", prefixes.get(1) + "%", prefixes.get(2) + "%", prefixes.get(3) + "%",
                MAX_POSTINGS);
    }
}

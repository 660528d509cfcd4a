package nl.wederkerig.api.claims;

import nl.wederkerig.api.claims.ReceiptScans.Scan;
import nl.wederkerig.api.platform.privacy.SubjectKeyCipher;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.ReceiptReference;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Receipt files in the {@code claim_receipt} table, each sealed under its owner's member key. One
 * reference names all files sent with one record (numbered from 1): a claim's receipts, or the one
 * receipt of an errand's spending. The record's event keeps its single {@link ReceiptReference} and
 * never a byte of a file. A file opens only for its owner's key: after the owner's erasure none
 * opens again, wherever a copy of the table lies. The table keeps its first name: claims came first.
 */
@Component
public class ReceiptStore {

    /** A stored reference: "bon-" and a UUID, 40 characters, the longest a ReceiptReference takes. */
    static final String PREFIX = "bon-";

    private final JdbcTemplate jdbc;
    private final SubjectKeyCipher cipher;
    private final Clock clock;
    private final TransactionTemplate inOneTransaction;

    ReceiptStore(JdbcTemplate jdbc, SubjectKeyCipher cipher, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
        this.inOneTransaction = new TransactionTemplate(transactions);
    }

    /**
     * The reference of the files sent with a claim: derived from the community, the claim id and
     * the claimant, so a form sent twice (a double tap, a retry after a lost answer) names the same
     * files and the claim's command is the same, hence a repeat. Another member using the same
     * claim id gets another reference. A hash, so the reference tells nothing about the person.
     */
    static ReceiptReference referenceFor(CommunityId community, ClaimId claim, MemberId owner) {
        return referenceFor(Kind.CLAIM, community, claim.value(), owner);
    }

    /** What kind of record a reference's files belong to: part of the hash, so two kinds never share a reference. */
    public enum Kind {
        CLAIM("claim-receipts"),
        ERRAND_SPENDING("errand-spending-receipts");

        private final String hashPrefix;

        Kind(String hashPrefix) {
            this.hashPrefix = hashPrefix;
        }
    }

    /**
     * The reference of the files sent with one record of a kind (a claim, an errand's one spending
     * report), for the member who sent them; the same sending twice gives the same reference.
     */
    public static ReceiptReference referenceFor(Kind kind, CommunityId community, String recordId, MemberId owner) {
        UUID derived = UUID.nameUUIDFromBytes((kind.hashPrefix + "|" + community.value() + "|" + recordId + "|" + owner.value())
                .getBytes(StandardCharsets.UTF_8));
        return ReceiptReference.of(PREFIX + derived);
    }

    /**
     * Keeps all scans under {@code reference}, all or none. When the owner's files are there
     * already (the same claim sent again), they stay as they were and nothing is added.
     *
     * @return whether these scans were stored now (false: an earlier sending's files stand)
     */
    public boolean keep(ReceiptReference reference, MemberId owner, List<Scan> scans) {
        if (scans.isEmpty() || scans.size() > ReceiptScans.MAX_RECEIPTS_PER_CLAIM) {
            throw new IllegalArgumentException("1 to " + ReceiptScans.MAX_RECEIPTS_PER_CLAIM + " receipts at once");
        }
        if (count(reference, owner) > 0) {
            return false;
        }
        Timestamp now = Timestamp.from(clock.instant());
        try {
            inOneTransaction.executeWithoutResult(status -> {
                for (int i = 0; i < scans.size(); i++) {
                    Scan scan = scans.get(i);
                    int number = i + 1;
                    jdbc.update("""
                            INSERT INTO claim_receipt (receipt_ref, seq_no, owner_id, content_type, size_bytes, sealed, created_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""",
                            reference.value(), number, owner.value(), scan.contentType(), scan.bytes().length,
                            cipher.sealBytes(owner, scan.bytes(), context(reference, number)), now);
                }
            });
            return true;
        } catch (DuplicateKeyException sentTwiceAtOnce) {
            return false; // the other sending stored them, all of them, in its own transaction
        }
    }

    /** How many files the reference names (0 for a till's receipt number or an unknown reference). */
    public int count(ReceiptReference reference, MemberId owner) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM claim_receipt WHERE receipt_ref = ? AND owner_id = ?",
                Integer.class, reference.value(), owner.value());
        return count == null ? 0 : count;
    }

    /** File {@code number} of the reference, opened; empty when there is none of this owner's, or the owner was erased. */
    public Optional<Scan> open(ReceiptReference reference, int number, MemberId owner) {
        return jdbc.query("SELECT content_type, sealed FROM claim_receipt WHERE receipt_ref = ? AND seq_no = ? AND owner_id = ?",
                        (rs, i) -> {
                            String type = rs.getString("content_type");
                            return cipher.openBytes(owner, rs.getBytes("sealed"), context(reference, number))
                                    .map(bytes -> new Scan(type, bytes));
                        },
                        reference.value(), number, owner.value())
                .stream().flatMap(Optional::stream).findFirst();
    }

    /** Removes files kept for a record that was then refused: nothing of a refused claim or report stays. */
    public void forget(ReceiptReference reference) {
        jdbc.update("DELETE FROM claim_receipt WHERE receipt_ref = ?", reference.value());
    }

    /** Binds the sealed bytes to their row: moved to another reference or number, they do not open. */
    private static String context(ReceiptReference reference, int number) {
        return "claim-receipt:" + reference.value() + "#" + number;
    }
}

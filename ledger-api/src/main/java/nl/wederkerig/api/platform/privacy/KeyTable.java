package nl.wederkerig.api.platform.privacy;

import nl.wederkerig.core.shared.MemberId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * Member keys in the {@code subject_key} table of the application's database: the choice for
 * several instances on one PostgreSQL database, which share no directory. A database backup then
 * holds the keys too (still encrypted by the master key); see docs/operations.md.
 */
public final class KeyTable implements SubjectKeys {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public KeyTable(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<String> find(MemberId member) {
        return jdbc.queryForList("SELECT encrypted_keyset FROM subject_key WHERE member_id = ?", String.class,
                member.value()).stream().findFirst();
    }

    @Override
    public String keep(MemberId member, String encryptedKeyset) {
        try {
            jdbc.update("INSERT INTO subject_key (member_id, encrypted_keyset, created_at) VALUES (?, ?, ?)",
                    member.value(), encryptedKeyset, Timestamp.from(clock.instant()));
            return encryptedKeyset;
        } catch (DuplicateKeyException racedByAnotherRequest) {
            return find(member).orElseThrow();
        }
    }

    @Override
    public void destroy(MemberId member) {
        jdbc.update("DELETE FROM subject_key WHERE member_id = ?", member.value());
    }
}

package nl.wederkerig.api.platform.readmodels;

import nl.wederkerig.api.platform.eventstore.DurableCommits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Frees, at start and before any processor runs, the token claims a process that is gone left on an
 * embedded database file. H2 opens such a file in one process at a time, so every claim found there
 * belongs to a process that stopped; after a {@code kill -9} its claims would otherwise block every
 * processor (and a rebuild or check) until Axon's claim timeout passed. On a shared database
 * (PostgreSQL) another instance may be running: there a claim is taken over only once its owner
 * stopped renewing it, as Axon does.
 */
@Component
class StaleClaims {

    private static final Logger log = LoggerFactory.getLogger(StaleClaims.class);

    StaleClaims(JdbcTemplate jdbc, DurableCommits storage) {
        if (!storage.embeddedFile()) {
            return;
        }
        int freed = jdbc.update("UPDATE token_entry SET owner = NULL WHERE owner IS NOT NULL");
        if (freed > 0) {
            log.info("freed {} token claim(s) a stopped process left on the database file", freed);
        }
    }
}

package nl.wederkerig.benchmarks;

import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.projections.journal.JournalPostings;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The replay's baseline: the same book exported as one hledger journal and balanced by Debian's
 * {@code hledger} and {@code ledger}, in transactions (journal entries) per second.
 */
final class JournalBaseline {

    /** Longest a plain-text tool may take to balance one book. */
    static final long MAX_TOOL_SECONDS = 900;

    private final JournalPostings journal;
    private final JdbcTemplate jdbc;

    JournalBaseline(JournalPostings journal, JdbcTemplate jdbc) {
        this.journal = journal;
        this.jdbc = jdbc;
    }

    /** Writes every community's journal into one file; the format directives only once, at the top. */
    long export(Path file) throws IOException {
        List<String> communities = jdbc.queryForList("SELECT DISTINCT community_id FROM journal_entry ORDER BY community_id",
                String.class);
        long entries = 0;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            boolean first = true;
            for (String id : communities) {
                CommunityId community = CommunityId.of(id);
                StringWriter text = new StringWriter();
                journal.exportHledger(community, text);
                for (String line : text.toString().split("\n", -1)) {
                    boolean directive = line.startsWith("decimal-mark") || line.startsWith("commodity");
                    if (first || !directive) {
                        out.write(line);
                        out.write('\n');
                    }
                }
                first = false;
                entries += journal.entryCount(community);
            }
        }
        return entries;
    }

    /** @return transactions per second the tool needs to read and balance the file */
    static double transactionsPerSecond(List<String> command, long entries) throws IOException, InterruptedException {
        Process tool = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long start = System.nanoTime();
        if (!tool.waitFor(MAX_TOOL_SECONDS, TimeUnit.SECONDS)) {
            tool.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " took longer than " + MAX_TOOL_SECONDS + " s");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (tool.exitValue() != 0) {
            throw new IllegalStateException(command + " failed with exit code " + tool.exitValue());
        }
        return entries / seconds;
    }
}

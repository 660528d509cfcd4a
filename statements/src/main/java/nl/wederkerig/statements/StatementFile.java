package nl.wederkerig.statements;

import java.util.List;
import java.util.Objects;

/** What one file held: one or more statements (a CAMT.053 or MT940 file may hold several, an ABN AMRO TXT file one per account). */
public record StatementFile(StatementFormat format, List<BankStatement> statements) {

    public StatementFile {
        Objects.requireNonNull(format, "format");
        statements = List.copyOf(statements);
        if (statements.isEmpty()) {
            throw new StatementRefused(StatementRefused.Reason.EMPTY, 0, "the file holds no statement");
        }
    }

    public int lineCount() {
        return statements.stream().mapToInt(s -> s.lines().size()).sum();
    }
}

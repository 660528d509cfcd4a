package nl.wederkerig.api.reciprocity;

import nl.wederkerig.core.reciprocity.ServiceCategory;
import nl.wederkerig.projections.reciprocity.PartnerStatement;
import nl.wederkerig.projections.reciprocity.StatementLine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Complementary suppression of a statement's counts. The read model shows every count below five
 * as "&lt; 5"; but when the total is shown, the total minus the initiatives' shown counts would give
 * the hidden count back. So where that difference is 1 to 4, the smallest shown count of that
 * column is hidden as well ({@link #HIDDEN}), and the difference is then at least six: no count
 * below five can be worked out any more. A difference of 0 only says every hidden count is 0.
 */
final class CountShield {

    /** A count of five or more, hidden so that a smaller one cannot be worked out from the total. */
    static final String HIDDEN = "hidden";

    static final String SMALL = "< 5";

    private static final int THRESHOLD = 5;

    private CountShield() {
    }

    static PartnerStatement shielded(PartnerStatement statement) {
        List<Row> rows = new ArrayList<>();
        for (StatementLine line : statement.initiatives()) {
            rows.add(new Row(line));
        }
        shield(rows, statement.total().hoursEntries(), Row::hours, Row::hideHours);
        shield(rows, statement.total().moneyReturns(), Row::money, Row::hideMoney);
        shield(rows, statement.total().inKindReturns(), Row::inKind, Row::hideInKind);
        for (ServiceCategory category : ServiceCategory.values()) {
            shield(rows, statement.total().servicesDrawn().get(category), row -> row.services.get(category),
                    row -> row.services.put(category, HIDDEN));
        }
        return new PartnerStatement(statement.partnerId(), statement.from(), statement.to(),
                rows.stream().map(Row::line).toList(), statement.total());
    }

    private static void shield(List<Row> rows, String total, Function<Row, String> count, java.util.function.Consumer<Row> hide) {
        if (total == null || !isShown(total)) {
            return;
        }
        long residual = Long.parseLong(total);
        for (Row row : rows) {
            String value = count.apply(row);
            if (isShown(value)) {
                residual -= Long.parseLong(value);
            }
        }
        if (residual > 0 && residual < THRESHOLD) {
            rows.stream().filter(row -> isShown(count.apply(row)))
                    .min(Comparator.comparingLong(row -> Long.parseLong(count.apply(row))))
                    .ifPresent(hide);
        }
    }

    private static boolean isShown(String count) {
        return count != null && !SMALL.equals(count) && !HIDDEN.equals(count);
    }

    /** One initiative's line, its counts open to hiding. */
    private static final class Row {
        private final StatementLine original;
        private String hours;
        private String money;
        private String inKind;
        private final Map<ServiceCategory, String> services = new EnumMap<>(ServiceCategory.class);

        Row(StatementLine original) {
            this.original = original;
            this.hours = original.hoursEntries();
            this.money = original.moneyReturns();
            this.inKind = original.inKindReturns();
            this.services.putAll(original.servicesDrawn());
        }

        String hours() {
            return hours;
        }

        String money() {
            return money;
        }

        String inKind() {
            return inKind;
        }

        void hideHours() {
            hours = HIDDEN;
        }

        void hideMoney() {
            money = HIDDEN;
        }

        void hideInKind() {
            inKind = HIDDEN;
        }

        StatementLine line() {
            return new StatementLine(original.initiativeId(), original.drawnMinutes(), original.unvaluedMinutes(),
                    original.drawnValue(), hours, java.util.Collections.unmodifiableMap(new EnumMap<>(services)), original.returnedMoney(), money,
                    original.returnedInKind(), inKind, original.balance());
        }
    }
}

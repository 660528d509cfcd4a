package nl.wederkerig.benchmarks;

import java.util.Locale;

/**
 * One line of the table: a figure, the baseline measured in the same run and their ratio, and the
 * issue's target with whether it was met. A figure that cannot be measured yet says why instead
 * of showing a number.
 */
public record Row(String figure, String size, double value, String unit, String baseline, double baselineValue,
                  String baselineUnit, String target, Verdict verdict, String reason) {

    public enum Verdict { MET, MISSED, NO_TARGET, NOT_YET_MEASURABLE }

    static Row measured(String figure, String size, double value, String unit) {
        return new Row(figure, size, value, unit, "", Double.NaN, "", "", Verdict.NO_TARGET, "");
    }

    static Row notYet(String figure, String reason) {
        return new Row(figure, "", Double.NaN, "", "", Double.NaN, "", "", Verdict.NOT_YET_MEASURABLE, reason);
    }

    /** The baseline's unit may differ in name (rows/s against commands/s) but not in kind: one stored event each. */
    Row against(String baselineName, double baselineValue, String baselineUnit) {
        return new Row(figure, size, value, unit, baselineName, baselineValue, baselineUnit, target, verdict, reason);
    }

    Row target(String description, boolean met) {
        return new Row(figure, size, value, unit, baseline, baselineValue, baselineUnit, description,
                met ? Verdict.MET : Verdict.MISSED, reason);
    }

    /** Baseline noted but not measurable yet: no ratio, and the target cannot be judged. */
    Row baselineNotYet(String baselineName, String why, String targetDescription) {
        return new Row(figure, size, value, unit, baselineName + ": not yet measurable: " + why, Double.NaN, "",
                targetDescription, Verdict.NOT_YET_MEASURABLE, "");
    }

    public boolean measurable() {
        return !Double.isNaN(value);
    }

    public double ratio() {
        return value / baselineValue;
    }

    String[] cells() {
        if (!measurable()) {
            return new String[] {figure, size, "not yet measurable: " + reason, "", "", target, ""};
        }
        String baselineCell = Double.isNaN(baselineValue) ? baseline : baseline + ": " + number(baselineValue) + " " + baselineUnit;
        String ratioCell = Double.isNaN(baselineValue) ? "" : ratioText(ratio());
        String verdictCell = switch (verdict) {
            case MET -> "met";
            case MISSED -> "MISSED";
            case NO_TARGET -> "";
            case NOT_YET_MEASURABLE -> "cannot judge yet";
        };
        return new String[] {figure, size, number(value) + " " + unit, baselineCell, ratioCell, target, verdictCell};
    }

    static String ratioText(double ratio) {
        return String.format(Locale.ROOT, ratio >= 0.1 ? "%.2f" : "%.4f", ratio);
    }

    static String number(double value) {
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}

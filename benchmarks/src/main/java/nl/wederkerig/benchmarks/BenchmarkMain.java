package nl.wederkerig.benchmarks;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar [--size small|medium|full] [--only commands|books|rebuild]}: runs
 * the benchmarks ({@code --only commands}, also {@code --commands-only}: start-up, ceilings, gateway and HTTP rows;
 * {@code --only books}: only the books' replay, rebuild, heap, query and page rows; {@code --only rebuild}: only
 * the rebuild command against hledger) and prints the table (Markdown) on standard output; progress goes to
 * standard error.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) {
        try {
            run(sizeFrom(args), onlyFrom(args));
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            // Non-daemon framework threads would otherwise keep a failed run alive.
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(Size size, String only) throws Exception {
        long start = System.nanoTime();
        String loadBefore = Machine.loadAverage();
        Benchmarks.Report report = Benchmarks.run(size, only, System.err);
        System.out.println();
        System.out.println("Wederkerig benchmarks, size " + size.name().toLowerCase(java.util.Locale.ROOT)
                + ", on " + Machine.describe(report.database()));
        System.out.println();
        Table.print(report.rows(), System.out);
        System.out.printf(java.util.Locale.ROOT, "%nWhole run: %.0f s; load average (1 min) %s at the start, %s at the end%n",
                (System.nanoTime() - start) / 1e9, loadBefore, Machine.loadAverage());
    }

    static String onlyFrom(String[] args) {
        if (java.util.Arrays.asList(args).contains("--commands-only")) {
            return "commands";
        }
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--only")) {
                return args[i + 1];
            }
        }
        return "";
    }

    static Size sizeFrom(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--size=")) {
                return Size.parse(args[i].substring("--size=".length()));
            }
            if (args[i].equals("--size") && i + 1 < args.length) {
                return Size.parse(args[i + 1]);
            }
        }
        return Size.SMALL;
    }
}

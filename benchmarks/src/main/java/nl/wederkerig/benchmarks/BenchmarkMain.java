package nl.wederkerig.benchmarks;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar [--size small|medium|full] [--commands-only]}: runs the
 * benchmarks and prints the table (Markdown) on standard output; progress goes to standard error.
 * {@code --commands-only} stops after the command rows (start-up, ceilings, gateway, HTTP).
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) {
        try {
            run(sizeFrom(args), java.util.Arrays.asList(args).contains("--commands-only"));
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            // Non-daemon framework threads would otherwise keep a failed run alive.
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(Size size, boolean commandsOnly) throws Exception {
        long start = System.nanoTime();
        String loadBefore = Machine.loadAverage();
        Benchmarks.Report report = Benchmarks.run(size, commandsOnly, System.err);
        System.out.println();
        System.out.println("Wederkerig benchmarks, size " + size.name().toLowerCase(java.util.Locale.ROOT)
                + ", on " + Machine.describe(report.database()));
        System.out.println();
        Table.print(report.rows(), System.out);
        System.out.printf(java.util.Locale.ROOT, "%nWhole run: %.0f s; load average (1 min) %s at the start, %s at the end%n",
                (System.nanoTime() - start) / 1e9, loadBefore, Machine.loadAverage());
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

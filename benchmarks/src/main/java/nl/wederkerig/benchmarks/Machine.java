package nl.wederkerig.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** Where the figures came from: they mean little without the machine. */
final class Machine {

    private Machine() {
    }

    static String describe(String database) {
        Runtime runtime = Runtime.getRuntime();
        long physicalMib = physicalMemoryBytes() / (1024 * 1024);
        return String.format(Locale.ROOT, "%d cores, %,d MiB RAM, max heap %,d MiB, Java %s (%s), %s, %s %s",
                runtime.availableProcessors(), physicalMib, runtime.maxMemory() / (1024 * 1024),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"),
                database, System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /** Other work on the machine shows here: the figures of a loaded machine are lower and noisier. */
    static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long physicalMemoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }
}

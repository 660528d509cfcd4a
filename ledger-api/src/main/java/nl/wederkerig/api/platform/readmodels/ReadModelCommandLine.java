package nl.wederkerig.api.platform.readmodels;

import nl.wederkerig.projections.readmodels.Difference;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code --wederkerig.read-models=rebuild} rebuilds every read model and exits;
 * {@code --wederkerig.read-models=check} compares them with a fresh rebuild, prints any difference
 * and exits with 0 (none) or 1 (some). Run either while the application itself is stopped.
 *
 * <p>The process always ends, with its code: whatever went wrong is said in one plain line, and if
 * closing the application (its processors, Axon's threads) does not finish within
 * {@link #EXIT_WITHIN}, the JVM is halted with the same code rather than left running.
 */
@Component
@ConditionalOnProperty(name = "wederkerig.read-models")
class ReadModelCommandLine implements ApplicationRunner {

    private final ReadModels readModels;
    private final ConfigurableApplicationContext context;
    private final String operation;

    ReadModelCommandLine(ReadModels readModels, ConfigurableApplicationContext context,
                         org.springframework.core.env.Environment environment) {
        this.readModels = readModels;
        this.context = context;
        this.operation = environment.getRequiredProperty("wederkerig.read-models");
    }

    /** How long closing the application may take before the JVM is halted with the exit code all the same. */
    static final Duration EXIT_WITHIN = Duration.ofSeconds(60);

    @Override
    public void run(ApplicationArguments args) {
        int exitCode = execute(readModels, operation, System.out::println, System.err::println);
        haltIfStillRunningAfter(EXIT_WITHIN, exitCode);
        int code = exitCode;
        try {
            code = SpringApplication.exit(context, () -> exitCode);
        } finally {
            System.exit(code);
        }
    }

    /** @return the process exit code: 0 done and equal, 1 differences found, 2 unknown operation, 3 could not finish (said why), 4 the event store misses events (refused) */
    static int execute(ReadModels readModels, String operation, Consumer<String> out, Consumer<String> err) {
        try {
            return run(readModels, operation, out, err);
        } catch (EventsMissing refused) {
            err.accept(operation + " refused: " + refused.getMessage());
            return 4;
        } catch (RuntimeException | Error failed) {
            // Said plainly and with a code of its own, and the process still ends (System.exit in run):
            // a stalled processor or a token another process holds must not leave it hanging.
            err.accept(operation + " stopped: " + failed.getMessage());
            return 3;
        }
    }

    /**
     * A daemon timer that ends the JVM if an orderly exit hangs (a processor thread that does not stop,
     * a shutdown hook that waits): an operator's command must never be left running.
     */
    private static void haltIfStillRunningAfter(Duration limit, int exitCode) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(limit.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("closing the application took longer than " + limit.toSeconds() + " s; ending the process");
            Runtime.getRuntime().halt(exitCode);
        }, "read-models-exit-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static int run(ReadModels readModels, String operation, Consumer<String> out, Consumer<String> err) {
        switch (operation) {
            case "rebuild" -> {
                readModels.rebuild(out);
                return 0;
            }
            case "check" -> {
                List<Difference> differences = readModels.check(out);
                differences.forEach(difference -> out.accept(difference.toString()));
                return differences.isEmpty() ? 0 : 1;
            }
            default -> {
                err.accept("wederkerig.read-models must be 'rebuild' or 'check', not '" + operation + "'");
                return 2;
            }
        }
    }
}

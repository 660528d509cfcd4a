package nl.wederkerig.api.platform.readmodels;

import nl.wederkerig.projections.readmodels.Difference;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Consumer;

/**
 * {@code --wederkerig.read-models=rebuild} rebuilds every read model and exits;
 * {@code --wederkerig.read-models=check} compares them with a fresh rebuild, prints any difference
 * and exits with 0 (none) or 1 (some). Run either while the application itself is stopped.
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

    @Override
    public void run(ApplicationArguments args) {
        int exitCode = execute(readModels, operation, System.out::println, System.err::println);
        System.exit(SpringApplication.exit(context, () -> exitCode));
    }

    /** @return the process exit code: 0 done and equal, 1 differences found, 2 unknown operation, 3 could not finish (said why) */
    static int execute(ReadModels readModels, String operation, Consumer<String> out, Consumer<String> err) {
        try {
            return run(readModels, operation, out, err);
        } catch (RuntimeException failed) {
            // Said plainly and with a code of its own, and the process still ends (System.exit in run):
            // a stalled processor or a token another process holds must not leave it hanging.
            err.accept(operation + " stopped: " + failed.getMessage());
            return 3;
        }
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

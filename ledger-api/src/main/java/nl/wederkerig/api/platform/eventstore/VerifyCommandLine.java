package nl.wederkerig.api.platform.eventstore;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code --wederkerig.verify} walks the whole event store, prints a plain report naming each broken
 * event and checkpoint, and exits with 0 (intact) or 1 (not). {@code --wederkerig.verify=HEAD[,HEAD…]}
 * also checks head hashes noted down earlier (from the page or a printout; spaces allowed, at least
 * 16 hex digits). Run it while the application is stopped (H2 allows one process at a time).
 */
@Component
@ConditionalOnProperty(name = "wederkerig.verify")
class VerifyCommandLine implements ApplicationRunner {

    private final EventChain chain;
    private final ConfigurableApplicationContext context;
    private final String argument;

    VerifyCommandLine(EventChain chain, ConfigurableApplicationContext context, Environment environment) {
        this.chain = chain;
        this.context = context;
        this.argument = environment.getProperty("wederkerig.verify", "");
    }

    @Override
    public void run(ApplicationArguments args) {
        int exitCode = execute(chain, argument, System.out::println, System.err::println);
        System.exit(SpringApplication.exit(context, () -> exitCode));
    }

    /** @return the process exit code: 0 intact, 1 not intact, 2 a noted head that is no head hash at all */
    static int execute(EventChain chain, String argument, Consumer<String> out, Consumer<String> err) {
        List<String> noted = notedHeads(argument);
        for (String head : noted) {
            if (Checkpoints.normalized(head).isEmpty()) {
                err.accept("'" + head + "' is not a head hash: give at least " + Checkpoints.MIN_NOTED_HEX
                        + " hex digits of one, as shown on the integrity page");
                return 2;
            }
        }
        out.accept("verifying the event store" + (noted.isEmpty() ? "" : " against " + noted.size() + " noted head(s)"));
        Verification verification = chain.verify(noted);
        verification.report().forEach(out);
        return verification.intact() ? 0 : 1;
    }

    /** {@code --wederkerig.verify} alone (or {@code =true}) notes nothing; otherwise a comma-separated list of heads. */
    static List<String> notedHeads(String argument) {
        String trimmed = argument == null ? "" : argument.trim();
        if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("true")) {
            return List.of();
        }
        return Arrays.stream(trimmed.split(",")).map(String::trim).filter(head -> !head.isEmpty()).toList();
    }
}

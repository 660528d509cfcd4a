package nl.wederkerig.api.community;

import nl.wederkerig.api.community.CommunityRequests.Founded;
import nl.wederkerig.core.community.CommunityName;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.RuleViolation;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Founds a wijk from the command line, for scripted installs, then exits:
 *
 * <pre>
 * java -jar wederkerig.jar --wederkerig.found=rotterdam-west --wederkerig.found-name="Rotterdam West" \
 *      --wederkerig.found-coordinator=femke --wederkerig.password-file=/run/secrets/femke   (or - for standard input)
 * </pre>
 *
 * The password is read from a file or standard input, never from the command line (which any user
 * of the machine can read in the process list). Exit code 0 founded, 1 refused, 2 wrong arguments.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "wederkerig.found")
class FoundingCommandLine implements ApplicationRunner {

    /** Longest password line read; bcrypt reads 72 bytes, anything much longer is not a password. */
    static final int MAX_PASSWORD_LINE_CHARS = 1_000;

    private final Communities communities;
    private final ConfigurableApplicationContext context;
    private final Environment environment;

    FoundingCommandLine(Communities communities, ConfigurableApplicationContext context, Environment environment) {
        this.communities = communities;
        this.context = context;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        int exitCode = execute(System.in, System.out::println, System.err::println);
        System.exit(SpringApplication.exit(context, () -> exitCode));
    }

    int execute(InputStream stdin, Consumer<String> out, Consumer<String> err) {
        String coordinator = environment.getProperty("wederkerig.found-coordinator");
        String name = environment.getProperty("wederkerig.found-name");
        String passwordFile = environment.getProperty("wederkerig.password-file", "-");
        if (coordinator == null || name == null) {
            err.accept("--wederkerig.found needs --wederkerig.found-name and --wederkerig.found-coordinator, and the "
                    + "coordinator's password in --wederkerig.password-file (a file, or - for standard input)");
            return 2;
        }
        try {
            String password = readPassword(passwordFile, stdin);
            Founded founded = communities.foundFromCommandLine(
                    CommunityId.of(environment.getRequiredProperty("wederkerig.found")), CommunityName.of(name),
                    MemberId.of(coordinator), password);
            out.accept("Founded " + founded.communityId() + "; " + founded.coordinator()
                    + " can log in as its coordinator.");
            return 0;
        } catch (IllegalArgumentException | RuleViolation refused) {
            err.accept("Not founded: " + refused.getMessage());
            return 1;
        } catch (IOException unreadable) {
            err.accept("Not founded: cannot read the password from " + passwordFile + ": " + unreadable.getMessage());
            return 2;
        }
    }

    private static String readPassword(String source, InputStream stdin) throws IOException {
        InputStream in = "-".equals(source) ? stdin : Files.newInputStream(Path.of(source));
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        char[] line = new char[MAX_PASSWORD_LINE_CHARS];
        int length = reader.read(line, 0, line.length);
        if (length <= 0) {
            throw new IOException("it is empty");
        }
        String password = new String(line, 0, length);
        int end = password.indexOf('\n');
        return (end >= 0 ? password.substring(0, end) : password).replaceAll("\r$", "");
    }
}

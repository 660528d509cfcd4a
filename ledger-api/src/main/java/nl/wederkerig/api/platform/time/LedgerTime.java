package nl.wederkerig.api.platform.time;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The ledger's one clock. Domain code never reads the system clock: command handlers get this
 * {@link Clock} as a parameter, application services use it to decide what "today" is.
 */
@Configuration
public class LedgerTime {

    /** The neighbourhood's own time zone decides what "today" is for business dates. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    @Bean
    public Clock clock() {
        return Clock.system(ZONE);
    }
}

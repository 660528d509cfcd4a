package nl.wederkerig.api;

import nl.wederkerig.api.platform.axon.NoPhoningHome;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The neighbourhood's ledger: REST API over the event-sourced book. */
@SpringBootApplication
@EnableScheduling
public class WederkerigApplication {

    static {
        // Before any Axon class configures itself; also for tests, which load this class too.
        NoPhoningHome.outsideSpring();
    }

    public static void main(String[] args) {
        SpringApplication.run(WederkerigApplication.class, args);
    }
}

package nl.wederkerig.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The neighbourhood's ledger: REST API over the event-sourced book. */
@SpringBootApplication
@EnableScheduling
public class WederkerigApplication {

    public static void main(String[] args) {
        SpringApplication.run(WederkerigApplication.class, args);
    }
}

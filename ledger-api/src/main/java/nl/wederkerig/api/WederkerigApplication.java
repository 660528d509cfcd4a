package nl.wederkerig.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The neighbourhood's ledger: REST API over the event-sourced book. */
@SpringBootApplication
public class WederkerigApplication {

    public static void main(String[] args) {
        SpringApplication.run(WederkerigApplication.class, args);
    }
}

package nl.wederkerig.api.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code --wederkerig.demo=true}: load the demo neighbourhood on start (once). */
@Component
@Order(50) // before the setup token is considered: with the demo, people can log in, so nothing is set up
@ConditionalOnProperty(name = "wederkerig.demo", havingValue = "true")
class DemoOnStart implements ApplicationRunner {

    private final DemoData demo;

    DemoOnStart(DemoData demo) {
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.loadOnce();
    }
}

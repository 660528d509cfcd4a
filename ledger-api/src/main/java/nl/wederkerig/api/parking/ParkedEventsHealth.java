package nl.wederkerig.api.parking;

import nl.wederkerig.projections.ReadModelCatalog;
import nl.wederkerig.projections.readmodels.ReadModel;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /actuator/health} is DOWN (503) while any read model has parked events: some balance or
 * list is behind for someone until a coordinator retries after a fix. It names how many per
 * processor (shown where health details are shown; the status alone says enough to a monitor).
 * Not part of liveness: restarting would not help, and would only retry the same events.
 */
@Component("parkedEventsHealthIndicator")
class ParkedEventsHealth implements HealthIndicator {

    private final EventProcessingConfiguration processing;

    ParkedEventsHealth(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public Health health() {
        Map<String, Long> parked = new LinkedHashMap<>();
        long total = 0;
        for (ReadModel model : ReadModelCatalog.all()) {
            long count = processing.deadLetterQueue(model.processingGroup()).map(queue -> queue.size()).orElse(0L);
            if (count > 0) {
                parked.put(model.processingGroup(), count);
                total += count;
            }
        }
        Health.Builder health = total == 0 ? Health.up() : Health.down();
        return health.withDetail("parkedEvents", total).withDetail("processors", parked).build();
    }
}

package nl.wederkerig.api.platform.eventstore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes a checkpoint every interval ({@code wederkerig.integrity.checkpoint-interval}, 15 minutes by
 * default) when events were added. It covers the events that were stored at the previous tick, not
 * those stored now: an event whose transaction is still open could otherwise commit below the
 * checkpoint's index afterwards (a gap filled late) and the checkpoint would no longer verify. One
 * interval is far longer than any transaction may take ({@code spring.transaction.default-timeout}).
 */
@Component
class CheckpointSchedule {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);

    private final Checkpoints checkpoints;
    private long seenAtPreviousTick = 0;

    CheckpointSchedule(Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Scheduled(fixedDelayString = "${wederkerig.integrity.checkpoint-interval:PT15M}",
            initialDelayString = "${wederkerig.integrity.checkpoint-interval:PT15M}")
    void tick() {
        long settled = seenAtPreviousTick;
        seenAtPreviousTick = checkpoints.highestIndex();
        checkpoints.make(settled).ifPresent(made ->
                log.info("Checkpoint {} of the book ({} events): {}", made.number(), made.eventCount(), made.groupedHead()));
    }
}

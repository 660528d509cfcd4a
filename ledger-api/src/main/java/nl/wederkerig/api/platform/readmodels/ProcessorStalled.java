package nl.wederkerig.api.platform.readmodels;

import java.time.Duration;

/** A read model's processor that stopped moving while a rebuild or check waited for it. */
public class ProcessorStalled extends IllegalStateException {

    public ProcessorStalled(String readModel, long position, long head, Duration stalledFor, String lastError) {
        super(readModel + " stands at event " + position + " of " + head + " and has not moved for "
                + stalledFor.toSeconds() + " s (" + lastError + ")");
    }
}

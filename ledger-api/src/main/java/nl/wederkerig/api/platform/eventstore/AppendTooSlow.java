package nl.wederkerig.api.platform.eventstore;

/**
 * An appending transaction would have committed later than {@link AppendBound} allows: it is rolled
 * back instead, so no read model can pass its events by (AxonFramework issue 4829). Nothing was
 * stored; answered as 503 {@code storage-unavailable}, and the same command may be sent again.
 */
public class AppendTooSlow extends StorageUnavailable {

    public AppendTooSlow(String message) {
        super(message, null);
    }
}

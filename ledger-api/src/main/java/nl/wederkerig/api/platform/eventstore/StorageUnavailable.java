package nl.wederkerig.api.platform.eventstore;

/**
 * The database cannot take a write just now (a full disk, a read-only directory, a device error).
 * Answered as 503 {@code storage-unavailable}: the request was not acknowledged and may be sent
 * again with the same command id.
 */
public class StorageUnavailable extends RuntimeException {

    public StorageUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}

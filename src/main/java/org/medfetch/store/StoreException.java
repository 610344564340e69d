package org.medfetch.store;

/** The state database could not be read or written (locked too long, corrupt, disk full). */
public final class StoreException extends RuntimeException {

    private final boolean diskFull;

    public StoreException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /** @param diskFull the disk under the database is full: a retryable condition, nothing recorded is lost */
    public StoreException(String message, Throwable cause, boolean diskFull) {
        super(message, cause);
        this.diskFull = diskFull;
    }

    /** True when the write failed only because the disk holding the database is full. */
    public boolean diskFull() {
        return diskFull;
    }
}

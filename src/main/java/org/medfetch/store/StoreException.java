package org.medfetch.store;

/**
 * The store could not be read or written: locked too long, corrupt, a full disk, a PostgreSQL server that
 * cannot be reached or refuses the credentials.
 */
public final class StoreException extends RuntimeException {

    /** What the caller can do about it. */
    public enum Kind {
        /** Anything else: a bug, a corrupt database. */
        OTHER,
        /** The disk under the database is full: retryable, nothing recorded is lost. */
        DISK_FULL,
        /** The store's server cannot be reached (down, wrong host or port, network): retryable. */
        UNREACHABLE,
        /** The server refused the user or password, or the database does not exist: a person must fix it. */
        REFUSED
    }

    private final Kind kind;

    public StoreException(String message, Throwable cause) {
        this(message, cause, Kind.OTHER);
    }

    /** @param diskFull the disk under the database is full: a retryable condition, nothing recorded is lost */
    public StoreException(String message, Throwable cause, boolean diskFull) {
        this(message, cause, diskFull ? Kind.DISK_FULL : Kind.OTHER);
    }

    public StoreException(String message, Throwable cause, Kind kind) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** True when the write failed only because the disk holding the database is full. */
    public boolean diskFull() {
        return kind == Kind.DISK_FULL;
    }

    /** True when running the same command later may work without anyone changing anything. */
    public boolean retryable() {
        return kind == Kind.DISK_FULL || kind == Kind.UNREACHABLE;
    }
}

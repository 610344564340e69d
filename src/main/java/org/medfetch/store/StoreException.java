package org.medfetch.store;

/** The state database could not be read or written (locked too long, corrupt, disk full). */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

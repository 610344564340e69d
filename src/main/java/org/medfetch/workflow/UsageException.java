package org.medfetch.workflow;

/** The user asked for something that cannot be: an unknown dataset, a bad option value, an unreadable file. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}

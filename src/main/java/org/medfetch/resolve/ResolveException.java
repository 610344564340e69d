package org.medfetch.resolve;

/**
 * A resolver could not expand a link. Retryable failures (network, 429, 5xx) may succeed later;
 * the others (404, a response that is not what the API documents) will not without a change.
 */
public final class ResolveException extends Exception {

    private final boolean retryable;

    public ResolveException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public ResolveException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}

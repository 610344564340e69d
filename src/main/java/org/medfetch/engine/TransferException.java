package org.medfetch.engine;

import java.time.Duration;

/**
 * A transfer failed. The kind says what happened, {@link #retryable()} what the engine should do: try
 * again later (network, 5xx, 429, disk full) or give up until a person acts (404, checksum mismatch).
 * Messages are shown to users and stored: they never contain credentials or signed URLs.
 */
public final class TransferException extends Exception {

    public enum Kind {
        /** Connection refused, reset, timed out. */
        NETWORK,
        /** An HTTP status that is not success (see the message). */
        HTTP_STATUS,
        /** 401/403 on a file from an API: its signed URL may have expired; resolve once more. */
        AUTH,
        /** The server sent an HTML page where a file was expected. */
        HTML_PAGE,
        /** Fewer or more bytes than announced. */
        SIZE_MISMATCH,
        /** The remote file changed between requests in a way that forbids splicing. */
        CHANGED_REMOTE,
        /** The bytes do not match a published checksum. */
        CHECKSUM,
        /** Not enough free space. */
        DISK_FULL,
        /** Local file system error. */
        IO,
        /** The source itself is unusable (bad magnet, hostile file name, corrupt .torrent, an answer that breaks HTTP). */
        BAD_INPUT,
        /** No progress for too long (a stalled torrent). */
        STALLED
    }

    private final Kind kind;
    private final boolean retryable;
    private final Duration retryAfter;

    public TransferException(Kind kind, boolean retryable, String message) {
        this(kind, retryable, message, null, null);
    }

    public TransferException(Kind kind, boolean retryable, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return retryable;
    }

    /** What the server asked for (Retry-After), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}

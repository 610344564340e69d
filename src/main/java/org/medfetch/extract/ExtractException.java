package org.medfetch.extract;

/**
 * Why an archive was not unpacked. Nothing is left behind but the downloaded archive itself.
 */
public final class ExtractException extends Exception {

    /** REFUSED: a hostile or unsupported entry or archive; DAMAGED: unreadable; NO_SPACE and IO may pass. */
    public enum Kind { REFUSED, DAMAGED, NO_SPACE, IO }

    private static final long serialVersionUID = 1L;

    private final Kind kind;

    public ExtractException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ExtractException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether trying again later may succeed (more free space, a passing I/O error). */
    public boolean retryable() {
        return kind == Kind.NO_SPACE || kind == Kind.IO;
    }

    static ExtractException refused(String entry, String why) {
        return new ExtractException(Kind.REFUSED, "refusing entry '" + entry + "': " + why);
    }
}

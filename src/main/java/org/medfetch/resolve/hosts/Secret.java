package org.medfetch.resolve.hosts;

/**
 * A credential value. It prints as {@code ***} so that no record, exception or log line that happens to
 * hold one can show it; only the code that sends it to its host calls {@link #reveal()}.
 */
public final class Secret {

    private final String value;
    private final String origin;

    /** @param origin where it was read (an environment variable or a file): safe to show */
    public Secret(String value, String origin) {
        this.value = value.strip();
        this.origin = origin;
    }

    public String reveal() {
        return value;
    }

    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "*** (from " + origin + ")";
    }
}

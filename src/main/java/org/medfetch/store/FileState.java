package org.medfetch.store;

import java.util.Locale;

/** Where one file stands. Stored by its lower-case label. */
public enum FileState {
    QUEUED, RUNNING, VERIFYING, PAUSED, DONE,
    /** Failed, will be tried again by the next run (exit 3). */
    RETRYING,
    /** Failed for good until someone changes something (exit 4). */
    FAILED,
    MANUAL, CANCELLED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FileState ofLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}

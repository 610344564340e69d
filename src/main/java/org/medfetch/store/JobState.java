package org.medfetch.store;

import java.util.Locale;

/** A job is active (its files say how far it got), waiting for a person, or cancelled. */
public enum JobState {
    ACTIVE, MANUAL, CANCELLED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobState ofLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}

package org.medfetch.cli;

/** Durations as people read them in progress and summaries: "45 s", "3 min 20 s", "2 h 5 min". */
final class Durations {

    private Durations() {
    }

    static String of(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        return seconds / 3600 + " h" + (seconds % 3600 / 60 == 0 ? "" : " " + seconds % 3600 / 60 + " min");
    }
}

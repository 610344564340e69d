package org.medfetch.cli;

import java.util.Locale;

/** Human-readable byte counts (binary units), as every command prints them. */
final class Sizes {

    private Sizes() {
    }

    static String bytes(Long n) {
        if (n == null || n < 0) {
            return "?";
        }
        if (n < 1024) {
            return n + " B";
        }
        String units = "KMGTPE";
        int unit = (int) (Math.log(n) / Math.log(1024)) - 1;
        unit = Math.min(unit, units.length() - 1);
        return String.format(Locale.ROOT, "%.1f %siB", n / Math.pow(1024, unit + 1), units.charAt(unit));
    }
}

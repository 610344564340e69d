package org.medfetch.engine;

import java.util.Locale;

/** Parses byte counts as users write them: 512K, 20M, 1.5G (binary multiples), or plain bytes. */
public final class ByteCount {

    private ByteCount() {
    }

    public static long parse(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT).replaceAll("(I?B)?(/S)?$", "");
        long multiplier = 1;
        if (!t.isEmpty() && "KMGT".indexOf(t.charAt(t.length() - 1)) >= 0) {
            multiplier = 1L << (10 * ("KMGT".indexOf(t.charAt(t.length() - 1)) + 1));
            t = t.substring(0, t.length() - 1);
        }
        try {
            double value = Double.parseDouble(t);
            if (value <= 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return (long) (value * multiplier);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a size; write e.g. 500K, 20M or 1.5G");
        }
    }
}

package org.medfetch.extract;

/**
 * How far an archive may expand. The defaults are generous for real medical archives (the largest
 * public imaging sets are a few TiB unpacked; images compress a few times at most) and still stop a
 * zip bomb, which needs a ratio far above 1:1000 to be dangerous.
 *
 * @param maxBytes the most bytes all entries together may write
 * @param maxRatio the most bytes written per byte of the archive read
 */
public record ExtractLimits(long maxBytes, long maxRatio) {

    public static final ExtractLimits DEFAULTS = new ExtractLimits(10L << 40, 1000);

    public ExtractLimits {
        if (maxBytes < 1 || maxRatio < 1) {
            throw new IllegalArgumentException("extraction limits must be positive");
        }
    }
}

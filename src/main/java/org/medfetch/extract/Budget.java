package org.medfetch.extract;

/**
 * Keeps an extraction within its limits while it runs: what the headers announce is checked before a
 * byte of the entry is written, and what is really written is checked as it is written, so a bomb is
 * stopped early whether or not its headers tell the truth.
 */
final class Budget {

    /**
     * The ratio is judged once this much of the archive was read: a tiny archive may expand up to
     * maxRatio times this (64 MiB at 1:1000) before its ratio counts.
     */
    static final long FLOOR = 64 * 1024;

    private final ExtractLimits limits;
    private final long archiveSize;
    private long declared;
    private long written;

    Budget(ExtractLimits limits, long archiveSize) {
        this.limits = limits;
        this.archiveSize = archiveSize;
    }

    long written() {
        return written;
    }

    /** An entry announces its size: the announced total may not exceed the limits. */
    void announce(String entry, long size) throws ExtractException {
        if (size <= 0) {
            return;
        }
        declared += size;
        check(entry, declared, archiveSize, "its header announces");
    }

    /** Bytes were written; consumed is how much of the archive has been read so far. */
    void wrote(String entry, long bytes, long consumed) throws ExtractException {
        written += bytes;
        check(entry, written, consumed, "it expands to");
    }

    private void check(String entry, long total, long read, String how) throws ExtractException {
        if (total > limits.maxBytes()) {
            throw ExtractException.refused(entry, how + " more than the limit of " + limits.maxBytes()
                    + " bytes for one archive (--max-extract-size)");
        }
        long base = Math.max(read, FLOOR);
        if ((double) total / base > limits.maxRatio()) {
            throw ExtractException.refused(entry, how + " " + total + " bytes from " + read + " bytes of the archive, "
                    + "more than the limit of 1:" + limits.maxRatio() + " (a zip bomb?; --max-extract-ratio)");
        }
    }
}

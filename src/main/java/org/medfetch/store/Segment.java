package org.medfetch.store;

/**
 * A byte range of a file fetched over one connection.
 *
 * @param end  exclusive end, or -1 while the file's size is unknown
 * @param done bytes from {@code start} that are on disk (forced before they were recorded)
 */
public record Segment(int index, long start, long end, long done) {

    public long position() {
        return start + done;
    }

    public boolean complete() {
        return end >= 0 && start + done >= end;
    }

    public long remaining() {
        return end < 0 ? -1 : end - start - done;
    }
}

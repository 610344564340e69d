package org.medfetch.engine.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfetch.store.Segment;

/**
 * The segments of one running download and the rules that change them: claiming bytes before a read,
 * handing out segments nobody works on, and splitting the largest remainder so a connection that
 * finished early can help (work stealing). Thread-safe; every change of bounds happens under its lock.
 */
final class SegmentPlan {

    /** Positions captured for one commit: each segment whose written bytes moved since the last one. */
    record Snapshot(Map<Integer, Long> doneByIndex, Map<LiveSegment, Long> positions) {
        boolean empty() {
            return positions.isEmpty();
        }
    }

    private final List<LiveSegment> segments = new ArrayList<>();
    private long size;
    private int nextIndex;

    /** @param size the file's size, or -1 while unknown */
    SegmentPlan(long size, List<Segment> stored) {
        this.size = size;
        for (Segment s : stored) {
            segments.add(new LiveSegment(s.index(), s.start(), s.end(), s.done()));
            nextIndex = Math.max(nextIndex, s.index() + 1);
        }
        segments.sort(Comparator.comparingLong(s -> s.start));
    }

    /** A fresh plan: {@code count} equal ranges over {@code size} bytes (one range of unknown end when size is -1). */
    static SegmentPlan split(long size, int count) {
        List<Segment> ranges = new ArrayList<>();
        if (size < 0) {
            ranges.add(new Segment(0, 0, -1, 0));
        } else {
            for (int i = 0; i < count; i++) {
                ranges.add(new Segment(i, size * i / count, size * (i + 1) / count, 0));
            }
        }
        return new SegmentPlan(size, ranges);
    }

    synchronized long size() {
        return size;
    }

    /**
     * Reserves up to {@code max} bytes after what the segment has claimed; 0 when it reached its end (which a
     * split may have moved closer).
     */
    synchronized int claim(LiveSegment s, int max) {
        long room = s.end() < 0 ? max : s.end() - s.claimed;
        int n = (int) Math.max(0, Math.min(max, room));
        s.claimed += n;
        return n;
    }

    /** The worker read less than it claimed (the stream ended or failed): free the rest for others. */
    synchronized void unclaim(LiveSegment s) {
        s.claimed = s.written();
    }

    /** A stream of unknown length ended: the file is as long as what was written. */
    synchronized void ended(LiveSegment s) {
        if (s.end() < 0) {
            s.end(s.written());
            size = s.written();
        }
    }

    /** Marks the first segment taken (by the worker that owns the first response). */
    synchronized LiveSegment first() {
        LiveSegment s = segments.get(0);
        s.assigned = true;
        return s;
    }

    /** A segment nobody works on that still lacks bytes, now assigned to the caller; null if none. */
    synchronized LiveSegment takePending() {
        for (LiveSegment s : segments) {
            if (!s.assigned && !s.complete()) {
                s.assigned = true;
                return s;
            }
        }
        return null;
    }

    /**
     * Splits the segment with the most unclaimed bytes at the middle of them, if it has at least
     * {@code 2 * minBytes}: its worker stops at the new end and the caller takes the upper half. Null when
     * no segment is worth splitting.
     */
    synchronized LiveSegment steal(long minBytes) {
        LiveSegment victim = null;
        for (LiveSegment s : segments) {
            if (s.end() >= 0 && (victim == null || s.end() - s.claimed > victim.end() - victim.claimed)) {
                victim = s;
            }
        }
        if (victim == null || victim.end() - victim.claimed < 2 * minBytes) {
            return null;
        }
        long middle = victim.claimed + (victim.end() - victim.claimed) / 2;
        LiveSegment upper = new LiveSegment(nextIndex++, middle, victim.end(), 0);
        upper.assigned = true;
        victim.end(middle);
        segments.add(segments.indexOf(victim) + 1, upper);
        return upper;
    }

    /** End of the bytes written without a gap from offset 0: what the hasher may read. */
    synchronized long prefix() {
        long prefix = 0;
        for (LiveSegment s : segments) {
            if (s.start > prefix) {
                break;
            }
            prefix = Math.max(prefix, s.written());
            if (!s.complete()) {
                break;
            }
        }
        return prefix;
    }

    synchronized boolean complete() {
        return segments.stream().allMatch(LiveSegment::complete);
    }

    synchronized long written() {
        return segments.stream().mapToLong(s -> s.written() - s.start).sum();
    }

    /** Segments with bytes written since their last commit, captured before the data is forced. */
    synchronized Snapshot snapshot() {
        Map<Integer, Long> done = new LinkedHashMap<>();
        Map<LiveSegment, Long> positions = new LinkedHashMap<>();
        for (LiveSegment s : segments) {
            long w = s.written();
            if (w != s.committed()) {
                done.put(s.index, w - s.start);
                positions.put(s, w);
            }
        }
        return new Snapshot(done, positions);
    }

    /** The plan as the store keeps it: bounds, and only progress that was forced and recorded. */
    synchronized List<Segment> recorded() {
        List<Segment> out = new ArrayList<>();
        for (LiveSegment s : segments) {
            out.add(new Segment(s.index, s.start, s.end(), s.committed() - s.start));
        }
        return out;
    }
}

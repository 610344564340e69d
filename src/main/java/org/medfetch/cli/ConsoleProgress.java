package org.medfetch.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.medfetch.engine.Progress;

/**
 * Progress on stderr. In a terminal: a bar per running file, a line counting the files that ended, and the
 * total fixed at the bottom ({@link ProgressFrame}), redrawn in place. Elsewhere: one line per file that
 * starts, waits or ends, and a total line every few seconds. Silenced (--no-progress): only waits before a
 * retry are said, since a Retry-After of minutes must not look like a hang; quiet (-q): nothing. Rate and
 * ETA come from the last 10 s ({@link RateWindow}), the total from every file the run was given.
 */
final class ConsoleProgress implements Progress, AutoCloseable {

    /** How progress is shown. */
    enum Mode { BARS, LINES, SILENT, QUIET }

    private static final long BAR_TICK_MILLIS = 250;
    private static final long LINE_TICK_MILLIS = 5_000;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final PrintWriter err;
    private final Mode mode;
    private final boolean verbose;
    private final int width;
    private final Map<Long, String> names = new ConcurrentHashMap<>();
    private final Map<Long, Long> sizes = new ConcurrentHashMap<>();
    private final Map<Long, Long> done = new ConcurrentHashMap<>();
    private final Map<Long, String> statuses = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> running = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> started = new ConcurrentHashMap<>();
    private final AtomicLong fetched = new AtomicLong();
    private final RateWindow window = new RateWindow();
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private int finished;
    private int failed;
    private int drawn;

    ConsoleProgress(PrintWriter err, Mode mode, boolean verbose, int width) {
        this.err = err;
        this.mode = mode;
        this.verbose = verbose;
        this.width = width;
        if (mode == Mode.BARS || mode == Mode.LINES) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "medfetch-progress");
                t.setDaemon(true);
                return t;
            });
            long tick = mode == Mode.BARS ? BAR_TICK_MILLIS : LINE_TICK_MILLIS;
            ticker.scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
        }
    }

    /** Bytes fetched in this run (not those already on disk before it). */
    long fetched() {
        return fetched.get();
    }

    /** Seconds since the display was made, which is when the command started working. */
    double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Override
    public void queued(long fileId, String name, long size, long already) {
        names.putIfAbsent(fileId, name);
        sizes.put(fileId, size);
        done.put(fileId, already);
    }

    @Override
    public void started(long fileId, String name, long size, long already) {
        names.put(fileId, name);
        sizes.put(fileId, size);
        done.put(fileId, already);
        started.put(fileId, true);
        running.put(fileId, true);
        statuses.remove(fileId);
        if (mode == Mode.LINES || verbose && mode != Mode.QUIET) {
            line(name + ": " + (already > 0 ? "resuming at " + Sizes.bytes(already) + " of " : "starting, ")
                    + (size < 0 ? "size not yet known" : Sizes.bytes(size)));
        }
    }

    @Override
    public void advanced(long fileId, long bytes) {
        fetched.addAndGet(bytes);
        done.merge(fileId, bytes, Long::sum);
        statuses.remove(fileId);
    }

    @Override
    public void sized(long fileId, long size, long already) {
        sizes.put(fileId, size);
        done.put(fileId, already);
    }

    @Override
    public void pieces(long fileId, int piecesDone, int piecesTotal) {
        statuses.put(fileId, piecesDone + "/" + piecesTotal + " pieces");
    }

    @Override
    public void status(long fileId, String message) {
        statuses.put(fileId, message);
        if (mode == Mode.LINES || verbose && mode != Mode.QUIET) {
            line(name(fileId) + ": " + message);
        }
    }

    @Override
    public void waiting(long fileId, Instant until, String why) {
        statuses.put(fileId, "waiting until " + CLOCK.format(until));
        if (mode != Mode.QUIET && (mode != Mode.BARS || verbose)) {
            line(name(fileId) + ": waiting until " + CLOCK.format(until) + " (" + until + "): " + why);
        }
    }

    @Override
    public void finished(long fileId, String outcome) {
        running.remove(fileId);
        statuses.remove(fileId);
        synchronized (this) {
            if (outcome.equals("done")) {
                finished++;
            } else if (!outcome.equals("paused") && !outcome.equals("interrupted") && !outcome.equals("cancelled")) {
                failed++;
            }
        }
        // -v says every file's end, as its help promises; plain lines say only the ends that are not "done"
        if (mode != Mode.QUIET && (verbose || mode == Mode.LINES && !outcome.equals("done"))) {
            line(name(fileId) + ": " + outcome);
        }
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (mode == Mode.BARS && !started.isEmpty()) {
            draw();
        }
    }

    /** What the frame shows now. */
    synchronized ProgressFrame.Snapshot snapshot() {
        window.sample(System.nanoTime(), fetched.get());
        List<ProgressFrame.FileBar> bars = new ArrayList<>();
        for (Long id : running.keySet().stream().sorted().toList()) {
            bars.add(new ProgressFrame.FileBar(name(id), sizes.getOrDefault(id, -1L), done.getOrDefault(id, 0L),
                    statuses.get(id)));
        }
        long total = sizes.values().stream().anyMatch(s -> s < 0) ? -1
                : sizes.values().stream().mapToLong(Long::longValue).sum();
        long got = done.values().stream().mapToLong(Long::longValue).sum();
        return new ProgressFrame.Snapshot(bars, names.size(), started.size(), finished, failed, got, total,
                window.rate(), total < 0 ? -1 : window.etaSeconds(total - got));
    }

    private void tick() {
        try {
            if (mode == Mode.BARS) {
                draw();
            } else if (!started.isEmpty()) {
                ProgressFrame.Snapshot s = snapshot();
                line(ProgressFrame.lines(new ProgressFrame.Snapshot(List.of(), s.files(), s.started(), 0, 0,
                        s.bytesDone(), s.bytesTotal(), s.rate(), s.eta()), Integer.MAX_VALUE / 2).get(0));
            }
        } catch (RuntimeException e) {
            // A display problem never stops a download.
        }
    }

    /** Redraws the frame in place: up over the last one, clear to the end of the screen, print. */
    private void draw() {
        List<String> lines = ProgressFrame.lines(snapshot(), width);
        synchronized (err) {
            StringBuilder out = new StringBuilder();
            if (drawn > 0) {
                out.append('\r').append("\033[").append(drawn).append('A');
            }
            out.append("\033[J");
            lines.forEach(l -> out.append(l).append('\n'));
            err.print(out);
            err.flush();
            drawn = lines.size();
        }
    }

    /** A line of its own; in a terminal it goes above the frame, which is drawn again below it. */
    private void line(String text) {
        synchronized (err) {
            if (mode == Mode.BARS && drawn > 0) {
                err.print("\r\033[" + drawn + "A\033[J");
                drawn = 0;
            }
            err.println("medfetch: " + text);
            err.flush();
        }
    }

    private String name(long fileId) {
        return names.getOrDefault(fileId, "file " + fileId);
    }
}

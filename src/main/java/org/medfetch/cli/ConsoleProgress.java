package org.medfetch.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.medfetch.engine.Progress;

/**
 * Progress on stderr: in a terminal, one progressbar per active file plus a total; otherwise plain lines
 * every few seconds (bytes, rate, ETA) and one line per file that starts, retries or ends.
 */
final class ConsoleProgress implements Progress, AutoCloseable {

    private static final long MIB = 1024 * 1024;

    private final PrintWriter plain;
    private final PrintStream terminal;
    private final Map<Long, ProgressBar> bars = new ConcurrentHashMap<>();
    private final Map<Long, Long> sizes = new ConcurrentHashMap<>();
    private final Map<Long, Long> done = new ConcurrentHashMap<>();
    private final AtomicLong fetched = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private ProgressBar total;

    /** @param terminal stderr when it is an interactive terminal, else null for plain lines on {@code plain} */
    ConsoleProgress(PrintWriter plain, PrintStream terminal) {
        this.plain = plain;
        this.terminal = terminal;
        this.ticker = terminal != null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "medfetch-progress");
            t.setDaemon(true);
            return t;
        });
        if (ticker != null) {
            ticker.scheduleAtFixedRate(this::summary, 5, 5, TimeUnit.SECONDS);
        }
    }

    @Override
    public void started(long fileId, String name, long size, long already) {
        sizes.put(fileId, size);
        done.put(fileId, already);
        if (terminal == null) {
            line(name + ": " + (already > 0 ? "resuming at " + Sizes.bytes(already) + " of " : "starting, ")
                    + (size < 0 ? "size not yet known" : Sizes.bytes(size)));
            return;
        }
        bars.computeIfAbsent(fileId, id -> bar(shorten(name), size, already));
        totalBar();
    }

    @Override
    public void advanced(long fileId, long bytes) {
        fetched.addAndGet(bytes);
        done.merge(fileId, bytes, Long::sum);
        ProgressBar bar = bars.get(fileId);
        if (bar != null) {
            bar.stepTo(done.get(fileId) / MIB);
            totalBar().stepTo(totalDone() / MIB);
        }
    }

    @Override
    public void sized(long fileId, long size, long already) {
        sizes.put(fileId, size);
        done.put(fileId, already);
        ProgressBar bar = bars.get(fileId);
        if (bar != null) {
            bar.maxHint(size < 0 ? -1 : size / MIB);
            bar.stepTo(already / MIB);
            totalBar().maxHint(totalSize() / MIB);
        }
    }

    @Override
    public void pieces(long fileId, int piecesDone, int piecesTotal) {
        ProgressBar bar = bars.get(fileId);
        if (bar != null) {
            bar.setExtraMessage(" " + piecesDone + "/" + piecesTotal + " pieces");
        }
    }

    @Override
    public void status(long fileId, String message) {
        ProgressBar bar = bars.get(fileId);
        if (bar != null) {
            bar.setExtraMessage(" " + message);
        } else {
            line(message);
        }
    }

    @Override
    public void finished(long fileId, String outcome) {
        ProgressBar bar = bars.remove(fileId);
        if (bar != null) {
            bar.setExtraMessage(" " + outcome);
            bar.close();
        } else if (!outcome.equals("done")) {
            line(outcome);
        }
    }

    @Override
    public void close() {
        bars.values().forEach(ProgressBar::close);
        bars.clear();
        if (total != null) {
            total.close();
        }
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    private synchronized ProgressBar totalBar() {
        if (total == null) {
            total = bar("total", totalSize(), totalDone());
        }
        return total;
    }

    private ProgressBar bar(String name, long size, long already) {
        return new ProgressBarBuilder().setTaskName(name).setInitialMax(size < 0 ? -1 : size / MIB)
                .setUnit(" MiB", 1).showSpeed().setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                .startsFrom(already / MIB, Duration.ZERO)
                .setConsumer(new InteractiveConsoleProgressBarConsumer(terminal)).build();
    }

    private void summary() {
        long size = totalSize();
        long got = totalDone();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double rate = seconds > 0 ? fetched.get() / seconds : 0;
        String eta = size > 0 && rate > 0 ? ", ETA " + Duration.ofSeconds((long) ((size - got) / rate)).toString()
                .substring(2).toLowerCase(java.util.Locale.ROOT) : "";
        line(Sizes.bytes(got) + " of " + (size > 0 ? Sizes.bytes(size) : "?") + ", " + Sizes.bytes((long) rate) + "/s"
                + eta);
    }

    private long totalSize() {
        return sizes.values().stream().mapToLong(s -> Math.max(0, s)).sum();
    }

    private long totalDone() {
        return done.values().stream().mapToLong(Long::longValue).sum();
    }

    private void line(String text) {
        synchronized (plain) {
            plain.println("medfetch: " + text);
            plain.flush();
        }
    }

    private static String shorten(String name) {
        return name.length() <= 28 ? name : "…" + name.substring(name.length() - 27);
    }
}

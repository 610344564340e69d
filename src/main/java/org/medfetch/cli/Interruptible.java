package org.medfetch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.medfetch.engine.StopSignal;
import sun.misc.Signal;

/**
 * Runs work that Ctrl-C (SIGINT) and SIGTERM stop cleanly. The first signal raises the work's stop signal
 * and says so: running files record their progress and are left paused, the work returns, and the command
 * exits with its own code (3: the paused files are retryable). A second signal while that happens quits at
 * once (128 + the signal's number, 130 for Ctrl-C), which loses nothing recorded: data reaches the disk
 * before its progress is recorded. Outside such work a signal ends the process as the JVM would.
 *
 * <p>A shutdown hook cannot do this: once the JVM starts shutting down, the exit code is the signal's and
 * the command's last lines race the halt. So the signals are handled directly (sun.misc.Signal, in the
 * jdk.unsupported module).
 */
final class Interruptible {

    /** One piece of running work and where to tell its user. */
    private record Work(StopSignal stop, PrintWriter err) {
    }

    private static final Set<Work> RUNNING = ConcurrentHashMap.newKeySet();
    private static final Map<String, Boolean> INSTALLED = new ConcurrentHashMap<>();

    private Interruptible() {
    }

    static <T> T run(PrintWriter err, Function<StopSignal, T> work) {
        install("INT");
        install("TERM");
        Work running = new Work(new StopSignal(), err);
        RUNNING.add(running);
        try {
            return work.apply(running.stop());
        } finally {
            RUNNING.remove(running);
        }
    }

    private static void install(String name) {
        INSTALLED.computeIfAbsent(name, n -> {
            try {
                Signal.handle(new Signal(n), Interruptible::received);
                return true;
            } catch (IllegalArgumentException unavailable) {
                return false; // the platform lacks the signal, or the JVM keeps it (-Xrs): the default stays
            }
        });
    }

    private static void received(Signal signal) {
        int code = 128 + signal.getNumber();
        List<Work> works = List.copyOf(RUNNING);
        if (works.isEmpty()) {
            System.exit(code);
        }
        if (works.stream().anyMatch(w -> w.stop().raised())) {
            Runtime.getRuntime().halt(code);
        }
        for (Work w : works) {
            w.stop().raise(StopSignal.Reason.INTERRUPTED);
            w.err().println("medfetch: stopping: running files record their progress and pause (press Ctrl-C again "
                    + "to quit at once)");
            w.err().flush();
        }
    }
}

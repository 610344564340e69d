package org.medfetch.engine;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Tells running work to stop and why. Raised by Ctrl-C (interrupted: the next run resumes), or when
 * another process paused or cancelled the file. Work polls {@link #check()} between reads.
 */
public final class StopSignal {

    public enum Reason { INTERRUPTED, PAUSED, CANCELLED }

    private final StopSignal parent;
    private final AtomicReference<Reason> reason = new AtomicReference<>();

    public StopSignal() {
        this(null);
    }

    /** A signal that is raised when its parent is (one per file, under one per run). */
    public StopSignal(StopSignal parent) {
        this.parent = parent;
    }

    public void raise(Reason why) {
        reason.compareAndSet(null, why);
    }

    /** The reason, or null while work may go on. */
    public Reason reason() {
        Reason own = reason.get();
        return own != null ? own : parent == null ? null : parent.reason();
    }

    public boolean raised() {
        return reason() != null;
    }

    public void check() throws TransferStopped {
        Reason why = reason();
        if (why != null) {
            throw new TransferStopped(why);
        }
    }
}

package org.medfetch.engine;

/** Work stopped on request; everything fetched so far is kept and recorded. */
public final class TransferStopped extends Exception {

    private final StopSignal.Reason reason;

    public TransferStopped(StopSignal.Reason reason) {
        super("stopped: " + reason.name().toLowerCase(java.util.Locale.ROOT));
        this.reason = reason;
    }

    public StopSignal.Reason reason() {
        return reason;
    }
}

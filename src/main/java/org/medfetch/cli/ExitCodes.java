package org.medfetch.cli;

import org.medfetch.workflow.Outcome;

/** The one place where outcomes become process exit codes (documented in the README). */
public final class ExitCodes {

    public static final int SUCCESS = 0;
    public static final int PROBLEMS = 1;
    public static final int USAGE = 2;
    public static final int RETRYABLE = 3;
    public static final int FATAL = 4;
    public static final int MANUAL = 5;

    private ExitCodes() {
    }

    public static int of(Outcome outcome) {
        return switch (outcome) {
            case SUCCESS -> SUCCESS;
            case PROBLEMS -> PROBLEMS;
            case MANUAL -> MANUAL;
            case RETRYABLE -> RETRYABLE;
            case FATAL -> FATAL;
        };
    }
}

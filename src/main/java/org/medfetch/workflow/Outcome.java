package org.medfetch.workflow;

/**
 * How a command ended, from the user's point of view. When a command has several outcomes the worst
 * wins, in the order FATAL > RETRYABLE > MANUAL > PROBLEMS > SUCCESS.
 */
public enum Outcome {
    SUCCESS(0),
    PROBLEMS(1),
    MANUAL(2),
    RETRYABLE(3),
    FATAL(4);

    private final int severity;

    Outcome(int severity) {
        this.severity = severity;
    }

    public Outcome worse(Outcome other) {
        return other.severity > severity ? other : this;
    }
}

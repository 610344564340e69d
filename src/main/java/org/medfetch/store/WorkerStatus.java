package org.medfetch.store;

/**
 * A live worker and what it does now.
 *
 * @param held      files it holds under its lease
 * @param filesDone files it finished since it started
 * @param rate      bytes per second over the files it holds, as last recorded
 */
public record WorkerStatus(Worker worker, int held, long filesDone, long rate) {
}

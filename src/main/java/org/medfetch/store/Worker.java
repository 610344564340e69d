package org.medfetch.store;

import java.time.Instant;

/**
 * A process working the queue, as its lease names it.
 *
 * @param id      the lease owner its files are claimed under
 * @param host    the machine it runs on
 * @param pid     its process id there
 * @param started when the process started
 */
public record Worker(String id, String host, long pid, Instant started) {
}

package org.medfetch.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.medfetch.store.Worker;

/**
 * Who holds a claim: host, process id, process start time and a random part, so that a process on the
 * same host can tell at once that a claim's owner was killed (its pid is gone, or now belongs to a
 * process started at another time) instead of waiting for the lease to expire. Claims from other hosts
 * (a workspace on a shared disk) still wait for their lease to expire.
 */
public final class LeaseOwner {

    private LeaseOwner() {
    }

    /** A new owner id for this process. */
    public static String create() {
        ProcessHandle self = ProcessHandle.current();
        return host() + "/" + self.pid() + "/" + self.info().startInstant().map(Instant::toEpochMilli).orElse(0L) + "/"
                + UUID.randomUUID();
    }

    /** The worker an owner id names (its host, pid and start); the id itself for an id of another shape. */
    public static Worker worker(String owner) {
        String[] parts = owner == null ? new String[0] : owner.split("/");
        try {
            if (parts.length == 4) {
                return new Worker(owner, parts[0], Long.parseLong(parts[1]), Instant.ofEpochMilli(Long.parseLong(parts[2])));
            }
        } catch (NumberFormatException e) {
            // not one of ours: shown as it is
        }
        return new Worker(owner, owner == null ? "" : owner, 0, Instant.EPOCH);
    }

    /** How status names the worker holding a file: {@code host:pid}, or the owner as it is. */
    public static String label(String owner) {
        Worker w = worker(owner);
        return w.pid() == 0 ? w.host() : w.host() + ":" + w.pid();
    }

    /** True when {@code owner} is a process of this host that no longer runs. */
    public static boolean gone(String owner) {
        String[] parts = owner == null ? new String[0] : owner.split("/");
        if (parts.length != 4 || !parts[0].equals(host())) {
            return false;
        }
        try {
            long pid = Long.parseLong(parts[1]);
            long started = Long.parseLong(parts[2]);
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            return process.isEmpty() || !process.get().isAlive() || process.get().info().startInstant()
                    .map(i -> i.toEpochMilli() != started).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** True when {@code owner} is this process (whatever engine of it made the claim). */
    public static boolean thisProcess(String owner) {
        String[] parts = owner == null ? new String[0] : owner.split("/");
        ProcessHandle self = ProcessHandle.current();
        return parts.length == 4 && parts[0].equals(host()) && parts[1].equals(Long.toString(self.pid()))
                && parts[2].equals(Long.toString(self.info().startInstant().map(Instant::toEpochMilli).orElse(0L)));
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}

package org.medfetch.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

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

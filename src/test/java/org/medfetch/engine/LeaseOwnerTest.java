package org.medfetch.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LeaseOwnerTest {

    @Test
    void thisProcessIsAliveAndAFinishedOneIsGone() throws Exception {
        String me = LeaseOwner.create();
        assertFalse(LeaseOwner.gone(me));
        Process child = new ProcessBuilder("true").start();
        child.waitFor();
        String[] parts = me.split("/");
        assertTrue(LeaseOwner.gone(parts[0] + "/" + child.pid() + "/" + parts[2] + "/x"), "no such process any more");
        assertTrue(LeaseOwner.gone(parts[0] + "/" + ProcessHandle.current().pid() + "/12345/x"),
                "the pid now belongs to a process started at another time");
    }

    @Test
    void ownersOfOtherHostsOrUnknownShapeAreNeverDeclaredGone() {
        assertFalse(LeaseOwner.gone("another-host/1/2/x"));
        assertFalse(LeaseOwner.gone("process-a"));
        assertFalse(LeaseOwner.gone(null));
    }
}

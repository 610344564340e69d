package org.medfetch.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * End-to-end tests need real programs from Debian packages (nginx, aria2c, opentracker). Without them
 * such a test is skipped with a visible message, so the test suite passes on a fresh machine; with
 * MEDFETCH_E2E=require (set by .ci/run, which installs them) a missing program fails the test instead.
 */
public final class Tools {

    private static final List<String> PATH = List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/bin",
            "/usr/local/sbin");

    private Tools() {
    }

    /** The program's path; skips (or, when required, fails) the calling test if it is not installed. */
    public static Path require(String program, String debianPackage) {
        for (String dir : PATH) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String message = "end-to-end test needs " + program + " (apt-get install -y " + debianPackage + ")";
        if ("require".equals(System.getenv("MEDFETCH_E2E"))) {
            Assertions.fail(message + ", and MEDFETCH_E2E=require");
        }
        System.err.println("SKIPPED: " + message + "; set MEDFETCH_E2E=require to make this a failure");
        Assumptions.abort("SKIPPED: " + message);
        throw new IllegalStateException("unreachable");
    }

    public static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }
}

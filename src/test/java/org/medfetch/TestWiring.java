package org.medfetch;

import java.nio.file.Path;
import java.util.Map;
import org.medfetch.resolve.Resolvers;
import org.medfetch.workflow.Settings;

/** The production resolver list, built by Main for tests that need it outside the CLI. */
public final class TestWiring {

    public static final Resolvers RESOLVERS = Main.resolvers(
            new Settings(Path.of("."), null, null, false, Map.of(), Path.of("no-home")));

    private TestWiring() {
    }
}

package org.medfetch.workflow;

import java.nio.file.Path;
import java.util.Map;

/**
 * What one medfetch invocation was told: the global options and the process environment.
 *
 * @param workspace   the workspace folder (downloads/, manifests/)
 * @param catalogFile a catalog file, or null for the bundled catalog
 * @param mirrorsFile a mirror registry file, or null for the bundled registry
 * @param noMirrors   use no mirror registry at all
 * @param env         environment variables (credentials, proxies, endpoint overrides)
 * @param home        the user's home folder (tool config files such as ~/.kaggle/kaggle.json)
 */
public record Settings(Path workspace, Path catalogFile, Path mirrorsFile, boolean noMirrors, Map<String, String> env,
                       Path home) {

    public Settings {
        env = Map.copyOf(env);
    }
}

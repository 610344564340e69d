package org.medfetch.workflow;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.medfetch.store.StoreAddress;

/**
 * What one medfetch invocation was told: the global options and the process environment.
 *
 * @param workspace   the workspace folder (downloads/, manifests/)
 * @param catalog     a catalog file or http(s) URL as given, or null for the bundled catalog
 * @param mirrorsFile a mirror registry file, or null for the bundled registry
 * @param noMirrors   use no mirror registry at all
 * @param env         environment variables (credentials, proxies, endpoint overrides)
 * @param home        the user's home folder (tool config files such as ~/.kaggle/kaggle.json)
 * @param endpoints   {@code --endpoint NAME=URL} options, by resolver name, as given (validated when the
 *                    resolvers are built, together with the MEDFETCH_ENDPOINT_* variables in {@code env})
 * @param store       where the queue is, as given (--store, else MEDFETCH_STORE): null or "sqlite" for the
 *                    workspace's own database, or a postgresql:// URL
 * @param verbose     say every HTTP request and its answer on stderr (-v)
 * @param callLimit   the longest any HTTP call may take, or null for the defaults: show and add --dry-run
 *                    size files within a few seconds per host, and say "size unknown" otherwise
 */
public record Settings(Path workspace, String catalog, Path mirrorsFile, boolean noMirrors, Map<String, String> env,
                       Path home, Map<String, String> endpoints, String store, boolean verbose, Duration callLimit) {

    public Settings {
        env = Map.copyOf(env);
        endpoints = Map.copyOf(endpoints);
    }

    /** Settings with the workspace's own SQLite queue (unless MEDFETCH_STORE names another), quiet. */
    public Settings(Path workspace, String catalog, Path mirrorsFile, boolean noMirrors, Map<String, String> env,
                    Path home, Map<String, String> endpoints) {
        this(workspace, catalog, mirrorsFile, noMirrors, env, home, endpoints, null, false, null);
    }

    /** Where the queue is: --store, else MEDFETCH_STORE, else the workspace's own SQLite database. */
    public StoreAddress storeAddress() {
        String given = store != null ? store : env.get("MEDFETCH_STORE");
        try {
            return StoreAddress.parse(given, Workspace.stateFile(workspace), env, home);
        } catch (IllegalArgumentException e) {
            throw new UsageException((store != null ? "--store: " : "MEDFETCH_STORE: ") + e.getMessage(), e);
        }
    }

    /** Settings without endpoint options: every resolver uses its default base, or MEDFETCH_ENDPOINT_*. */
    public Settings(Path workspace, String catalog, Path mirrorsFile, boolean noMirrors, Map<String, String> env,
                    Path home) {
        this(workspace, catalog, mirrorsFile, noMirrors, env, home, Map.of());
    }
}

package org.medfetch.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command takes, before or after the subcommand name. */
final class GlobalOptions {

    @Option(names = "--workspace", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Workspace folder holding downloads/ and manifests/ (default: MEDFETCH_WORKSPACE, the "
                    + "config file's, else the current folder).")
    Path workspace = Path.of("");

    @Option(names = "--catalog", paramLabel = "FILE|URL", scope = ScopeType.INHERIT,
            description = "Catalog to read instead of the bundled one: a Markdown list, CSV, TSV or JSON Lines "
                    + "file, or an http(s) URL of one (cached, re-validated on each use).")
    String catalog;

    @Option(names = "--endpoint", paramLabel = "NAME=URL", scope = ScopeType.INHERIT,
            description = "Use URL instead of a resolver's default base URL (repeatable; also "
                    + "MEDFETCH_ENDPOINT_<NAME>). 'medfetch resolvers' lists the names.")
    Map<String, String> endpoints = new LinkedHashMap<>();

    @Option(names = "--mirrors", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Mirror registry to read instead of the bundled one.")
    Path mirrors;

    @Option(names = "--no-mirrors", scope = ScopeType.INHERIT,
            description = "Use only the catalog's own links, no mirrors.")
    boolean noMirrors;

    @Option(names = "--store", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Where the queue is: 'sqlite' (default: downloads/.medfetch/state.db in the workspace) or "
                    + "postgresql://USER@HOST:PORT/DATABASE, shared by workers on many machines (also MEDFETCH_STORE; "
                    + "the password comes from PGPASSWORD or ~/.pgpass, never the URL).")
    String store;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean debug;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Print only errors and what a command is for (get's SHA-256 lines, status's table): no "
                    + "progress, summaries or notes.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Also print every HTTP request with its answer, each retry and each file as it starts and "
                    + "ends (on stderr; never a secret).")
    boolean verbose;
}

package org.medfetch;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.medfetch.catalog.Catalog;
import org.medfetch.catalog.CatalogException;
import org.medfetch.catalog.CatalogLoader;
import org.medfetch.catalog.RemoteCatalog;
import org.medfetch.cli.Cli;
import org.medfetch.cli.ExitCodes;
import org.medfetch.cli.MedfetchCommand;
import org.medfetch.cli.VersionProvider;
import org.medfetch.engine.Transfers;
import org.medfetch.engine.http.HttpRanges;
import org.medfetch.engine.http.HttpTransfer;
import org.medfetch.engine.http.RequestLog;
import org.medfetch.resolve.web.LinkProbe;
import org.medfetch.resolve.web.ProbeCache;
import org.medfetch.engine.http.ProxyFromEnvironment;
import org.medfetch.engine.torrent.TorrentSettings;
import org.medfetch.engine.torrent.TorrentTransfer;
import org.medfetch.extract.FreeSpace;
import org.medfetch.resolve.Resolvers;
import org.medfetch.resolve.hosts.HostAuthorizer;
import org.medfetch.resolve.mirrors.DatasetNotes;
import org.medfetch.resolve.mirrors.MirrorRegistry;
import org.medfetch.resolve.mirrors.MirrorSources;
import org.medfetch.workflow.Settings;
import org.medfetch.workflow.UsageException;
import org.medfetch.workflow.Workspace;

/** The composition root: wires catalog, resolvers and commands together. Nothing else builds them. */
public final class Main {

    /** Defaults of the shared HTTP client; each transfer applies the run's own --timeout. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int CONNECTIONS = 8;

    private final Map<String, String> env;
    private final Path home;
    private final FreeSpace freeSpace;

    public Main(Map<String, String> env, Path home) {
        this(env, home, FreeSpace.SYSTEM);
    }

    /** @param freeSpace what the file system has free (tests run out of space with it) */
    public Main(Map<String, String> env, Path home, FreeSpace freeSpace) {
        this.env = env;
        this.home = home;
        this.freeSpace = freeSpace;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = new Main(System.getenv(), Path.of(System.getProperty("user.home"))).run(args, out, err);
        System.exit(code);
    }

    public int run(String[] args, PrintWriter out, PrintWriter err) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // The one answer that needs no command model: picocli's would cost a tenth of a second more.
            out.println(VersionProvider.line());
            out.flush();
            return ExitCodes.SUCCESS;
        }
        try (MedfetchCommand root = new MedfetchCommand(settings -> open(settings, err), env, home)) {
            return Cli.forArguments(root, out, err, args).execute(args);
        }
    }

    /** Wires a workspace whose parts are made on first use (see {@link Workspace.Parts}). */
    private Workspace open(Settings settings, PrintWriter err) {
        Supplier<OkHttpClient> http = Workspace.once(() -> withSettings(httpClient(settings), settings, err));
        Function<ProbeCache, Resolvers> resolvers = probes -> Hosts.resolvers(settings, http, warning -> {
            err.println("medfetch: " + warning);
            err.flush();
        }, probes);
        // Files that need credentials are authorized by their resolver before every attempt.
        Function<Resolvers, Transfers> transfers = registry -> new Transfers(
                new HttpTransfer(http.get(), new HostAuthorizer(registry.all())),
                new TorrentTransfer(torrents(settings), new HttpRanges(http.get())));
        Workspace.Parts parts = new Workspace.Parts(() -> catalog(settings, http, err), resolvers,
                registry -> new MirrorSources(mirrors(settings), registry), DatasetNotes::bundled, transfers,
                () -> new LinkProbe(http.get()), () -> Hosts.doi(settings, http.get()), freeSpace,
                () -> new HttpRanges(http.get()));
        return new Workspace(settings.workspace(), parts, Clock.systemUTC(), settings::storeAddress);
    }

    /** The client with what this invocation asked: a time limit per call, every request said (-v). */
    private static OkHttpClient withSettings(OkHttpClient client, Settings settings, PrintWriter err) {
        if (settings.callLimit() == null && !settings.verbose()) {
            return client;
        }
        OkHttpClient.Builder builder = client.newBuilder();
        if (settings.callLimit() != null) {
            builder.callTimeout(settings.callLimit()).connectTimeout(settings.callLimit())
                    .readTimeout(settings.callLimit());
        }
        if (settings.verbose()) {
            builder.addNetworkInterceptor(new RequestLog(line -> {
                synchronized (err) {
                    err.println("medfetch: " + line);
                    err.flush();
                }
            }));
        }
        return builder.build();
    }

    /** The one HTTP client of a run, for API calls and downloads alike. */
    private static OkHttpClient httpClient(Settings settings) {
        try {
            return HttpTransfer.client(TIMEOUT, CONNECTIONS, new ProxyFromEnvironment(settings.env()));
        } catch (IllegalArgumentException badProxyVariable) {
            throw new UsageException(badProxyVariable.getMessage(), badProxyVariable);
        }
    }

    /** bt's settings: the defaults, with MEDFETCH_BT_BIND and MEDFETCH_BT_STALL_SECONDS from the environment. */
    private static TorrentSettings torrents(Settings settings) {
        try {
            return TorrentSettings.fromEnvironment(settings.env());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    private static MirrorRegistry mirrors(Settings settings) {
        if (settings.noMirrors()) {
            return MirrorRegistry.empty();
        }
        try {
            return settings.mirrorsFile() == null ? MirrorRegistry.bundled() : MirrorRegistry.read(settings.mirrorsFile());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** The bundled catalog, a catalog file, or one fetched by URL with the run's HTTP client and cached. */
    private static Catalog catalog(Settings settings, Supplier<OkHttpClient> http, PrintWriter err) {
        CatalogLoader loader = new CatalogLoader();
        String catalog = settings.catalog();
        if (catalog == null) {
            return loader.bundled();
        }
        try {
            if (RemoteCatalog.isUrl(catalog)) {
                return new RemoteCatalog(new HttpCatalogs(http.get()), catalogCache(settings), note -> {
                    err.println("medfetch: " + note);
                    err.flush();
                }).load(catalog);
            }
            return loader.file(Path.of(catalog).toAbsolutePath(), catalog);
        } catch (CatalogException e) {
            throw new UsageException(e.getMessage(), e);
        } catch (InvalidPathException e) {
            throw new UsageException("catalog " + catalog + " is not a valid file name", e);
        }
    }

    /** Where catalogs given by URL are kept: $XDG_CACHE_HOME/medfetch/catalogs, else ~/.cache/medfetch/catalogs. */
    static Path catalogCache(Settings settings) {
        String xdg = settings.env().get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : settings.home().resolve(".cache");
        return base.resolve("medfetch").resolve("catalogs");
    }

    /**
     * Every resolver, in the order they are asked. Credential warnings go to {@code warnings}; they only
     * arise when a link is resolved online.
     */
    public static Resolvers resolvers(Settings settings, Consumer<String> warnings) {
        return Hosts.resolvers(settings, Workspace.once(() -> httpClient(settings)), warnings, ProbeCache.memory());
    }

    /** {@link #resolvers(Settings, Consumer)} for offline use (classification reads no credentials). */
    public static Resolvers resolvers(Settings settings) {
        return resolvers(settings, warning -> { });
    }
}

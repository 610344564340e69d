package org.medfetch;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.medfetch.catalog.Catalog;
import org.medfetch.catalog.CatalogException;
import org.medfetch.catalog.CatalogLoader;
import org.medfetch.cli.Cli;
import org.medfetch.cli.MedfetchCommand;
import okhttp3.OkHttpClient;
import org.medfetch.engine.Transfers;
import org.medfetch.engine.http.HttpTransfer;
import org.medfetch.engine.http.LinkProbe;
import org.medfetch.engine.http.ProxyFromEnvironment;
import org.medfetch.resolve.Authorizer;
import org.medfetch.resolve.Resolvers;
import org.medfetch.resolve.mirrors.DatasetNotes;
import org.medfetch.resolve.mirrors.MirrorRegistry;
import org.medfetch.resolve.mirrors.MirrorSources;
import org.medfetch.resolve.hosts.AcademicTorrentsResolver;
import org.medfetch.resolve.hosts.AiStudioResolver;
import org.medfetch.resolve.hosts.BaiduNetdiskResolver;
import org.medfetch.resolve.hosts.DataverseResolver;
import org.medfetch.resolve.hosts.DirectHttpResolver;
import org.medfetch.resolve.hosts.DownloadPageResolver;
import org.medfetch.resolve.hosts.FigshareResolver;
import org.medfetch.resolve.hosts.GitHubResolver;
import org.medfetch.resolve.hosts.GiteeResolver;
import org.medfetch.resolve.hosts.HeyWhaleResolver;
import org.medfetch.resolve.hosts.HyperAiResolver;
import org.medfetch.resolve.hosts.IncompleteLinkResolver;
import org.medfetch.resolve.hosts.InformationPageResolver;
import org.medfetch.resolve.hosts.KaggleResolver;
import org.medfetch.resolve.hosts.MagnetResolver;
import org.medfetch.resolve.hosts.MegaResolver;
import org.medfetch.resolve.hosts.OpenDataLabResolver;
import org.medfetch.resolve.hosts.ProjectPageResolver;
import org.medfetch.resolve.hosts.TciaResolver;
import org.medfetch.resolve.hosts.TorrentFileResolver;
import org.medfetch.resolve.hosts.WebPageResolver;
import org.medfetch.resolve.hosts.ZenodoResolver;
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

    public Main(Map<String, String> env, Path home) {
        this.env = env;
        this.home = home;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = new Main(System.getenv(), Path.of(System.getProperty("user.home"))).run(args, out, err);
        System.exit(code);
    }

    public int run(String[] args, PrintWriter out, PrintWriter err) {
        try (MedfetchCommand root = new MedfetchCommand(this::open, env, home)) {
            return Cli.create(root, out, err).execute(args);
        }
    }

    private Workspace open(Settings settings) {
        Resolvers resolvers = resolvers(settings);
        OkHttpClient http = HttpTransfer.client(TIMEOUT, CONNECTIONS, new ProxyFromEnvironment(settings.env()));
        Transfers transfers = new Transfers(new HttpTransfer(http, Authorizer.NONE), null);
        return new Workspace(settings.workspace(), catalog(settings), resolvers,
                new MirrorSources(mirrors(settings), resolvers), DatasetNotes.bundled(), transfers, new LinkProbe(http),
                Clock.systemUTC());
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

    private static Catalog catalog(Settings settings) {
        CatalogLoader loader = new CatalogLoader();
        if (settings.catalogFile() == null) {
            return loader.bundled();
        }
        try {
            return loader.file(settings.catalogFile().toAbsolutePath(), settings.catalogFile().toString());
        } catch (CatalogException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** Every resolver, in the order they are asked; the first that accepts a link owns it. */
    public static Resolvers resolvers(Settings settings) {
        return new Resolvers(List.of(
                new MagnetResolver(),
                new IncompleteLinkResolver(),
                new AcademicTorrentsResolver(AcademicTorrentsResolver.DEFAULT_BASE),
                new HyperAiResolver(HyperAiResolver.DEFAULT_TRACKER),
                new TorrentFileResolver(),
                new BaiduNetdiskResolver(),
                new AiStudioResolver(),
                new KaggleResolver(),
                new TciaResolver(),
                new ZenodoResolver(),
                new FigshareResolver(),
                new DataverseResolver(),
                new OpenDataLabResolver(),
                new GitHubResolver(),
                new GiteeResolver(),
                new DownloadPageResolver(),
                new ProjectPageResolver(),
                new MegaResolver(),
                new HeyWhaleResolver(),
                new InformationPageResolver(),
                new DirectHttpResolver(),
                new WebPageResolver()));
    }
}

package org.medfetch;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.medfetch.catalog.Catalog;
import org.medfetch.catalog.CatalogException;
import org.medfetch.catalog.CatalogLoader;
import org.medfetch.cli.Cli;
import org.medfetch.cli.MedfetchCommand;
import org.medfetch.engine.Transfers;
import org.medfetch.resolve.Authorizer;
import org.medfetch.resolve.Resolvers;
import org.medfetch.resolve.hosts.HostAuthorizer;
import org.medfetch.workflow.Settings;
import org.medfetch.workflow.UsageException;
import org.medfetch.workflow.Workspace;

/** The composition root: wires catalog, resolvers and commands together. Nothing else builds them. */
public final class Main {

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
        try (MedfetchCommand root = new MedfetchCommand(settings -> open(settings, err), env, home)) {
            return Cli.create(root, out, err).execute(args);
        }
    }

    private Workspace open(Settings settings, PrintWriter err) {
        OkHttpClient http = httpClient();
        Resolvers resolvers = Hosts.resolvers(settings, http, warning -> {
            err.println("medfetch: " + warning);
            err.flush();
        });
        return new Workspace(settings.workspace(), catalog(settings), resolvers,
                transfers(settings, http, new HostAuthorizer(resolvers.all())), Clock.systemUTC());
    }

    /**
     * The transfers. The HTTP transfer (engine/http) takes {@code http} and {@code authorizer} (which
     * signs credentialed files before every attempt) when it lands.
     */
    private static Transfers transfers(Settings settings, OkHttpClient http, Authorizer authorizer) {
        return new Transfers(null, null);
    }

    /** The one HTTP client of a run (engine/http will offer a proxy-aware builder to use here instead). */
    private static OkHttpClient httpClient() {
        return new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(30)).readTimeout(Duration.ofSeconds(60))
                .writeTimeout(Duration.ofSeconds(60)).build();
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

    /**
     * Every resolver, in the order they are asked. Credential warnings are dropped: they only arise when
     * a link is resolved online, which {@link #run} wires with its error stream instead.
     */
    public static Resolvers resolvers(Settings settings) {
        return Hosts.resolvers(settings, httpClient(), warning -> { });
    }
}

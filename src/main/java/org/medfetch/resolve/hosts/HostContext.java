package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.medfetch.resolve.Endpoints;
import org.medfetch.resolve.Host;
import org.medfetch.resolve.web.ProbeCache;

/**
 * Everything a resolver is built from, the same for every host: the endpoints the user chose, the one
 * HTTP client, where credentials are read (and where warnings about them go), and the cache of what
 * probed links turned out to be. Every resolver has one constructor, {@code XxxResolver(HostContext)}.
 */
public final class HostContext {

    private final Endpoints endpoints;
    private final URI everywhere;
    private final Supplier<OkHttpClient> http;
    private final UserConfig user;
    private final ProbeCache probes;

    private HostContext(Endpoints endpoints, URI everywhere, Supplier<OkHttpClient> http, UserConfig user,
                        ProbeCache probes) {
        this.endpoints = endpoints;
        this.everywhere = everywhere;
        this.http = http;
        this.user = user;
        this.probes = probes;
    }

    public static HostContext of(Endpoints endpoints, OkHttpClient http, UserConfig user, ProbeCache probes) {
        return of(endpoints, () -> http, user, probes);
    }

    /**
     * @param http the one HTTP client, made on first use (it must hand out the same client every time):
     *             classifying a catalog builds every resolver and sends nothing
     */
    public static HostContext of(Endpoints endpoints, Supplier<OkHttpClient> http, UserConfig user,
                                 ProbeCache probes) {
        return new HostContext(endpoints, null, http, user, probes);
    }

    /** Every host's endpoint set to {@code base}: one local server plays every host (tests). */
    public static HostContext pointedAt(URI base, OkHttpClient http, UserConfig user) {
        return new HostContext(Endpoints.NONE, base, () -> http, user, ProbeCache.memory());
    }

    /**
     * The endpoint the user chose for {@code host} ({@code --endpoint}, {@code MEDFETCH_ENDPOINT_<NAME>},
     * the host's own variable), or null.
     *
     * @throws IllegalArgumentException when the host's own variable is not an http(s) URL
     */
    public URI endpoint(Host host) {
        return everywhere != null ? everywhere : endpoints.chosen(host).orElse(null);
    }

    /** The endpoint the user chose, else the host's default base URL (null when it has none). */
    public URI base(Host host) {
        URI chosen = endpoint(host);
        return chosen != null ? chosen : host.defaultBase();
    }

    /** {@link #base} as an okhttp URL, for hosts that always have one. */
    public HttpUrl api(Host host) {
        return HttpUrl.get(base(host).toString());
    }

    /** A client for {@code host}'s API: messages name it as {@code label}, a 401/403 adds {@code refusedHint}. */
    public HostClient client(String label, String refusedHint) {
        return new HostClient(http, label, refusedHint);
    }

    /** The HTTP client (made now, if nothing made it yet). */
    public OkHttpClient http() {
        return http.get();
    }

    public UserConfig user() {
        return user;
    }

    public ProbeCache probes() {
        return probes;
    }

}

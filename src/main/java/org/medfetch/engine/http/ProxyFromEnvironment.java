package org.medfetch.engine.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Authenticator;
import okhttp3.Credentials;

/**
 * Chooses a proxy the way command-line tools do, from {@code http_proxy}, {@code https_proxy} and
 * {@code no_proxy} (lower case first, then upper case). A {@code no_proxy} entry is a host name suffix
 * ({@code example.org} covers {@code data.example.org}); {@code *} turns proxies off. A proxy URL may
 * carry {@code user:password@}, sent as Basic credentials when the proxy asks for them.
 */
public final class ProxyFromEnvironment extends ProxySelector {

    /** Reference: curl(1), --proxy: "If the port number is not specified, it is assumed at port 1080." */
    static final int DEFAULT_PORT = 1080;

    private record Choice(Proxy proxy, String user, String password) {
    }

    private final Choice http;
    private final Choice https;
    private final List<String> noProxy = new ArrayList<>();
    private final boolean never;

    /** @throws IllegalArgumentException naming the variable whose value is not a proxy address */
    public ProxyFromEnvironment(Map<String, String> env) {
        this.http = parse(env, "http_proxy");
        this.https = parse(env, "https_proxy");
        String exceptions = variable(env, "no_proxy");
        boolean all = false;
        if (exceptions != null) {
            for (String entry : exceptions.split("[,\\s]+")) {
                String host = entry.strip().toLowerCase(Locale.ROOT).replaceFirst("^\\*?\\.", "");
                all |= host.equals("*");
                if (!host.isEmpty()) {
                    noProxy.add(host);
                }
            }
        }
        this.never = all;
    }

    /** No proxy at all, whatever the environment says. */
    public static ProxyFromEnvironment none() {
        return new ProxyFromEnvironment(Map.of());
    }

    @Override
    public List<Proxy> select(URI uri) {
        Choice choice = "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (choice == null || never || noProxy.stream().anyMatch(h -> host.equals(h) || host.endsWith("." + h))) {
            return List.of(Proxy.NO_PROXY);
        }
        return List.of(choice.proxy());
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        // One proxy per scheme: there is no other to fall back on, and the request reports the failure.
    }

    /** Answers a proxy's 407 with the credentials from its URL, once. */
    Authenticator authenticator() {
        return (route, response) -> {
            if (route == null || response.request().header("Proxy-Authorization") != null) {
                return null;
            }
            for (Choice c : new Choice[] {http, https}) {
                if (c != null && c.user() != null && c.proxy().equals(route.proxy())) {
                    return response.request().newBuilder()
                            .header("Proxy-Authorization", Credentials.basic(c.user(), c.password()))
                            .build();
                }
            }
            return null;
        };
    }

    private static Choice parse(Map<String, String> env, String name) {
        String value = variable(env, name);
        if (value == null) {
            return null;
        }
        String text = value.contains("://") ? value : "http://" + value;
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            Proxy.Type type = scheme.startsWith("socks") ? Proxy.Type.SOCKS : Proxy.Type.HTTP;
            if (uri.getHost() == null || !(type == Proxy.Type.SOCKS || scheme.equals("http") || scheme.equals("https"))) {
                throw new URISyntaxException(text, "no host, or an unknown scheme");
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : DEFAULT_PORT;
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
                password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
            }
            return new Choice(new Proxy(type, InetSocketAddress.createUnresolved(uri.getHost(), port)), user, password);
        } catch (URISyntaxException e) {
            // The value may hold a password: name the variable, not its value.
            throw new IllegalArgumentException(name + " (or " + name.toUpperCase(Locale.ROOT) + ") is not a proxy "
                    + "address such as http://proxy.example.org:3128");
        }
    }

    private static String variable(Map<String, String> env, String lowerCaseName) {
        String value = env.get(lowerCaseName);
        if (value == null || value.isBlank()) {
            value = env.get(lowerCaseName.toUpperCase(Locale.ROOT));
        }
        return value == null || value.isBlank() ? null : value.strip();
    }
}

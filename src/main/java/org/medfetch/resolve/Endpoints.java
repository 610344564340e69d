package org.medfetch.resolve;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The base URLs a user chose instead of the resolvers' defaults: {@code --endpoint NAME=URL} options,
 * then {@code MEDFETCH_ENDPOINT_<NAME>} environment variables (NAME upper-cased, '-' as '_'), then the
 * host's own variable when it has one ({@link Host#endpointVariable()}, e.g. HF_ENDPOINT). An option
 * wins over the environment, so a test or a one-off run can point one host elsewhere.
 */
public final class Endpoints {

    public static final String ENV_PREFIX = "MEDFETCH_ENDPOINT_";
    public static final Endpoints NONE = new Endpoints(Map.of(), Map.of(), Map.of());

    /** By resolver name as given, and by environment variable suffix; values already validated. */
    private final Map<String, URI> options;
    private final Map<String, URI> environment;
    /** The whole environment, for hosts' own variables (validated when a host asks). */
    private final Map<String, String> variables;

    private Endpoints(Map<String, URI> options, Map<String, URI> environment, Map<String, String> variables) {
        this.options = Map.copyOf(options);
        this.environment = Map.copyOf(environment);
        this.variables = Map.copyOf(variables);
    }

    /**
     * @throws IllegalArgumentException when a URL is not an absolute http(s) URL; the message names the
     *                                  option or variable it came from
     */
    public static Endpoints of(Map<String, String> options, Map<String, String> env) {
        Map<String, URI> byName = new LinkedHashMap<>();
        options.forEach((name, url) -> byName.put(name.strip().toLowerCase(Locale.ROOT),
                parse(url, "--endpoint " + name + "=" + url)));
        Map<String, URI> byVariable = new TreeMap<>();
        env.forEach((variable, url) -> {
            if (variable.startsWith(ENV_PREFIX) && !url.isBlank()) {
                byVariable.put(variable.substring(ENV_PREFIX.length()), parse(url, variable + "=" + url));
            }
        });
        return new Endpoints(byName, byVariable, env);
    }

    /** The variable that sets NAME's endpoint: MEDFETCH_ENDPOINT_HYPER_AI for hyper-ai. */
    public static String variable(String name) {
        return ENV_PREFIX + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** NAME's chosen base URL, if the user chose one. */
    public Optional<URI> chosen(String name) {
        URI option = options.get(name);
        if (option != null) {
            return Optional.of(option);
        }
        return Optional.ofNullable(environment.get(variable(name).substring(ENV_PREFIX.length())));
    }

    /**
     * The host's chosen base URL: {@code --endpoint}, then {@code MEDFETCH_ENDPOINT_<NAME>}, then the
     * host's own variable.
     *
     * @throws IllegalArgumentException naming the variable when the host's own variable is not a URL
     */
    public Optional<URI> chosen(Host host) {
        Optional<URI> chosen = chosen(host.name());
        String own = host.endpointVariable() == null ? null : variables.get(host.endpointVariable());
        if (chosen.isPresent() || own == null || own.isBlank()) {
            return chosen;
        }
        return Optional.of(parse(own, host.endpointVariable() + "=" + own));
    }

    /** NAME's chosen base URL, else {@code fallback} (which may be null: "the link's own host"). */
    public URI base(String name, URI fallback) {
        return chosen(name).orElse(fallback);
    }

    /**
     * @param valid the names of the resolvers that take an endpoint
     * @throws IllegalArgumentException naming the valid names when an option or variable names none of them
     */
    public void requireKnown(List<String> valid) {
        for (String name : options.keySet()) {
            if (!valid.contains(name)) {
                throw new IllegalArgumentException("--endpoint " + name + ": no resolver of that name takes an endpoint; "
                        + "use one of " + String.join(", ", valid) + " (medfetch resolvers lists them)");
            }
        }
        List<String> suffixes = valid.stream().map(n -> variable(n).substring(ENV_PREFIX.length())).toList();
        for (String suffix : environment.keySet()) {
            if (!suffixes.contains(suffix)) {
                throw new IllegalArgumentException(ENV_PREFIX + suffix + ": no resolver of that name takes an endpoint; "
                        + "use one of " + String.join(", ", valid.stream().map(Endpoints::variable).toList()));
            }
        }
    }

    private static URI parse(String text, String origin) {
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException(origin + ": an endpoint is an http(s) URL with a host, and no "
                        + "user, query or fragment, e.g. http://127.0.0.1:8080 or https://example.org/api/v1");
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            return new URI(scheme + "://" + uri.getRawAuthority() + path);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(origin + ": not a URL (" + e.getReason() + ")", e);
        }
    }
}

package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.medfetch.resolve.Authorizer;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;

/**
 * The {@link Authorizer} the HTTP engine calls before every attempt at a file that needs credentials:
 * it hands the stable URL to the resolver named by the file's {@code auth} (Kaggle adds its header,
 * AI Studio fetches a freshly signed URL, OpenDataLab adds its JWT, Zenodo its token).
 */
public final class HostAuthorizer implements Authorizer {

    private final Map<String, AuthorizesDownloads> byName = new LinkedHashMap<>();

    /** @param resolvers the registry's resolvers; those whose downloads need credentials are used */
    public HostAuthorizer(List<Resolver> resolvers) {
        for (Resolver resolver : resolvers) {
            if (resolver instanceof AuthorizesDownloads signer) {
                byName.put(resolver.name(), signer);
            }
        }
    }

    @Override
    public Authorized authorize(String auth, URI stableUrl) throws ResolveException {
        AuthorizesDownloads signer = byName.get(auth);
        if (signer == null) {
            throw new ResolveException("no credentials named '" + auth + "' (medfetch knows " + String.join(", ",
                    byName.keySet()) + ")", false);
        }
        return signer.authorize(stableUrl);
    }

    /**
     * Refuses to send a host's credentials anywhere but to its own scheme, host and port, whatever URL a
     * database row holds.
     */
    public static void requireOrigin(URI url, HttpUrl base, String host) throws ResolveException {
        HttpUrl target = HttpUrl.parse(url.toString());
        if (target == null) {
            throw new ResolveException("refusing to send " + host + " credentials to a URL that is not http(s)", false);
        }
        if (!target.scheme().equals(base.scheme()) || !target.host().equals(base.host()) || target.port() != base.port()) {
            throw new ResolveException("refusing to send " + host + " credentials to " + target.scheme() + "://"
                    + target.host() + ":" + target.port() + " (they belong to " + base.host() + ")", false);
        }
    }
}

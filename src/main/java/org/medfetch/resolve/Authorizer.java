package org.medfetch.resolve;

import java.net.URI;
import java.util.Map;

/**
 * Turns the stable URL of a file that needs credentials into the request a server accepts right now:
 * credential headers, or a freshly signed URL for hosts whose downloads expire. Called before every
 * attempt, so an expired signed URL is simply asked for again. Secrets stay inside the returned value,
 * which nobody stores or prints.
 */
public interface Authorizer {

    Authorizer NONE = (auth, url) -> new Authorized(url, Map.of());

    /**
     * @param auth the credentials a source names ({@link Source.HttpSource#auth()}), never null
     * @throws ResolveException when the credentials are missing or the host refuses to sign
     */
    Authorized authorize(String auth, URI stableUrl) throws ResolveException;

    /** The URL to request and the headers to send with it. */
    record Authorized(URI url, Map<String, String> headers) {
        public Authorized {
            headers = Map.copyOf(headers);
        }

        @Override
        public String toString() {
            return "Authorized[" + url.getScheme() + "://" + url.getHost() + url.getPath() + ", headers hidden]";
        }
    }
}

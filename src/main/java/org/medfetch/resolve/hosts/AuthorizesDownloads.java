package org.medfetch.resolve.hosts;

import java.net.URI;
import org.medfetch.resolve.Authorizer;
import org.medfetch.resolve.ResolveException;

/**
 * A resolver whose sources need its credentials ({@code auth} = its name): it turns one of its stable
 * download URLs into the request to make now. {@link HostAuthorizer} dispatches to it by name.
 */
public interface AuthorizesDownloads {

    /**
     * @throws ResolveException when the credentials are gone, the host refuses to sign, or the URL is
     *                          not on the resolver's host (credentials only go where they belong)
     */
    Authorizer.Authorized authorize(URI stableUrl) throws ResolveException;
}

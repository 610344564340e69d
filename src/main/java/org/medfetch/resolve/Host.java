package org.medfetch.resolve;

import java.net.URI;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a host is, said once, in the host's own file: everything that the rest of medfetch (the
 * registry, {@code medfetch resolvers}, the mirror registry, docs/hosts.md, the tests' link tables)
 * needs to know about it without calling it.
 *
 * @param name          stable id, stored in state.db and manifests, and the NAME of {@code --endpoint NAME=URL}
 * @param defaultBase   the API's base URL, or null when there is none (the resolver stays offline, or it
 *                      calls the link's own host)
 * @param takesEndpoint whether {@code --endpoint NAME=URL} applies (to the default base, or, without one,
 *                      to the link's scheme, host and port)
 * @param domains       the sites it owns, for the docs; empty for hosts recognised by link shape alone
 * @param examples      a link of each shape it owns (from the bundled catalog where it has one); tests
 *                      check that the registry gives each of them to this host and to no other
 * @param credentials   where credentials are read, in the order they are tried
 * @param notes         one line for the docs' host table: what medfetch does with its links
 * @param idLink        turns an id of this host in the mirror registry (a record number, OWNER/NAME, a
 *                      DOI) into a link this host accepts; null when mirrors never name this host by id
 * @param endpointVariable the host's own environment variable for its base URL, read after
 *                      {@code --endpoint} and {@code MEDFETCH_ENDPOINT_<NAME>} (HF_ENDPOINT, as
 *                      huggingface_hub reads it), or null
 * @param account       every request to it needs credentials (an account): listings say access
 *                      {@code account:NAME}; hosts where credentials are optional leave it false
 */
public record Host(String name, URI defaultBase, boolean takesEndpoint, List<String> domains, List<String> examples,
                   List<String> credentials, String notes, UnaryOperator<String> idLink, String endpointVariable,
                   boolean account) {

    public Host {
        domains = List.copyOf(domains);
        examples = List.copyOf(examples);
        credentials = List.copyOf(credentials);
    }

    /** A host that stays offline and owns no site yet: add what applies with the methods below. */
    public static Host named(String name, String notes) {
        return new Host(name, null, false, List.of(), List.of(), List.of(), notes, null, null, false);
    }

    /** Its API lives at {@code base}, which {@code --endpoint NAME=URL} replaces. */
    public Host api(String base) {
        return new Host(name, URI.create(base), true, domains, examples, credentials, notes, idLink,
                endpointVariable, account);
    }

    /** It calls the link's own host, whose scheme, host and port {@code --endpoint NAME=URL} replaces. */
    public Host linkHostEndpoint() {
        return new Host(name, defaultBase, true, domains, examples, credentials, notes, idLink,
                endpointVariable, account);
    }

    public Host domains(String... sites) {
        return new Host(name, defaultBase, takesEndpoint, List.of(sites), examples, credentials, notes, idLink,
                endpointVariable, account);
    }

    public Host examples(String... links) {
        return new Host(name, defaultBase, takesEndpoint, domains, List.of(links), credentials, notes, idLink,
                endpointVariable, account);
    }

    public Host credentials(List<String> sources) {
        return new Host(name, defaultBase, takesEndpoint, domains, examples, sources, notes, idLink,
                endpointVariable, account);
    }

    /**
     * Its base URL may also come from the host's own {@code variable}, as the host's official client reads
     * it; {@code --endpoint} and {@code MEDFETCH_ENDPOINT_<NAME>} still win.
     */
    public Host endpointVariable(String variable) {
        return new Host(name, defaultBase, takesEndpoint, domains, examples, credentials, notes, idLink, variable,
                account);
    }

    /** Every request needs credentials: without them a person must act (listings say account:NAME). */
    public Host accountRequired() {
        return new Host(name, defaultBase, takesEndpoint, domains, examples, credentials, notes, idLink, endpointVariable,
                true);
    }

    public Host ids(UnaryOperator<String> link) {
        return new Host(name, defaultBase, takesEndpoint, domains, examples, credentials, notes, link, endpointVariable,
                account);
    }
}

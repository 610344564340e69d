package org.medfetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.medfetch.resolve.Host;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Resolvers;
import org.medfetch.resolve.hosts.HostContext;
import org.medfetch.resolve.hosts.UserConfig;
import org.medfetch.resolve.mirrors.Mirror;
import org.medfetch.resolve.mirrors.MirrorRegistry;

/**
 * What is derived from the registry stays derived: each host's example links reach that host through
 * the whole ordered list, names are unique, every mirror kind is a host that takes ids, and the host
 * table of docs/hosts.md is the one the registry generates. Regenerate the table with
 * {@code mvn test -Dtest=HostsRegistryTest -Dmedfetch.writeDocs=true}.
 */
class HostsRegistryTest {

    static final Path DOCS = Path.of("docs/hosts.md");
    static final String BEGIN = "<!-- host table: generated from the registry by HostsRegistryTest -->";
    static final String END = "<!-- end of host table -->";

    final List<Resolver> registry = Hosts.all(HostContext.pointedAt(URI.create("http://127.0.0.1:9"),
            new OkHttpClient(), new UserConfig(Map.of(), Path.of("no-home"), w -> { })));
    final Resolvers resolvers = new Resolvers(registry);

    @Test
    void everyExampleLinkReachesItsOwnHost() {
        for (Resolver resolver : registry) {
            assertFalse(resolver.host().examples().isEmpty(), resolver.name() + " has no example link");
            for (String link : resolver.host().examples()) {
                URI uri = Resolvers.parse(link).orElseThrow(() -> new AssertionError(link + " does not parse"));
                assertEquals(resolver.name(), resolvers.owner(uri).map(Resolver::name).orElse("nobody"), link);
            }
        }
    }

    @Test
    void namesAreUniqueAndEndpointNamesAreVariables() {
        Set<String> names = new HashSet<>();
        for (Resolver resolver : registry) {
            assertTrue(names.add(resolver.name()), resolver.name() + " twice");
            assertTrue(resolver.name().matches("[a-z][a-z0-9-]*"), resolver.name());
        }
    }

    @Test
    void everyMirrorKindIsAHostThatTakesIdsOrAPlainKind() {
        for (Mirror mirror : MirrorRegistry.bundled().all()) {
            if (!mirror.kind().equals("http") && !mirror.kind().equals("torrent")) {
                assertTrue(resolvers.byName(mirror.kind()).map(r -> r.host().idLink() != null).orElse(false),
                        () -> "mirror kind '" + mirror.kind() + "' names no host that takes ids");
            }
        }
    }

    @Test
    void docsHostTableIsTheGeneratedOne() throws IOException {
        String docs = Files.readString(DOCS);
        int begin = docs.indexOf(BEGIN);
        int end = docs.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "docs/hosts.md lacks the markers " + BEGIN + " ... " + END);
        String expected = BEGIN + "\n" + table() + END;
        String updated = docs.substring(0, begin) + expected + docs.substring(end + END.length());
        if (Boolean.getBoolean("medfetch.writeDocs")) {
            Files.writeString(DOCS, updated);
            return;
        }
        assertEquals(updated, docs, "docs/hosts.md's host table differs from the registry; regenerate it with "
                + "mvn test -Dtest=HostsRegistryTest -Dmedfetch.writeDocs=true");
    }

    /** One row per host, in registry order. */
    String table() {
        StringBuilder out = new StringBuilder("| resolver | what medfetch does | sites | credentials | `--endpoint` |\n"
                + "|---|---|---|---|---|\n");
        for (Resolver resolver : registry) {
            Host host = resolver.host();
            out.append("| `").append(host.name()).append("` | ").append(host.notes()).append(" | ")
                    .append(host.domains().isEmpty() ? "any (by link shape)" : String.join(", ", host.domains()))
                    .append(" | ").append(host.credentials().isEmpty() ? "" : host.credentials().stream()
                            .map(c -> c.replace("|", "\\|")).collect(Collectors.joining("; ")))
                    .append(" | ").append(!host.takesEndpoint() ? "" : host.defaultBase() != null
                            ? host.defaultBase().toString() : "the link's own host")
                    .append(host.endpointVariable() == null ? "" : " (or `$" + host.endpointVariable() + "`)")
                    .append(" |\n");
        }
        return out.toString();
    }
}

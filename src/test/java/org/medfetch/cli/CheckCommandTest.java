package org.medfetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** medfetch check against a local server that plays every kind of link. */
class CheckCommandTest {

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private int limited;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String path = r.getUrl().encodedPath();
                boolean head = r.getMethod().equals("HEAD");
                return switch (path) {
                    case "/ok.zip", "/login" -> new MockResponse.Builder().code(200).build();
                    case "/nohead.zip" -> new MockResponse.Builder().code(head ? 405 : 206).body(head ? "" : "x").build();
                    case "/moved.zip" -> new MockResponse.Builder().code(301).setHeader("Location", "/ok.zip").build();
                    case "/signed.zip" -> new MockResponse.Builder().code(302).setHeader("Location", "/login?next=x").build();
                    case "/private.zip" -> new MockResponse.Builder().code(403).build();
                    case "/limited.zip" -> limited++ == 0
                            ? new MockResponse.Builder().code(429).setHeader("Retry-After", "0").build()
                            : new MockResponse.Builder().code(200).build();
                    default -> new MockResponse.Builder().code(404).build();
                };
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void reportsAliveMovedDeadAndNeedsLogin() throws Exception {
        Path catalog = dir.resolve("c.md");
        StringBuilder md = new StringBuilder();
        for (String name : new String[] {"ok", "nohead", "moved", "signed", "private", "limited", "gone"}) {
            md.append("- [").append(name).append("](").append(server.url("/" + name + ".zip")).append(")\n");
        }
        md.append("- [magnet](magnet:?xt=urn:btih:").append("0".repeat(40)).append(")\n");
        Files.writeString(catalog, md);
        CliRun run = CliRun.run("--catalog", catalog.toString(), "--no-mirrors", "check", "--json");
        assertEquals(1, run.exitCode(), run.err());
        Map<String, String> verdicts = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : run.lines()) {
            JsonNode n = json.readTree(line);
            verdicts.put(n.get("dataset").asText(), n.get("verdict").asText());
        }
        assertEquals(Map.of("ok", "alive", "nohead", "alive", "moved", "moved", "signed", "needs-login",
                "private", "needs-login", "limited", "alive", "gone", "dead", "magnet", "skipped"), verdicts);
    }

    @Test
    void checksMirrorsToo() throws Exception {
        Path catalog = dir.resolve("c.md");
        Files.writeString(catalog, "- [FIRE](" + server.url("/ok.zip") + ")\n");
        Path mirrors = dir.resolve("m.tsv");
        Files.writeString(mirrors, "catalog_dataset\tcatalog_name\tkind\turl_or_id\tfilename\tsize_bytes\tchecksum_algo\t"
                + "checksum\tsource_of_fact\nFIRE\tFIRE copy\thttp\t" + server.url("/gone.zip") + "\tgone.zip\t\t\t\ttest\n");
        CliRun run = CliRun.run("--catalog", catalog.toString(), "--mirrors", mirrors.toString(), "check", "FIRE");
        assertEquals(1, run.exitCode(), run.err());
        String out = run.out();
        org.junit.jupiter.api.Assertions.assertTrue(out.contains("catalog         alive"), out);
        org.junit.jupiter.api.Assertions.assertTrue(out.contains("mirror primary  dead"), out);
    }
}

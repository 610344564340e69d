package org.medfetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A URL whose file name is longer than a file system takes still downloads, under a shortened name. */
class LongNamesTest {

    @TempDir
    Path ws;

    @Test
    void aTooLongFileNameFromTheUrlIsShortenedNotAFailure() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(200).body("volume").build());
            server.start();
            String name = "subject-0001_".repeat(25) + ".nii.gz";
            CliRun get = CliRun.in(ws, "get", server.url("/data/" + name).toString(), "--no-progress");
            assertEquals(0, get.exitCode(), get.err());
            try (Stream<Path> files = Files.walk(ws.resolve("downloads"))) {
                List<Path> written = files.filter(Files::isRegularFile)
                        .filter(p -> !p.toString().contains(".medfetch")).toList();
                assertEquals(1, written.size(), written.toString());
                String fitted = written.get(0).getFileName().toString();
                assertTrue(fitted.getBytes(StandardCharsets.UTF_8).length <= 223 && fitted.endsWith(".nii.gz"), fitted);
                assertEquals("volume", Files.readString(written.get(0)));
                assertTrue(get.out().contains(fitted), get.out());
            }
        }
    }
}

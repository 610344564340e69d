package org.medfetch.engine.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medfetch.engine.CompletedFile;
import org.medfetch.store.NewFile;

/** Files whose name the server chooses: Content-Disposition, the URL, and names meant to escape. */
class ServerNamedTest {

    @TempDir
    Path dir;

    final byte[] content = Fixture.random(20_000, 4);
    final FileServer files = new FileServer(content);
    Fixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new Fixture(dir.resolve("ws"), files);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    CompletedFile fetch(String urlPath) throws Exception {
        fixture.file(fixture.url(urlPath), null);
        return fixture.fetch();
    }

    @Test
    void extendedFileNameIsPreferred() throws Exception {
        files.contentDisposition = "attachment; filename=\"plain.zip\"; filename*=UTF-8''r%C3%A9sum%C3%A9.zip";

        CompletedFile file = fetch(FileServer.PATH);

        assertEquals(fixture.dataset().resolve("résumé.zip"), file.path());
        assertEquals("downloads/ds/résumé.zip", fixture.record().path());
        assertEquals(Fixture.sha256(content), Fixture.sha256(file.path()));
    }

    @Test
    void plainFileNameWithSemicolonInQuotes() throws Exception {
        files.contentDisposition = "attachment; filename=\"a;b.tar\"";

        assertEquals(fixture.dataset().resolve("a;b.tar"), fetch(FileServer.PATH).path());
    }

    @Test
    void withoutContentDispositionTheUrlAfterRedirectsNamesTheFile() throws Exception {
        CompletedFile file = fetch(FileServer.SIGNED);

        assertEquals(fixture.dataset().resolve("data.bin"), file.path());
        assertEquals("downloads/ds/data.bin", fixture.record().path());
    }

    @Test
    void nothingUsableGivesTheFallbackName() throws Exception {
        files.contentDisposition = "attachment; filename=\"..\"";

        assertEquals(fixture.dataset().resolve("download"), fetch("/").path());
    }

    @Test
    void aNameAnotherFileHasIsNotTaken() throws Exception {
        files.contentDisposition = "attachment; filename=\"taken.bin\"";
        fixture.file(fixture.url(FileServer.PATH), null);
        fixture.store.addFile(fixture.record().jobId(), new NewFile("http", "elsewhere", "downloads/ds/taken.bin",
                null, null, null, null));

        CompletedFile file = fixture.fetch();

        assertEquals(fixture.dataset().resolve("download"), file.path());
        assertEquals("downloads/ds/download", fixture.record().path());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "attachment; filename=\"../x\"|x",
            "attachment; filename=\"/etc/passwd\"|passwd",
            "attachment; filename*=UTF-8''a%00b|ab",
            "attachment; filename=\"C:\\\\x\"|x",
            "attachment; filename*=UTF-8''..%2F..%2F..%2Fevil.sh|evil.sh",
            "attachment; filename=\"..\\\\..\\\\win.ini\"|win.ini",
            "attachment; filename=\".hidden\"|hidden"})
    void hostileNamesStayInsideTheDatasetFolder(String disposition, String expected) throws Exception {
        files.contentDisposition = disposition;

        CompletedFile file = fetch(FileServer.PATH);

        assertEquals(fixture.dataset().resolve(expected), file.path());
        try (Stream<Path> all = Files.walk(dir)) {
            List<Path> written = all.filter(Files::isRegularFile).filter(p -> !p.toString().contains(".medfetch"))
                    .toList();
            assertEquals(List.of(file.path()), written);
        }
        assertTrue(file.path().startsWith(fixture.dataset()));
    }
}

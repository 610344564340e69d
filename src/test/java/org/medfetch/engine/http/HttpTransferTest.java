package org.medfetch.engine.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medfetch.engine.CompletedFile;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.TransferException.Kind;
import org.medfetch.resolve.Authorizer;
import org.medfetch.resolve.Checksum;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Source.HttpSource;
import org.medfetch.store.Segment;

/** Whole-file downloads over one connection: the happy paths and every answer that must not become a file. */
class HttpTransferTest {

    @TempDir
    Path dir;

    final byte[] content = Fixture.random(300_000, 1);
    final FileServer files = new FileServer(content);
    Fixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new Fixture(dir, files);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    URI url(String path) {
        return fixture.server.url(path).uri();
    }

    List<CompletedFile> fetch() throws Exception {
        return fixture.fetch(new Fixture.Recording());
    }

    TransferException failure() {
        return assertThrows(TransferException.class, this::fetch);
    }

    @Test
    void downloadsWithRangesIntoPartThenRenames() throws Exception {
        fixture.file(url(FileServer.PATH), "data.bin");
        Fixture.Recording progress = new Fixture.Recording();

        List<CompletedFile> done = fixture.fetch(progress);

        Path target = fixture.dataset().resolve("data.bin");
        assertEquals(List.of(new CompletedFile(target, content.length, Fixture.sha256(content))), done);
        assertArrayEquals(content, Files.readAllBytes(target));
        assertFalse(Files.exists(fixture.dataset().resolve("data.bin.part")));
        assertEquals("bytes=0-", files.rangesAsked().get(0));
        assertEquals(content.length, progress.advanced.get());
        assertTrue(progress.events.contains("status verifying"), progress.events.toString());
        assertEquals("\"v1\"", fixture.record().etag());
        assertEquals(files.lastModified, fixture.record().lastModified());
        assertEquals((long) content.length, fixture.record().size());
    }

    @Test
    void serverWithoutRangesIsOneStream() throws Exception {
        files.ranges = false;
        fixture.file(url(FileServer.PATH), "data.bin");

        assertEquals(Fixture.sha256(content), fetch().get(0).sha256());
        assertEquals(List.of(new Segment(0, 0, content.length, content.length)), fixture.store.segments(fixture.fileId));
    }

    @Test
    void unknownLengthStreamEndsTheFile() throws Exception {
        files.ranges = false;
        files.chunked = true;
        fixture.file(url(FileServer.PATH), "data.bin");

        CompletedFile done = fetch().get(0);

        assertEquals(content.length, done.size());
        assertEquals(Fixture.sha256(content), done.sha256());
    }

    @Test
    void moreBytesThanPublishedIsASizeMismatch() {
        files.ranges = false;
        files.chunked = true;
        fixture.file(url(FileServer.PATH), "data.bin", 1000L, List.of());

        TransferException e = failure();

        assertEquals(Kind.SIZE_MISMATCH, e.kind());
        assertFalse(e.retryable());
        assertFalse(Files.exists(fixture.dataset().resolve("data.bin")));
    }

    @Test
    void sizeDifferentFromPublishedNamesBoth() {
        fixture.file(url(FileServer.PATH), "data.bin", 12345L, List.of());

        TransferException e = failure();

        assertEquals(Kind.SIZE_MISMATCH, e.kind());
        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("12345") && e.getMessage().contains(Integer.toString(content.length)),
                e.getMessage());
    }

    @Test
    void publishedChecksumsAreVerified() throws Exception {
        fixture.file(url(FileServer.PATH), "data.bin", (long) content.length, List.of(
                new Checksum("md5", Fixture.hex("MD5", content)), new Checksum("sha512", Fixture.hex("SHA-512", content))));

        assertEquals(Fixture.sha256(content), fetch().get(0).sha256());
    }

    @Test
    void checksumMismatchKeepsThePartAndForgetsProgress() {
        String wrong = "0".repeat(32);
        fixture.file(url(FileServer.PATH), "data.bin", null, List.of(new Checksum("md5", wrong)));

        TransferException e = failure();

        assertEquals(Kind.CHECKSUM, e.kind());
        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("md5:" + wrong) && e.getMessage().contains(Fixture.hex("MD5", content)),
                e.getMessage());
        assertTrue(Files.exists(fixture.dataset().resolve("data.bin.part")));
        assertFalse(Files.exists(fixture.dataset().resolve("data.bin")));
        assertTrue(fixture.store.segments(fixture.fileId).isEmpty());
    }

    @Test
    void emptyFile() throws Exception {
        files.content = new byte[0];
        fixture.file(url(FileServer.PATH), "empty.bin");

        CompletedFile done = fetch().get(0);

        assertEquals(0, done.size());
        assertEquals(Fixture.sha256(new byte[0]), done.sha256());
        assertEquals(0, Files.size(done.path()));
    }

    @Test
    void redirectToSignedUrlIsFollowedAndRecordedWithoutItsQuery() throws Exception {
        fixture.file(url(FileServer.SIGNED), "data.bin");

        assertEquals(Fixture.sha256(content), fetch().get(0).sha256());
        assertEquals(fixture.server.url(FileServer.PATH).toString(), fixture.record().finalUrl());
    }

    @Test
    void errorMessagesNeverCarryTheSignedQuery() {
        files.errors.set(100);
        files.errorCode = 404;
        fixture.file(url(FileServer.SIGNED), "data.bin");

        TransferException e = failure();

        assertEquals("not found (404): " + fixture.server.url(FileServer.PATH), e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t"));
    }

    @ParameterizedTest
    @CsvSource({
            "404, HTTP_STATUS, false, not found (404)",
            "410, HTTP_STATUS, false, not found (410)",
            "401, AUTH, false, access denied (401)",
            "403, AUTH, false, access denied (403)",
            "400, HTTP_STATUS, false, unexpected answer (400)",
            "408, HTTP_STATUS, true, server busy or failing (408)",
            "500, HTTP_STATUS, true, server busy or failing (500)"})
    void statusesAreClassified(int code, Kind kind, boolean retryable, String message) {
        files.errors.set(5); // okhttp itself repeats a request once after a 408
        files.errorCode = code;
        fixture.file(url(FileServer.PATH), "data.bin");

        TransferException e = failure();

        assertEquals(kind, e.kind());
        assertEquals(retryable, e.retryable());
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void busyServerIsRetryableAndSaysWhenToComeBack() throws Exception {
        files.errors.set(1);
        files.errorCode = 429;
        files.retryAfter = "120";
        fixture.file(url(FileServer.PATH), "data.bin");

        TransferException e = failure();

        assertEquals(Kind.HTTP_STATUS, e.kind());
        assertTrue(e.retryable());
        assertEquals(120, e.retryAfter().toSeconds());
        assertEquals(Fixture.sha256(content), fetch().get(0).sha256());
    }

    @Test
    void serverErrorsAreRetryableUntilTheyPass() throws Exception {
        files.errors.set(2);
        files.errorCode = 503;
        fixture.file(url(FileServer.PATH), "data.bin");

        for (int i = 0; i < 2; i++) {
            TransferException e = failure();
            assertEquals(Kind.HTTP_STATUS, e.kind());
            assertTrue(e.retryable());
            assertNull(e.retryAfter());
        }
        assertEquals(Fixture.sha256(content), fetch().get(0).sha256());
    }

    @Test
    void refusedConnectionIsARetryableNetworkError() throws Exception {
        URI gone = url(FileServer.PATH);
        fixture.server.close();
        fixture.file(gone, "data.bin");

        TransferException e = failure();

        assertEquals(Kind.NETWORK, e.kind());
        assertTrue(e.retryable());
    }

    @Test
    void htmlPageInsteadOfAnArchiveIsAnError() {
        files.html = true;
        fixture.file(url("/files/data.zip"), "data.zip");

        TransferException e = failure();

        assertEquals(Kind.HTML_PAGE, e.kind());
        assertFalse(e.retryable());
        assertFalse(Files.exists(fixture.dataset().resolve("data.zip")));
    }

    @Test
    void htmlIsFineWhenAPageIsWhatWasAsked() throws Exception {
        files.html = true;
        fixture.file(url("/files/index.html"), "index.html");

        assertTrue(Files.readString(fetch().get(0).path()).contains("log in"));
    }

    @Test
    void notEnoughDiskSpaceFailsBeforeWriting() {
        files.content = new byte[0];
        fixture.file(url(FileServer.PATH), "huge.bin");
        files.content = content;
        // A size larger than any disk: the check must fail before a byte lands.
        fixture.server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                long total = 1L << 60;
                return new mockwebserver3.MockResponse.Builder().code(206)
                        .setHeader("Content-Range", "bytes 0-" + (total - 1) + "/" + total)
                        .body("x").build();
            }
        });

        TransferException e = failure();

        assertEquals(Kind.DISK_FULL, e.kind());
        assertTrue(e.retryable());
        assertTrue(e.getMessage().contains(Long.toString(1L << 60)), e.getMessage());
        assertFalse(Files.exists(fixture.dataset().resolve("huge.bin.part")));
    }

    @Test
    void authorizerSignsEveryRequest() throws Exception {
        fixture.file(url("/stable/api/file"), "data.bin");
        fixture.source = new HttpSource(fixture.source.url(), "data.bin", null, List.of(), "zenodo");
        List<String> asked = new java.util.ArrayList<>();
        Authorizer signer = (auth, stable) -> {
            asked.add(auth + " " + stable.getPath());
            return new Authorizer.Authorized(url(FileServer.PATH + "?" + FileServer.SECRET),
                    java.util.Map.of("Authorization", "Bearer t0ken"));
        };

        CompletedFile done = new HttpTransfer(fixture.client, signer).fetch(fixture.task(), new Fixture.Recording()).get(0);

        assertEquals(Fixture.sha256(content), done.sha256());
        assertEquals(List.of("zenodo /stable/api/file"), asked);
        assertEquals("Bearer t0ken", files.requests.get(0).getHeaders().get("Authorization"));
        assertEquals(FileServer.SECRET, files.requests.get(0).getUrl().query());
        assertEquals(fixture.server.url(FileServer.PATH).toString(), fixture.record().finalUrl());
    }

    @Test
    void signingFailuresAreClassified() {
        fixture.file(url(FileServer.PATH), "data.bin");
        fixture.source = new HttpSource(fixture.source.url(), "data.bin", null, List.of(), "zenodo");

        TransferException busy = assertThrows(TransferException.class, () -> new HttpTransfer(fixture.client,
                (auth, u) -> { throw new ResolveException("API busy (503)", true); })
                .fetch(fixture.task(), new Fixture.Recording()));
        TransferException refused = assertThrows(TransferException.class, () -> new HttpTransfer(fixture.client,
                (auth, u) -> { throw new ResolveException("no token configured", false); })
                .fetch(fixture.task(), new Fixture.Recording()));

        assertEquals(Kind.NETWORK, busy.kind());
        assertTrue(busy.retryable());
        assertEquals(Kind.AUTH, refused.kind());
        assertFalse(refused.retryable());
        assertTrue(files.requests.isEmpty());
    }
}

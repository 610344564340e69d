package org.medfetch.resolve.hosts.gdrive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfetch.resolve.Authorizer;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;
import org.medfetch.resolve.hosts.FakeHost;
import org.medfetch.resolve.hosts.HostAuthorizer;
import org.medfetch.resolve.hosts.HostContext;
import org.medfetch.resolve.hosts.ResolverContract;

class GoogleDriveResolverTest extends ResolverContract {

    @Override
    protected FakeHost fake() {
        return new DriveFake();
    }

    @Override
    protected Resolver resolver(HostContext context) {
        return new GoogleDriveResolver(context);
    }

    @Override
    protected String resolvableLink() {
        return "https://drive.google.com/file/d/" + DriveFake.SMALL + "/view?usp=sharing";
    }

    @Override
    protected boolean readsJson() {
        return false;
    }

    private Source.HttpSource only(String link) throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(link));
        assertEquals(1, fetch.sources().size());
        return (Source.HttpSource) fetch.sources().get(0);
    }

    @Test
    void aSmallFileIsNamedByDriveAndStoredByItsStableLink() throws ResolveException {
        Source.HttpSource file = only("https://drive.google.com/open?id=" + DriveFake.SMALL);
        assertEquals("scan.nii.gz", file.path());
        assertEquals(fake.base() + "uc?id=" + DriveFake.SMALL + "&export=download", file.url().toString());
        assertEquals(GoogleDriveResolver.NAME, file.auth(), "every attempt asks Drive afresh");
        assertEquals("bytes=0-0", fake.to("/download").get(0).getHeaders().get("Range"), "resolving reads no file");
    }

    @Test
    void aLargeFileGoesThroughTheRecordedConfirmationForm() throws ResolveException {
        Source.HttpSource file = only("https://drive.google.com/uc?id=" + DriveFake.LARGE + "&export=download");
        assertEquals("101_ObjectCategories.tar.gz", file.path());
        Authorizer.Authorized now = new HostAuthorizer(List.of(resolver)).authorize(file.auth(), file.url());
        assertEquals(fake.base() + "download?id=" + DriveFake.LARGE + "&export=download&confirm=t"
                + "&uuid=29caa046-0818-4b88-aa71-aa9aca00d098", now.url().toString());
        assertTrue(now.headers().isEmpty());
    }

    @Test
    void theOlderFormCarriesItsTokensInTheAction() {
        String html = fake.text("gdrive/virus-scan-2023.html");
        assertEquals("https://drive.google.com/uc?id=1PEkrNN4T2ZoqwDrpMU9Oeq8Go8AytqLw&export=download&confirm=t"
                + "&uuid=101dbe7d-82de-481f-bfaa-5818d78f7371&at=AB6BwCAgjyngdnNlVCwiqXjM9DfR:1697014097734",
                DrivePage.confirmation(html));
        assertEquals("Matrix-lecture1.mp4", DrivePage.fileName(html));
        assertNull(DrivePage.confirmation(fake.text("gdrive/quota-exceeded.html")));
    }

    @Test
    void quotaExceededIsRetryableAndSaysSo() {
        ResolveException e = assertThrows(ResolveException.class,
                () -> resolve("https://drive.google.com/file/d/" + DriveFake.QUOTA + "/view"));
        assertTrue(e.retryable(), e.getMessage());
        assertTrue(e.getMessage().contains("Too many users have viewed or downloaded this file recently"), e.getMessage());
        ResolveException atDownload = assertThrows(ResolveException.class, () -> new HostAuthorizer(List.of(resolver))
                .authorize(GoogleDriveResolver.NAME, URI.create(fake.base() + "uc?id=" + DriveFake.QUOTA + "&export=download")));
        assertTrue(atDownload.retryable());
    }

    @Test
    void aFileThatIsNotSharedIsSteps() throws ResolveException {
        Resolution.Manual manual = assertInstanceOf(Resolution.Manual.class,
                resolve("https://drive.google.com/file/d/" + DriveFake.PRIVATE + "/view"));
        assertTrue(manual.instructions().render().contains("request access"), manual.instructions().render());
    }

    @Test
    void aFolderIsListedWithItsSubFolders() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class,
                resolve("https://drive.google.com/drive/folders/" + DriveFake.FOLDER + "?usp=sharing"));
        assertEquals(List.of("file_00.txt", "file_01.txt", "photo.jpg", "subfolder/inner.nii.gz"),
                fetch.sources().stream().map(Source::path).toList());
        assertEquals(fake.base() + "uc?id=108RHF3bQb6dgOByv_KMGzHuktJOwU_jL&export=download",
                ((Source.HttpSource) fetch.sources().get(0)).url().toString());
    }

    @Test
    void aFolderThatIsNotSharedIsSteps() throws ResolveException {
        assertInstanceOf(Resolution.Manual.class, resolve("https://drive.google.com/drive/folders/1otherFOLDER000"));
    }

    @Test
    void credentialsNeverLeaveForAnotherHost() {
        ResolveException e = assertThrows(ResolveException.class, () -> new HostAuthorizer(List.of(resolver))
                .authorize(GoogleDriveResolver.NAME, URI.create("https://example.org/uc?id=x")));
        assertFalse(e.retryable());
    }

    @Test
    void linksWithoutAnIdAreSteps() {
        assertEquals("manual", resolver.classify(entry("https://drive.google.com/drive/my-drive"),
                URI.create("https://drive.google.com/drive/my-drive")).linkClass().label());
        assertFalse(resolver.accepts(URI.create("https://docs.google.com/spreadsheets/d/1xYzAbC/edit")));
    }
}

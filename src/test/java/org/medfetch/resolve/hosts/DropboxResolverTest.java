package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.Source;

/** Dropbox shares: dl=0 shows a preview page, dl=1 the file (or a folder's zip). Offline: no request. */
class DropboxResolverTest {

    final DropboxResolver resolver = new DropboxResolver(HostContext.pointedAt(URI.create("http://127.0.0.1:9"),
            new OkHttpClient(), new UserConfig(Map.of(), Path.of("no-home"), w -> { })));

    private Source.HttpSource only(String link) {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class,
                resolver.resolve(ResolverContract.entry(link), URI.create(link)));
        return (Source.HttpSource) fetch.sources().get(0);
    }

    @Test
    void sharedFileIsFetchedWithDl1() {
        Source.HttpSource file = only("https://www.dropbox.com/s/8r4wqsiq7zv1ajk/DRIVE.zip?dl=0");
        assertEquals("https://www.dropbox.com/s/8r4wqsiq7zv1ajk/DRIVE.zip?dl=1", file.url().toString());
        assertEquals("DRIVE.zip", file.path());
        Source.HttpSource newer = only("https://www.dropbox.com/scl/fi/abc/scans.nii.gz?rlkey=xyz&dl=0");
        assertEquals("https://www.dropbox.com/scl/fi/abc/scans.nii.gz?rlkey=xyz&dl=1", newer.url().toString());
    }

    @Test
    void sharedFolderComesAsAZipNamedAfterTheDataset() {
        Source.HttpSource folder = only("https://www.dropbox.com/scl/fo/abc123/h?rlkey=xyz&dl=0");
        assertEquals("https://www.dropbox.com/scl/fo/abc123/h?rlkey=xyz&dl=1", folder.url().toString());
        assertEquals("some-dataset.zip", folder.path());
    }
}

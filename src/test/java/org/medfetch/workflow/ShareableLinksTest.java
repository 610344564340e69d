package org.medfetch.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What may go into a shared manifest: no secrets in URLs, no paths of the writer's machine. */
class ShareableLinksTest {

    private final Path workspace = Path.of("/home/alice/thesis").toAbsolutePath();
    private final ShareableLinks links = new ShareableLinks(workspace);

    @Test
    void secretQueryParametersAreRedactedAndTheRestKept() {
        assertEquals("https://h.org/f.zip?token=REDACTED&version=2#top",
                links.share("https://h.org/f.zip?token=s3cr3t&version=2#top"));
        assertEquals("https://b.s3.amazonaws.com/k?X-Amz-Algorithm=REDACTED&X-Amz-Signature=REDACTED&part=1",
                links.share("https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4&X-Amz-Signature=abc&part=1"));
        assertEquals("https://h.org/a?api_key=REDACTED&accessToken=REDACTED&sig=REDACTED&keyword=lung",
                links.share("https://h.org/a?api_key=1&accessToken=2&sig=3&keyword=lung"));
        assertEquals("https://REDACTED@h.org/data.tar", links.share("https://bob:hunter2@h.org/data.tar"));
        assertEquals(Set.of("X-Amz-Algorithm", "X-Amz-Signature", "accessToken", "api_key", "sig", "token", "user:password"),
                links.removed());
    }

    @Test
    void publicLinksStayAsTheyAre() {
        for (String link : new String[] {"https://pan.baidu.com/s/1rBuPSrmkejpYFA321er20A?pwd=6666",
            "https://zenodo.org/records/1234", "http://127.0.0.1:8080/files/a.nii.gz?download=1"}) {
            assertEquals(link, links.share(link));
        }
        assertTrue(links.removed().isEmpty());
    }

    @Test
    void magnetTrackersLoseTheirPasskeys() {
        String magnet = "magnet:?xt=urn:btih:" + "a".repeat(40) + "&dn=CQ500&tr=http%3A%2F%2Ft.org%2Fannounce%3Fpasskey%3Dabc";
        String shared = links.share(magnet);
        assertTrue(shared.startsWith("magnet:?xt=urn:btih:" + "a".repeat(40) + "&dn=CQ500&tr="), shared);
        assertFalse(shared.contains("abc"), shared);
        assertTrue(shared.contains("REDACTED"), shared);
        String plain = "magnet:?xt=urn:btih:" + "b".repeat(40) + "&tr=udp%3A%2F%2Ftracker.org%3A1337";
        assertEquals(plain, links.share(plain));
    }

    @Test
    void localPathsBecomeRelativeOrBareNames() {
        assertEquals("torrents/cq500.torrent", links.share(workspace.resolve("torrents/cq500.torrent").toString()));
        assertEquals("cq500.torrent", links.share("/home/alice/Downloads/cq500.torrent"));
        assertEquals("cq500.torrent", links.share("file:///home/alice/Downloads/cq500.torrent"));
        assertEquals("cq500.torrent", links.share("C:\\Users\\alice\\cq500.torrent"));
        assertEquals("relative/x.torrent", links.share("relative/x.torrent"));
    }

    @Test
    void redactedLinksAreRecognised() {
        assertTrue(ShareableLinks.redacted("https://h.org/f?token=REDACTED"));
        assertTrue(ShareableLinks.redacted("https://REDACTED@h.org/f"));
        assertFalse(ShareableLinks.redacted("https://h.org/REDACTED-report.pdf"));
        assertTrue(ShareableLinks.secret("X-Goog-Credential"));
        assertFalse(ShareableLinks.secret("monkey"));
        assertFalse(ShareableLinks.secret("pwd"), "Baidu's extraction code is published with the link");
    }
}

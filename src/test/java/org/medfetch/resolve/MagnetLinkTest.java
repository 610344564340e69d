package org.medfetch.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MagnetLinkTest {

    @Test
    void parsesHashNameTrackersAndPeers() {
        MagnetLink m = MagnetLink.parse("magnet:?xt=urn:btih:47E9D8AAB761E75FD0A81982FA62BDDF3A173831&dn=CQ500"
                + "&tr=http%3A%2F%2F127.0.0.1%3A6969%2Fannounce%3Fkey%3Dabc&x.pe=127.0.0.1:6881&x.pe=[::1]:6882");
        assertEquals("47e9d8aab761e75fd0a81982fa62bddf3a173831", m.infoHash());
        assertEquals("CQ500", m.displayName());
        assertEquals(List.of("http://127.0.0.1:6969/announce?key=abc"), m.trackers());
        assertEquals(List.of("127.0.0.1:6881", "[::1]:6882"), m.peers());
    }

    @Test
    void base32HashBecomesHex() {
        // 20 zero bytes in base32 are 32 'A's
        assertEquals("0".repeat(40), MagnetLink.parse("magnet:?xt=urn:btih:" + "A".repeat(32)).infoHash());
        assertEquals("ffffffffffffffffffffffffffffffffffffffff",
                MagnetLink.parse("magnet:?xt=urn:btih:" + "7".repeat(32)).infoHash());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "http://example.org/x; a magnet link starts with 'magnet:?'",
        "magnet:?dn=only-a-name; the magnet link has no xt=urn:btih:<info-hash>",
        "magnet:?xt=urn:btih:1234; info-hash '1234' is neither 40 hex digits nor 32 base32 characters",
        "magnet:?xt=urn:btih:47e9d8aab761e75fd0a81982fa62bddf3a173831&broken; magnet parameter 'broken' has no value",
        "magnet:?xt=urn:btih:47e9d8aab761e75fd0a81982fa62bddf3a173831&x.pe=nohostport; magnet peer 'nohostport' is not HOST:PORT",
        "magnet:?xt=urn:btih:47e9d8aab761e75fd0a81982fa62bddf3a173831&tr=%zz; magnet parameter 'tr' has a bad %-escape",
    })
    void rejectsBadMagnetsWithAClearMessage(String magnet, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> MagnetLink.parse(magnet)).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "garbage", "http://", "http:///announce", "//tracker.example/announce", "http://tracker example/announce",
        "http://tracker.example/a\u0007b",
    })
    void refusesTrackersThatAreNotUrls(String tracker) {
        assertEquals("tracker '" + tracker + "' is not a URL like http://tracker.example/announce",
                assertThrows(IllegalArgumentException.class, () -> MagnetLink.tracker(tracker)).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "http://127.0.0.1:6969/announce", "https://tracker.example/announce?passkey=a=b", "udp://tracker.example:1337",
        "wss://tracker.example", "http://[::1]:6969/announce",
    })
    void keepsTrackersBtSkipsOrSpeaks(String tracker) {
        assertEquals(tracker, MagnetLink.tracker(tracker));
    }

    @Test
    void webSeedsAreHttpUrls() {
        MagnetLink m = MagnetLink.parse("magnet:?xt=urn:btih:" + "0".repeat(40)
                + "&ws=http%3A%2F%2Fmirror.example%2Fct%2F&ws=https%3A%2F%2Fcdn.example%2Fct%3Fsig%3Dx");
        assertEquals(List.of("http://mirror.example/ct/", "https://cdn.example/ct?sig=x"), m.webSeeds());
        assertEquals("web seed 'ftp://mirror.example/ct' is not an http(s) URL", assertThrows(
                IllegalArgumentException.class, () -> MagnetLink.parse("magnet:?xt=urn:btih:" + "0".repeat(40)
                        + "&ws=ftp://mirror.example/ct")).getMessage());
    }
}

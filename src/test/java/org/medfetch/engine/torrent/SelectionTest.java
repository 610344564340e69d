package org.medfetch.engine.torrent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bt.metainfo.Torrent;
import bt.torrent.maker.TorrentBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.engine.TransferException;

class SelectionTest {

    @TempDir
    Path dir;

    @Test
    void aGlobWithoutSlashMatchesFileNamesInEveryFolder() throws Exception {
        Selection s = Selection.of(torrent(), "*.nii.gz", dir.resolve("ds"));
        assertEquals(List.of("set/a.nii.gz", "set/sub/b.nii.gz"), selected(s));
        assertEquals(dir.resolve("ds/set/sub/b.nii.gz").toAbsolutePath(), s.selected().get(1).path());
    }

    @Test
    void aGlobWithSlashMatchesThePathInsideTheTorrent() throws Exception {
        assertEquals(List.of("set/sub/b.nii.gz", "set/sub/c.txt"), selected(Selection.of(torrent(), "sub/*", dir)));
        assertEquals(List.of("set/a.nii.gz", "set/sub/b.nii.gz"), selected(Selection.of(torrent(), "**.nii.gz", dir)));
        assertEquals(List.of("set/sub/b.nii.gz"), selected(Selection.of(torrent(), "**/b.*", dir)));
    }

    @Test
    void noGlobSelectsEverythingAndCountsThePiecesOfTheSelection() throws Exception {
        Selection all = Selection.of(torrent(), null, dir);
        assertEquals(3, all.selected().size());
        assertEquals(3 * 20_000L, all.selectedSize());
        // 60,000 bytes in 16 KiB pieces
        assertEquals(4, all.piecesTotal());
        // c.txt spans bytes 40,000..59,999: pieces 2 and 3
        assertEquals(2, Selection.of(torrent(), "c.txt", dir).piecesTotal());
    }

    private Torrent torrent() throws IOException {
        Path root = Files.createDirectories(dir.resolve("src/set"));
        TorrentBuilder builder = new TorrentBuilder().rootPath(root).pieceSize(16384);
        for (String name : List.of("a.nii.gz", "sub/b.nii.gz", "sub/c.txt")) {
            Path file = root.resolve(name);
            Files.createDirectories(file.getParent());
            builder.addFile(Files.write(file, new byte[20_000]));
        }
        try {
            return new MetainfoReader(new SavedMetadata(dir.resolve("saved")), null, java.time.Duration.ofSeconds(1))
                    .parse(builder.build(), "test");
        } catch (TransferException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> selected(Selection s) {
        return s.selected().stream().map(Selection.Entry::relative).toList();
    }
}

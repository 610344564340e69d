package org.medfetch.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** File names too long for a file system (with medfetch's suffixes): shortened where medfetch names files, refused elsewhere. */
class SafePathTest {

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void aNameThatFitsStaysAsItIs() {
        String name = "a".repeat(216) + ".nii.gz";
        assertEquals(SafePath.MAX_NAME_BYTES, bytes(name));
        assertEquals(name, SafePath.fitted(name));
    }

    @Test
    void aLongNameKeepsItsStartAndDoubleExtensionWithinTheLimit() {
        String name = "scan_".repeat(80) + ".nii.gz";
        String fitted = SafePath.fitted(name);
        assertEquals(SafePath.MAX_NAME_BYTES, bytes(fitted), fitted);
        assertTrue(fitted.startsWith("scan_scan_") && fitted.endsWith(".nii.gz"), fitted);
        assertTrue(fitted.matches(".*~[0-9a-f]{8}\\.nii\\.gz"), fitted);
        assertEquals(fitted, SafePath.fitted(name), "the same name always fits the same way");
        assertNotEquals(fitted, SafePath.fitted("scan_".repeat(81) + ".nii.gz"), "names sharing a start stay apart");
    }

    @Test
    void multiByteNamesAreCutBetweenCharacters() {
        String name = "肺部CT影像".repeat(30) + ".zip";
        String fitted = SafePath.fitted(name);
        assertTrue(bytes(fitted) <= SafePath.MAX_NAME_BYTES, fitted);
        assertEquals(fitted, new String(fitted.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        assertTrue(fitted.startsWith("肺部CT影像") && fitted.endsWith(".zip"), fitted);
    }

    @Test
    void serverNamesAndEveryPartOfAChosenPathAreFitted() {
        assertEquals(SafePath.MAX_NAME_BYTES, bytes(SafePath.fileName("x".repeat(400) + ".bin")));
        String path = SafePath.fittedPath("d".repeat(300) + "/" + "f".repeat(300) + ".tar");
        String[] parts = path.split("/");
        assertEquals(2, parts.length);
        assertTrue(bytes(parts[0]) <= SafePath.MAX_NAME_BYTES && bytes(parts[1]) <= SafePath.MAX_NAME_BYTES
                && parts[1].endsWith(".tar"), path);
    }

    @Test
    void aPathGivenAsItIsWithATooLongNameIsRefusedClearly(@org.junit.jupiter.api.io.TempDir Path dir) {
        TransferException e = assertThrows(TransferException.class,
                () -> SafePath.resolve(dir, "ok/" + "n".repeat(256)));
        assertEquals(TransferException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("longer than the 255 bytes file systems allow"), e.getMessage());
        assertEquals(dir.resolve("n".repeat(255)), assertDoesNotThrow(() -> SafePath.resolve(dir, "n".repeat(255))),
                "a torrent's name up to the limit is written as it is");
    }
}

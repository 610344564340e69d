package org.medfetch.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Manifests get edited and merged by hand: every kind of damage is refused with one message naming the
 * spot, and the published schema refuses the same manifests wherever a schema can say so.
 */
class HandEditedManifestTest {

    private static final String JSON = new ManifestWriter().write(ManifestFormatTest.sample());
    private static final String ZETA_B = "\"path\": \"downloads/zeta/b.nii.gz\"";

    static Stream<Arguments> edits() {
        return Stream.of(
                edit("cut short", j -> j.substring(0, j.length() / 2), "not valid JSON at line", true),
                edit("trailing text", j -> j + "oops", "not valid JSON at line", false),
                edit("key twice", j -> j.replace("\"project\": \"thesis\",", "\"project\": \"thesis\", \"project\": \"x\","),
                        "Duplicate field 'project'", false),
                edit("misspelt key", j -> j.replace("\"sha256\": \"" + ManifestFormatTest.SHA_B + "\",\n          \"checksums",
                        "\"sha265\": \"" + ManifestFormatTest.SHA_B + "\",\n          \"checksums"),
                        "datasets[2].files[1].sha265: unknown key", true),
                edit("key removed", j -> j.replace("\"state\": \"manual\",\n", ""), "datasets[1].state: missing", true),
                edit("bad SHA-256", j -> j.replace(ManifestFormatTest.SHA_B + "\",\n          \"checksums\"",
                        "XYZ\",\n          \"checksums\""), "datasets[2].files[1].sha256: 'XYZ' is not 64 lower-case hex digits",
                        true),
                edit("path climbing out", j -> j.replace(ZETA_B, "\"path\": \"downloads/zeta/../../etc/passwd\""),
                        "datasets[2].files[1].path: 'downloads/zeta/../../etc/passwd' must be a plain relative path", true),
                edit("path of another dataset", j -> j.replace(ZETA_B, "\"path\": \"downloads/alpha-lung/b.nii.gz\""),
                        "datasets[2].files[1].path: 'downloads/alpha-lung/b.nii.gz' is not inside downloads/zeta/", false),
                edit("absolute path", j -> j.replace(ZETA_B, "\"path\": \"/home/alice/b.nii.gz\""),
                        "is not inside downloads/zeta/", true),
                edit("negative size", j -> j.replace("\"size\": 2,", "\"size\": -2,"),
                        "datasets[2].files[1].size: must be a whole number of bytes, not -2", true),
                edit("unknown kind", j -> j.replace("\"kind\": \"http\",\n          \"url\": \"https://zenodo.org/api/records/1/files/b",
                        "\"kind\": \"ftp\",\n          \"url\": \"https://zenodo.org/api/records/1/files/b"),
                        "datasets[2].files[1].kind: 'ftp' is not http, torrent or adopted", true),
                edit("dataset twice", j -> j.replace("\"id\": \"zeta\"", "\"id\": \"alpha-lung\"")
                        .replace("downloads/zeta/", "downloads/alpha-lung/"), "datasets[2].id: dataset 'alpha-lung' is listed twice",
                        false),
                edit("torrent file without its torrent", j -> j.replace("\"kind\": \"torrent\",\n          \"url\": \"magnet:",
                        "\"kind\": \"torrent\",\n          \"url\": \"magnet:?xt=urn:btih:" + "d".repeat(40) + "&x="),
                        "datasets[0].files[0].url: names no torrent of this dataset", false),
                edit("local file as URL", j -> j.replace("https://zenodo.org/api/records/1/files/b/content", "file:///etc/passwd"),
                        "datasets[2].files[1].url: 'file:///etc/passwd' is not an http(s) URL", true),
                edit("bad time", j -> j.replace("2025-03-01T12:00:00Z", "yesterday"),
                        "written_at: 'yesterday' is not an ISO-8601 UTC time", true),
                edit("bad published checksum", j -> j.replace("\"md5:" + "0".repeat(32), "\"crc32:1234"),
                        "datasets[2].files[1].checksums[0]: 'crc32:1234' is not ALGO:HEX", true),
                edit("id with a slash", j -> j.replace("\"id\": \"zeta\"", "\"id\": \"../zeta\""),
                        "datasets[2].id: '../zeta' is not a folder name", true),
                edit("adopted without hash", j -> j.replace("\"kind\": \"http\",\n          \"url\": \"https://zenodo.org/api/records/1/files/b/content\"",
                        "\"kind\": \"adopted\",\n          \"url\": null").replace(ManifestFormatTest.SHA_B + "\",\n          \"checksums\"",
                        "\",\n          \"checksums\"").replace("\"sha256\": \"\",", "\"sha256\": null,"),
                        "datasets[2].files[1].sha256: an adopted file is recorded with its SHA-256", true),
                edit("not an object", j -> "[]", "the manifest is not a JSON object", true));
    }

    private static Arguments edit(String name, UnaryOperator<String> change, String message, boolean schemaSees) {
        return Arguments.of(name, change, message, schemaSees);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void damageIsRefusedWithWhereItIs(String name, UnaryOperator<String> change, String message, boolean schemaSees) {
        String damaged = change.apply(JSON);
        assertNotEquals(JSON, damaged, "the edit must change something");
        ManifestException e = assertThrows(ManifestException.class, () -> new ManifestReader().read(damaged));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        if (schemaSees) {
            assertFalse(ManifestSchema.problems(damaged).isEmpty(), "the schema must refuse it too: " + name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void everyEditStartsFromAValidManifest(String name) {
        assertEquals(0, ManifestSchema.problems(JSON).size(), name);
    }
}

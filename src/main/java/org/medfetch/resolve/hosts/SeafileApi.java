package org.medfetch.resolve.hosts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Seahub's public listing of a folder share link, {@code GET /api/v2.1/share-links/<token>/dirents/?path=}.
 *
 * <p>Fields: haiwen/seahub seahub/api2/endpoints/share_links.py, {@code ShareLinkDirents.get}.
 */
final class SeafileApi {

    private SeafileApi() {
    }

    record Dirents(@JsonProperty("dirent_list") List<Dirent> direntList) {
    }

    /** A file ({@code file_path}) or a folder ({@code folder_path}, ending in '/'), relative to the share. */
    record Dirent(@JsonProperty("is_dir") Boolean isDir, @JsonProperty("file_path") String filePath,
                  @JsonProperty("folder_path") String folderPath, Long size) {
    }
}

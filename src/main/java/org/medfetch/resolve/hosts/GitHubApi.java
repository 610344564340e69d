package org.medfetch.resolve.hosts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * GitHub's REST API as medfetch reads it: a repository and its releases.
 *
 * <p>Fields: https://docs.github.com/rest/repos/repos#get-a-repository and
 * https://docs.github.com/rest/releases/releases#list-releases (assets[].name, size, browser_download_url,
 * and digest "sha256:..." on assets uploaded since 2025).
 */
final class GitHubApi {

    private GitHubApi() {
    }

    record Repository(@JsonProperty("full_name") String fullName, @JsonProperty("html_url") String htmlUrl,
                      @JsonProperty("default_branch") String defaultBranch, String description, License license) {
    }

    record License(@JsonProperty("spdx_id") String spdxId, String name) {
    }

    record Release(@JsonProperty("tag_name") String tag, Boolean draft, Boolean prerelease, List<Asset> assets) {

        /** A published, stable release that has files. */
        boolean usable() {
            return !Boolean.TRUE.equals(draft) && !Boolean.TRUE.equals(prerelease) && assets != null && !assets.isEmpty();
        }
    }

    /** An entry of https://docs.github.com/rest/repos/contents#get-repository-content for a folder. */
    record Content(String type, String name, String path, Long size, @JsonProperty("download_url") String downloadUrl) {
    }

    record Asset(String name, Long size, @JsonProperty("browser_download_url") String url, String digest) {
    }
}

package org.medfetch.resolve.hosts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Gitee's API v5 as medfetch reads it (UNVERIFIED against the live host; see hosts.md). */
final class GiteeApi {

    private GiteeApi() {
    }

    /** GET /repos/{owner}/{repo}: https://gitee.com/api/v5/swagger#/getV5ReposOwnerRepo */
    record Repository(@JsonProperty("full_name") String fullName, @JsonProperty("html_url") String htmlUrl,
                      @JsonProperty("default_branch") String defaultBranch) {
    }
}

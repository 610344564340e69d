package org.medfetch.resolve.hosts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Figshare's v2 public API as medfetch reads it.
 *
 * <p>Fields: https://docs.figshare.com/#public_article (ArticleComplete) and #public_article_files
 * (PublicFile: id, name, size, is_link_only, download_url, supplied_md5, computed_md5).
 */
final class FigshareApi {

    private FigshareApi() {
    }

    /** ArticleComplete (details, version details) or Article (a collection's list): files only in the first. */
    record Article(Long id, String title, String doi, License license, String citation,
                   @JsonProperty("figshare_url") String figshareUrl,
                   @JsonProperty("url_public_html") String publicHtml, List<Author> authors,
                   @JsonProperty("published_date") String publishedDate, Integer version, List<File> files) {
    }

    record Author(@JsonProperty("full_name") String fullName) {
    }

    record License(String name, String url) {
    }

    record File(Long id, String name, Long size, @JsonProperty("is_link_only") Boolean linkOnly,
                @JsonProperty("download_url") String downloadUrl,
                @JsonProperty("computed_md5") String computedMd5,
                @JsonProperty("supplied_md5") String suppliedMd5) {

        boolean onlyALink() {
            return Boolean.TRUE.equals(linkOnly);
        }

        /** Figshare's own MD5 of the stored bytes, else the uploader's. */
        String md5() {
            return computedMd5 != null && !computedMd5.isBlank() ? computedMd5 : suppliedMd5;
        }
    }
}

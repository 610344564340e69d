package org.medfetch.resolve.hosts;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Hub API as medfetch reads it: a repository's info ({@code /api/datasets/REPO/revision/REV}) and
 * its tree ({@code /api/datasets/REPO/tree/REV/PATH}). In the tree, {@code lfs.oid} is the SHA-256 of an
 * LFS (or Xet) file's content; {@code oid} is the git blob id, a SHA-1 of "blob N\0" plus the content,
 * so never a checksum of the file itself.
 *
 * <p>Shapes: huggingface/huggingface_hub src/huggingface_hub/hf_api.py (RepoFile, DatasetInfo);
 * huggingface/huggingface.js packages/hub/src/lib/list-files.ts.
 */
final class HuggingFaceApi {

    private HuggingFaceApi() {
    }

    /**
     * @param gated    {@code false}, or "auto" / "manual" when access must be requested
     * @param disabled true when the Hub disabled the repository (downloads fail)
     * @param cardData the README's metadata block: {@code license} is a string or a list
     */
    record Info(String id, String sha, Boolean disabled, JsonNode gated,
                @com.fasterxml.jackson.annotation.JsonProperty("private") Boolean isPrivate, JsonNode cardData) {

        boolean isGated() {
            return gated != null && !gated.isNull() && !(gated.isBoolean() && !gated.asBoolean())
                    && !gated.asText().equals("false");
        }

        String license() {
            JsonNode license = cardData == null ? null : cardData.get("license");
            if (license == null || license.isNull()) {
                return null;
            }
            return license.isArray() ? (license.isEmpty() ? null : license.get(0).asText()) : license.asText();
        }
    }

    /** One entry of a tree: type "file" or "directory". */
    record Entry(String type, String path, Long size, String oid, Lfs lfs) {
    }

    /** @param oid SHA-256 of the content; @param size the content's size (the entry's own size is the pointer's in old answers) */
    record Lfs(String oid, Long size, Long pointerSize) {
    }
}

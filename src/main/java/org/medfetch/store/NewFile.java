package org.medfetch.store;

/** What {@link Store#addFile} needs; the fields mean what they mean in {@link FileRecord}. */
public record NewFile(String kind, String url, String path, Long size, String checksums, String auth, Long parentId) {
}

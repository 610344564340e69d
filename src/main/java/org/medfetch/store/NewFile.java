package org.medfetch.store;

/**
 * What {@link Store#addFile} needs; the fields mean what they mean in {@link FileRecord}.
 *
 * @param serverNamed true when the name was only guessed from the URL and the server may choose a better
 *                    one (Content-Disposition)
 */
public record NewFile(String kind, String url, String path, Long size, String checksums, String auth, Long parentId,
                      boolean serverNamed) {

    public NewFile(String kind, String url, String path, Long size, String checksums, String auth, Long parentId) {
        this(kind, url, path, size, checksums, auth, parentId, false);
    }
}

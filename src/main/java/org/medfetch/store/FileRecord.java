package org.medfetch.store;

/**
 * One file (or one torrent) of a job, with everything needed to resume it.
 *
 * @param parentId     for a file inside a torrent, the torrent's row; else null
 * @param kind         "http", "torrent", "torrent-file" or "adopted"
 * @param url          the stable URL (API endpoint, never a signed URL), magnet or .torrent location
 * @param finalUrl     where the last request ended after redirects, without its query string
 * @param path         relative to the workspace, '/'-separated (downloads/&lt;dataset&gt;/...)
 * @param size         bytes as last reported (by the server, or the repository before that), or null
 * @param expectedSize bytes the repository published (a server answering otherwise is an error), or null
 * @param checksums    expected checksums as space-separated ALGO:HEX, or null
 * @param auth         name of the credentials the requests need, or null (never the secret itself)
 * @param serverNamed  the name was guessed from the URL; the server may choose another (Content-Disposition)
 * @param pauseReason  "user" or "interrupted" for paused files
 * @param errorKind    what kind of failure lastError is (the engine's TransferException kind), or null
 * @param sha256       hex SHA-256 once the file is done
 * @param rate         bytes per second at the last recorded progress, or null
 * @param nextAttemptAt epoch milliseconds before which the file is not retried
 * @param sources      for a torrent, where its bytes came from (the engine's TorrentSources as JSON), or null
 */
public record FileRecord(
        long id,
        long jobId,
        Long parentId,
        String kind,
        String url,
        String finalUrl,
        String path,
        Long size,
        Long expectedSize,
        String etag,
        String lastModified,
        String checksums,
        String auth,
        boolean serverNamed,
        FileState state,
        String pauseReason,
        int attempts,
        String lastError,
        String errorKind,
        String sha256,
        String infoHash,
        Integer piecesTotal,
        Integer piecesDone,
        Long rate,
        long nextAttemptAt,
        String leaseOwner,
        Long leaseUntil,
        String sources) {

    public boolean isTorrent() {
        return kind.equals("torrent");
    }
}

package org.medfetch.resolve.hosts;

import java.util.List;
import java.util.Locale;

/**
 * A collection's series as a {@code .tcia} manifest, the file the NBIA Data Retriever opens: header
 * lines, then one SeriesInstanceUID per line.
 *
 * <p>Format: the example header in hosts.md (TCIA section); tcia_utils manifestToList reads it back.
 */
final class TciaManifest {

    /** Where the Data Retriever fetches public series from (the header of TCIA's own manifests). */
    private static final String DOWNLOAD_SERVER = "https://public.cancerimagingarchive.net/nbia-download/servlet/DownloadServlet";

    private TciaManifest() {
    }

    static String of(String collection, List<String> seriesUids) {
        StringBuilder text = new StringBuilder()
                .append("downloadServerUrl=").append(DOWNLOAD_SERVER).append('\n')
                .append("includeAnnotation=true\n")
                .append("noOfrRetry=4\n")
                .append("databasketId=manifest-").append(id(collection)).append(".tcia\n")
                .append("manifestVersion=3.0\n")
                .append("ListOfSeriesToDownload=\n");
        seriesUids.forEach(uid -> text.append(uid).append('\n'));
        return text.toString();
    }

    /** A stable basket id (the Data Retriever only shows it); TCIA's own use a timestamp. */
    private static String id(String collection) {
        return "medfetch-" + collection.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}

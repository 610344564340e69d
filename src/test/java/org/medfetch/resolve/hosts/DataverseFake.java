package org.medfetch.resolve.hosts;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A Dataverse installation: the recorded dataset doi:10.5072/FK2/GCN7US and its recorded file listing,
 * the same listing with one file under embargo (EMBARG; sources in api/dataverse/README.md), and, made
 * by hand, HAM10000 (an ingested tabular file in a folder), a dataset with a restricted file, one with a
 * guestbook and one whose API says terms must be accepted.
 */
final class DataverseFake extends FakeHost {

    @Override
    protected MockResponse route(RecordedRequest request, HttpUrl url) {
        String pid = url.queryParameter("persistentId");
        String dataset = pid == null ? "" : pid.substring(pid.lastIndexOf('/') + 1);
        if (url.encodedPath().equals("/api/datasets/:persistentId/")) {
            return switch (dataset) {
                case "GCN7US", "EMBARG" -> json("recorded/dataverse-dataset-GCN7US.json");
                case "DBW86T", "RESTR" -> json("dataverse/dataset-DBW86T.json");
                case "GUEST" -> json("dataverse/dataset-GUEST.json");
                case "TERMS" -> status(403, "{\"status\": \"ERROR\", \"message\": \"You must accept the terms of use "
                        + "before downloading\"}");
                default -> null;
            };
        }
        if (url.encodedPath().equals("/api/datasets/:persistentId/versions/:latest/files")) {
            return switch (dataset) {
                case "GCN7US" -> json("dataverse/files-GCN7US.json");
                case "EMBARG" -> json("dataverse/files-GCN7US-embargo.json");
                case "DBW86T", "GUEST" -> json("dataverse/files-DBW86T.json");
                case "RESTR" -> json("dataverse/files-RESTR.json");
                default -> null;
            };
        }
        if (url.encodedPath().equals("/api/files/:persistentId") && pid.endsWith("/DBW86T/ZIP1")) {
            return json("dataverse/file-ZIP1.json");
        }
        return null;
    }
}

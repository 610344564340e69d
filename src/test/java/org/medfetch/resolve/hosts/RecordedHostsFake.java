package org.medfetch.resolve.hosts;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A Dataverse installation and figshare answering with responses recorded from the real services
 * (api/recorded, sources in api/recorded/README.md): Dataverse dataset doi:10.5072/FK2/GCN7US and figshare
 * article 23514972. Their file listings are the file lists the recorded records embed.
 */
final class RecordedHostsFake extends FakeHost {

    static final String DATAVERSE = "https://demo.dataverse.org/dataset.xhtml?persistentId=doi:10.5072/FK2/GCN7US";
    static final String FIGSHARE = "https://figshare.com/articles/software/Trace_Function_Parameter_Types/23514972";

    @Override
    protected MockResponse route(RecordedRequest request, HttpUrl url) {
        boolean gcn7us = "doi:10.5072/FK2/GCN7US".equals(url.queryParameter("persistentId"));
        return switch (url.encodedPath()) {
            case "/api/datasets/:persistentId/" -> gcn7us ? json("recorded/dataverse-dataset-GCN7US.json") : null;
            case "/api/datasets/:persistentId/versions/:latest/files" ->
                    gcn7us ? json("recorded/dataverse-files-GCN7US.json") : null;
            case "/articles/23514972" -> json("recorded/figshare-article-23514972.json");
            case "/articles/23514972/files" -> json("recorded/figshare-files-23514972.json");
            default -> null;
        };
    }
}

package org.medfetch.resolve.hosts;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/** NBIA's v4 API: five collection names, two series of Lung-PET-CT-Dx, none of 4D-Lung. */
final class TciaFake extends FakeHost {

    @Override
    protected MockResponse route(RecordedRequest request, HttpUrl url) {
        return switch (url.encodedPath()) {
            case "/getCollectionValues" -> json("tcia/collections.json");
            case "/getSeries" -> switch (String.valueOf(url.queryParameter("Collection"))) {
                case "Lung-PET-CT-Dx", "RIDER Breast MRI", "QIN-BREAST" -> json("tcia/series-Lung-PET-CT-Dx.json");
                case "4D-Lung" -> json("tcia/empty.json");
                default -> status(400, "{\"message\":\"no such collection\"}");
            };
            default -> null;
        };
    }
}

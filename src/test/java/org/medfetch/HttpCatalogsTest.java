package org.medfetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

class HttpCatalogsTest {

    @Test
    void aGitHubPageOfAFileIsFetchedAsTheFile() {
        assertEquals(URI.create("https://raw.githubusercontent.com/linhandev/dataset/main/README.md"),
                HttpCatalogs.rawFile(URI.create("https://github.com/linhandev/dataset/blob/main/README.md")));
        assertEquals(URI.create("https://raw.githubusercontent.com/o/r/v1.2/docs/lists/%E8%82%BA.md"),
                HttpCatalogs.rawFile(URI.create("https://github.com/o/r/blob/v1.2/docs/lists/%E8%82%BA.md?plain=1#L10")));
    }

    @Test
    void otherAddressesStayAsTheyAre() {
        for (String url : new String[] {"https://github.com/o/r", "https://github.com/o/r/tree/main/docs",
                "https://raw.githubusercontent.com/o/r/main/README.md", "http://127.0.0.1:8080/o/r/blob/main/x.md",
                "https://gitee.com/o/r/blob/master/README.md"}) {
            assertEquals(URI.create(url), HttpCatalogs.rawFile(URI.create(url)), url);
        }
    }
}

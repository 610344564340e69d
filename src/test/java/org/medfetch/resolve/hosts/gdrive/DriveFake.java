package org.medfetch.resolve.hosts.gdrive;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okio.Buffer;
import org.medfetch.resolve.hosts.FakeHost;

/**
 * Google Drive as gdown meets it: uc?id= redirects (303) to the download host; a small file comes
 * straight back with its Content-Disposition, a large one as the recorded "Virus scan warning" page
 * whose form (action pointed at this server) gives the file; one file is over its quota, one is not
 * shared; folders through the embedded folder view.
 */
public class DriveFake extends FakeHost {

    public static final String SMALL = "1l_5RK28JRL19wpT22B-DY9We3TVXnnQQ";
    public static final String LARGE = "137RyRjvTBkBiIfeYBNZBtViDHQ6_Ewsp";
    public static final String QUOTA = "1quotaQUOTAquotaQUOTAquota00";
    public static final String PRIVATE = "1privatePRIVATEprivate000000";
    public static final String FOLDER = "1aMZqPaU03E7XOQNXtjSCdguRHBaIQ82m";
    public static final String SUBFOLDER = "1subFOLDERsubFOLDERsub000000";

    private final byte[] small;
    private final byte[] large;

    public DriveFake(byte[] small, byte[] large) {
        this.small = small;
        this.large = large;
    }

    public DriveFake() {
        this(new byte[] {1, 2, 3}, new byte[] {4, 5, 6, 7});
    }

    @Override
    protected MockResponse route(RecordedRequest request, HttpUrl url) {
        String id = url.queryParameter("id");
        return switch (url.encodedPath()) {
            case "/uc" -> new MockResponse.Builder().code(303)
                    .setHeader("Location", base() + "download?id=" + id + "&export=download").build();
            case "/download" -> download(id, url.queryParameter("confirm") != null && url.queryParameter("uuid") != null);
            case "/embeddedfolderview" -> FOLDER.equals(id) ? html(text("gdrive/embedded-folder-view.html")
                    .replace("1aMZqPaU03E7XOQNXtjSCdguRHBaIQ82m", SUBFOLDER))
                    : SUBFOLDER.equals(id) ? html("<a href=\"https://drive.google.com/file/d/" + SMALL
                    + "/view?usp=drive_web\"><img src=\"x\" alt=\"\">inner.nii.gz</a>")
                    : html("<html><head><title>Sign in - Google Accounts</title></head><body>"
                    + "<a href=\"https://accounts.google.com/ServiceLogin\">Sign in</a></body></html>");
            case "/signin" -> html("<html><head><title>Sign in - Google Accounts</title></head><body>Sign in to "
                    + "continue to Google Drive <a href=\"https://accounts.google.com/x\">x</a></body></html>");
            default -> null;
        };
    }

    private MockResponse download(String id, boolean confirmed) {
        if (SMALL.equals(id)) {
            return file(small, "scan.nii.gz");
        }
        if (LARGE.equals(id)) {
            return confirmed ? file(large, "101_ObjectCategories.tar.gz") : html(text("gdrive/virus-scan-2024.html")
                    .replace("https://drive.usercontent.google.com/download", base() + "download"));
        }
        if (QUOTA.equals(id)) {
            return html(text("gdrive/quota-exceeded.html"));
        }
        if (PRIVATE.equals(id)) {
            return new MockResponse.Builder().code(302).setHeader("Location",
                    base() + "signin?continue=drive").build();
        }
        return null;
    }

    private static MockResponse file(byte[] data, String name) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/octet-stream")
                .setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .body(new Buffer().write(data)).build();
    }
}

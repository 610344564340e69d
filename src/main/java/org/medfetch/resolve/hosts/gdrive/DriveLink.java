package org.medfetch.resolve.hosts.gdrive;

import java.net.URI;
import java.util.List;
import org.medfetch.resolve.hosts.HostName;

/** The item a Drive link names: {@code /file/d/<id>}, {@code ?id=<id>}, {@code /folders/<id>}. */
record DriveLink(String id, boolean folder) {

    static DriveLink parse(URI link) {
        List<String> s = HostName.segments(link);
        int folders = s.indexOf("folders");
        if (folders >= 0 && folders + 1 < s.size()) {
            return new DriveLink(s.get(folders + 1), true);
        }
        int d = s.indexOf("d");
        if (d > 0 && s.get(d - 1).equals("file") && d + 1 < s.size()) {
            return new DriveLink(s.get(d + 1), false);
        }
        String id = HostName.query(link, "id");
        if (id != null && id.matches("[\\w-]+")) {
            return new DriveLink(id, s.contains("folderview") || s.contains("embeddedfolderview"));
        }
        return null;
    }
}

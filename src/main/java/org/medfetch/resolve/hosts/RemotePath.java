package org.medfetch.resolve.hosts;

import java.util.ArrayList;
import java.util.List;
import org.medfetch.resolve.ResolveException;

/** A file path a host gave, checked before it names a file inside the dataset folder. */
public final class RemotePath {

    private RemotePath() {
    }

    /**
     * The path, '/'-separated, without empty or "." segments.
     *
     * @throws ResolveException (fatal) for a path that would leave the dataset folder or names nothing
     */
    public static String of(String raw, HostClient api) throws ResolveException {
        if (raw == null || raw.indexOf('\0') >= 0 || raw.indexOf('\\') >= 0 || raw.matches("^[A-Za-z]:.*")) {
            throw api.unexpected("unusable file name '" + raw + "'");
        }
        List<String> kept = new ArrayList<>();
        for (String segment : raw.split("/")) {
            if (segment.equals("..")) {
                throw api.unexpected("the file name '" + raw + "' leaves the dataset folder");
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                kept.add(segment);
            }
        }
        if (kept.isEmpty()) {
            throw api.unexpected("empty file name '" + raw + "'");
        }
        return String.join("/", kept);
    }
}

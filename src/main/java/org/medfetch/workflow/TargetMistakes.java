package org.medfetch.workflow;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Targets that are neither a catalog dataset nor something medfetch downloads, each with the next step: a
 * URL without its scheme, a scheme medfetch does not speak (s3:// gets its https:// form), a file already on
 * this machine (adopt brings it in).
 */
final class TargetMistakes {

    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://(.*)");
    /** host.tld/..., or www.host...: a web address typed without https:// */
    private static final Pattern NO_SCHEME = Pattern.compile("(?i)(www\\.)?[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}(:\\d+)?"
            + "(/\\S*)?");
    private static final Pattern S3 = Pattern.compile("s3://([^/]+)/(.*)");

    private TargetMistakes() {
    }

    /** A scheme medfetch does not download from (checked before the catalog: no dataset is named so). */
    static Optional<UsageException> unknownScheme(String text) {
        Matcher m = SCHEME.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (scheme.equals("http") || scheme.equals("https") || scheme.equals("file")) {
            return Optional.empty();
        }
        Matcher s3 = S3.matcher(text);
        String next = s3.matches() ? "a public S3 object is also at https://" + s3.group(1) + ".s3.amazonaws.com/"
                + s3.group(2) + ": medfetch add that URL"
                : "fetch it with a tool for " + scheme + "://, then bring the files in with: medfetch adopt DATASET PATH...";
        return Optional.of(new UsageException("'" + text + "': medfetch downloads http(s) URLs, magnet links and "
                + ".torrent files, not " + scheme + "://; " + next));
    }

    /** Why a target that is no catalog dataset is probably something else, with what to type instead. */
    static Optional<UsageException> notADataset(String text) {
        if (isLocal(text)) {
            return Optional.of(new UsageException("'" + text + "' is a file on this machine, not a dataset or URL; "
                    + "to bring files you fetched yourself into the workspace: medfetch adopt DATASET " + text));
        }
        if (NO_SCHEME.matcher(text).matches() && (text.contains("/") || text.toLowerCase(Locale.ROOT).startsWith("www."))) {
            return Optional.of(new UsageException("'" + text + "' is neither a dataset of the catalog nor a URL (it "
                    + "has no scheme); did you mean https://" + text + " ?"));
        }
        return Optional.empty();
    }

    private static boolean isLocal(String text) {
        try {
            return Files.exists(Path.of(text));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}

package org.medfetch.resolve.hosts;

import java.util.List;

/**
 * OpenNeuro's GraphQL answers as medfetch reads them: a dataset's latest snapshot tag, and one level
 * of a snapshot's file tree at a time (a directory's {@code id} is the {@code tree} of the next query).
 * For annexed files {@code key} is a git-annex key, {@code SHA256E-s<size>--<sha256>.<ext>}; for files
 * kept in git it is the git blob id, no checksum of the file.
 *
 * <p>Shapes: OpenNeuroOrg/openneuro docs/api.md; openneuro-py/openneuro-py src/openneuro/_download.py.
 */
final class OpenNeuroApi {

    private OpenNeuroApi() {
    }

    record Answer(Data data, List<Error> errors) {
    }

    record Error(String message) {
    }

    record Data(Dataset dataset, Snapshot snapshot) {
    }

    record Dataset(String id, Snapshot latestSnapshot) {
    }

    record Snapshot(String id, String tag, List<File> files) {
    }

    record File(String id, String key, String filename, Long size, Boolean directory, Boolean annexed,
                List<String> urls) {
    }

    static final String LATEST = "query ($id: ID!) { dataset(id: $id) { id latestSnapshot { tag } } }";
    static final String FILES = "query ($id: ID!, $tag: String!, $tree: String) { snapshot(datasetId: $id, tag: $tag) "
            + "{ id tag files(tree: $tree) { id key filename size directory annexed urls } } }";
}

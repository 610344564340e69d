package org.medfetch.resolve;

import java.util.List;
import java.util.Map;

/** What a resolver made of a link: files to fetch, steps for a person, or a reason it cannot work. */
public sealed interface Resolution {

    /**
     * @param notes       what a person should still know (e.g. the repository's data lives elsewhere), or
     *                    null; when {@code needsPerson} is not empty, the steps for those files
     * @param info        what the host says about the dataset (DOI, license, citation)
     * @param sidecars    small text files written beside the data, by path relative to the dataset folder
     *                    (e.g. a TCIA collection's .tcia manifest for the NBIA Data Retriever)
     * @param needsPerson paths of the dataset's files that a person must fetch (restricted files): the
     *                    others are queued, these make the outcome manual unless --files leaves them out
     */
    record Fetch(List<Source> sources, Instructions notes, DatasetInfo info, Map<String, String> sidecars,
                 List<String> needsPerson) implements Resolution {
        public Fetch {
            sources = List.copyOf(sources);
            sidecars = Map.copyOf(sidecars);
            needsPerson = List.copyOf(needsPerson);
        }

        public Fetch(List<Source> sources, Instructions notes, DatasetInfo info, Map<String, String> sidecars) {
            this(sources, notes, info, sidecars, List.of());
        }

        public Fetch(List<Source> sources) {
            this(sources, null, DatasetInfo.NONE, Map.of());
        }
    }

    record Manual(Instructions instructions) implements Resolution {
    }

    record Unavailable(String reason) implements Resolution {
    }
}

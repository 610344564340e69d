package org.medfetch.resolve;

import java.util.List;

/** What a resolver made of a link: files to fetch, steps for a person, or a reason it cannot work. */
public sealed interface Resolution {

    /**
     * @param notes what a person should still know (e.g. the repository's data lives elsewhere), or null
     */
    record Fetch(List<Source> sources, Instructions notes) implements Resolution {
        public Fetch {
            sources = List.copyOf(sources);
        }

        public Fetch(List<Source> sources) {
            this(sources, null);
        }
    }

    record Manual(Instructions instructions) implements Resolution {
    }

    record Unavailable(String reason) implements Resolution {
    }
}

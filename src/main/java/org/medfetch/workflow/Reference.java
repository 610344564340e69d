package org.medfetch.workflow;

import java.util.List;

/**
 * What a dataset is cited by: the repository's DOI record, the dataset's reference paper, or only its
 * name and link when neither is known. Any field but key, kind and title may be null.
 *
 * @param key     the citation key: the dataset id
 * @param authors as recorded ("Family, Given" or "Given Family"); a last "others" stands for et al.
 * @param license the dataset's license or terms of use, or null when unknown
 * @param origin  where the reference comes from, for a comment beside it
 */
public record Reference(String key, Kind kind, String title, List<String> authors, String year, String journal,
                        String volume, String issue, String pages, String publisher, String version, String doi,
                        String url, String license, String origin) {

    /** DATASET: a repository's record; ARTICLE: a reference paper; UNKNOWN: name and link only. */
    public enum Kind { DATASET, ARTICLE, UNKNOWN }

    public Reference {
        authors = List.copyOf(authors);
    }

    /** "Family, Given" and "Given Family" as family and given name; a one-word name is family only. */
    static String[] familyGiven(String author) {
        int comma = author.indexOf(',');
        if (comma > 0) {
            return new String[] {author.substring(0, comma).strip(), author.substring(comma + 1).strip()};
        }
        int space = author.strip().lastIndexOf(' ');
        return space < 0 ? new String[] {author.strip(), ""}
                : new String[] {author.strip().substring(space + 1), author.strip().substring(0, space)};
    }

    static boolean etAl(String author) {
        return author.equalsIgnoreCase("others");
    }
}

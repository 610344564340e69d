package org.medfetch.workflow;

import java.util.List;

/**
 * What a dataset is cited by: the repository's DOI record, the dataset's reference paper, or only its
 * name and link when neither is known. Any field but key, kind and title may be null.
 *
 * @param key       the citation key: the dataset id
 * @param authors   as recorded ("Family, Given" or "Given Family"); a last "others" stands for et al.
 * @param container the journal, the proceedings or the preprint server ("arXiv:1605.01397")
 * @param license   the dataset's license or terms of use, or null when unknown
 * @param origin    where the reference comes from, for a comment beside it
 */
public record Reference(String key, Kind kind, String title, List<String> authors, String year, String container,
                        String volume, String issue, String pages, String publisher, String version, String doi,
                        String url, String license, String origin) {

    /**
     * DATASET: a repository's record; ARTICLE, CONFERENCE_PAPER, PREPRINT: a paper in a journal, in
     * conference proceedings, or on a preprint server; UNKNOWN: name and link only.
     */
    public enum Kind { DATASET, ARTICLE, CONFERENCE_PAPER, PREPRINT, UNKNOWN }

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

    /** The authors named, without a trailing "others". */
    List<String> named() {
        return authors.stream().filter(a -> !etAl(a)).toList();
    }

    /** The list ends with "others": some authors are not named. */
    boolean cutShort() {
        return !authors.isEmpty() && etAl(authors.get(authors.size() - 1));
    }

    /**
     * This reference with what it lacks taken from {@code record} (the DOI's own record): every empty
     * field, and the author list when this one is empty, or cut short with "others" where the record's
     * is complete. What this reference already says stays; key, kind, license and url are its own.
     */
    Reference completedBy(Reference record, String how) {
        boolean moreAuthors = authors.isEmpty()
                || cutShort() && !record.cutShort() && record.named().size() >= named().size();
        return new Reference(key, kind, title, moreAuthors ? record.authors() : authors, or(year, record.year()),
                or(container, record.container()), or(volume, record.volume()), or(issue, record.issue()),
                or(pages, record.pages()), or(publisher, record.publisher()), or(version, record.version()),
                or(doi, record.doi()), url, license, origin + "; " + how);
    }

    /**
     * The DOI's record in place of a reference that knew only a name and a DOI link: kind, title,
     * authors and the rest from {@code record}; key and license stay, and the link when the record has none.
     */
    Reference identifiedBy(Reference record, String how) {
        return new Reference(key, record.kind(), record.title(), record.authors(), record.year(), record.container(),
                record.volume(), record.issue(), record.pages(), record.publisher(), record.version(), doi,
                or(url, record.url()), license, how);
    }

    private static String or(String mine, String theirs) {
        return mine != null && !mine.isBlank() ? mine : theirs;
    }
}

package org.medfetch.resolve.mirrors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Facts about single datasets: notes (forms, agreements, passwords by e-mail) added to their
 * instructions, and the reference paper a dataset's users are asked to cite.
 */
public final class DatasetNotes {

    /** @param source where the fact was read */
    public record Note(String dataset, String text, String source) {
    }

    /** What a reference paper is: in a journal, in conference proceedings, or a preprint (arXiv). */
    public enum PaperType { ARTICLE, INPROCEEDINGS, PREPRINT }

    /**
     * A dataset's reference paper.
     *
     * @param authors   "Family, Given", in order; a last "others" stands for the authors not listed
     * @param container the journal, the proceedings, or the preprint server and its number
     * @param volume    or null; @param issue or null; @param pages or null
     * @param source    where the reference was read
     */
    public record Paper(String dataset, PaperType type, List<String> authors, String title, String container, String year,
                        String volume, String issue, String pages, String doi, String source) {
        public Paper {
            authors = List.copyOf(authors);
        }
    }

    private final List<Note> notes;
    private final List<Paper> papers;

    private DatasetNotes(List<Note> notes, List<Paper> papers) {
        this.notes = List.copyOf(notes);
        this.papers = List.copyOf(papers);
    }

    public static DatasetNotes bundled() {
        List<Note> notes = new ArrayList<>();
        for (String[] c : rows("notes.tsv", 3)) {
            notes.add(new Note(c[0], c[1], c[2]));
        }
        List<Paper> papers = new ArrayList<>();
        for (String[] c : rows("papers.tsv", 11)) {
            papers.add(new Paper(c[0], PaperType.valueOf(c[1].toUpperCase(Locale.ROOT)),
                    List.of(c[2].split(";\\s*")), c[3], c[4], c[5], blank(c[6]), blank(c[7]), blank(c[8]), c[9], c[10]));
        }
        return new DatasetNotes(notes, papers);
    }

    /** The data rows of a bundled TSV file: no comments, no header, at least {@code columns} cells. */
    private static List<String[]> rows(String file, int columns) {
        try (InputStream in = DatasetNotes.class.getResourceAsStream("/org/medfetch/mirrors/" + file)) {
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\r?\\n")) {
                String[] c = line.split("\\t", -1);
                if (!line.startsWith("#") && !line.startsWith("catalog_dataset\t") && c.length >= columns) {
                    rows.add(c);
                }
            }
            return rows;
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the bundled dataset notes (" + file + ") cannot be read", e);
        }
    }

    private static String blank(String cell) {
        return cell.isBlank() ? null : cell;
    }

    public static DatasetNotes none() {
        return new DatasetNotes(List.of(), List.of());
    }

    /** The reference paper of a catalog dataset (by its exact name), if the registry knows it. */
    public java.util.Optional<Paper> paper(String name) {
        return papers.stream().filter(p -> p.dataset().equals(name)).findFirst();
    }

    /** Every reference paper the registry holds. */
    public List<Paper> papers() {
        return papers;
    }

    public List<Note> forDataset(String name) {
        return notes.stream().filter(n -> n.dataset().equals(name)).toList();
    }
}

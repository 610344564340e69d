package org.medfetch.resolve.mirrors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Facts about single datasets (forms, agreements, passwords by e-mail) added to their instructions. */
public final class DatasetNotes {

    /** @param source where the fact was read */
    public record Note(String dataset, String text, String source) {
    }

    private final List<Note> notes;

    private DatasetNotes(List<Note> notes) {
        this.notes = List.copyOf(notes);
    }

    public static DatasetNotes bundled() {
        try (InputStream in = DatasetNotes.class.getResourceAsStream("/org/medfetch/mirrors/notes.tsv")) {
            List<Note> notes = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            for (int i = 0; i < lines.length; i++) {
                String[] c = lines[i].split("\t");
                if (lines[i].startsWith("#") || lines[i].startsWith("catalog_dataset\t") || c.length < 3) {
                    continue;
                }
                notes.add(new Note(c[0], c[1], c[2]));
            }
            return new DatasetNotes(notes);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the bundled dataset notes cannot be read", e);
        }
    }

    public static DatasetNotes none() {
        return new DatasetNotes(List.of());
    }

    public List<Note> forDataset(String name) {
        return notes.stream().filter(n -> n.dataset().equals(name)).toList();
    }
}

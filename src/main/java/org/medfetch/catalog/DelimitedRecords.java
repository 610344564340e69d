package org.medfetch.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Records of a CSV (RFC 4180: quoted fields may hold separators, doubled quotes and line breaks) or TSV
 * file, each with the line it starts on. Blank lines are skipped.
 */
final class DelimitedRecords {

    record Record(int line, List<String> fields) {
    }

    private DelimitedRecords() {
    }

    static List<Record> read(String text, char separator) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        int start = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                field.setLength(0);
            } else if (c == separator) {
                fields.add(value(field, wasQuoted));
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(value(field, wasQuoted));
                wasQuoted = false;
                add(records, start, fields);
                fields = new ArrayList<>();
                line++;
                start = line;
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !fields.isEmpty() || wasQuoted) {
            fields.add(value(field, wasQuoted));
            add(records, start, fields);
        }
        return records;
    }

    private static String value(StringBuilder field, boolean quoted) {
        String v = quoted ? field.toString() : field.toString().strip();
        field.setLength(0);
        return v;
    }

    private static void add(List<Record> records, int line, List<String> fields) {
        if (fields.stream().allMatch(String::isBlank)) {
            return;
        }
        records.add(new Record(line, List.copyOf(fields)));
    }
}

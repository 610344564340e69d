package org.medfetch.manifest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The Markdown summary written beside a manifest, for people: a table of the datasets (state, size,
 * source), a checklist of the manual steps left with their instructions, and the terms and citations.
 */
public final class InstructionsWriter {

    /** @param manifestPath how the JSON manifest is named in the commands shown, e.g. manifests/thesis.json */
    public String write(Manifest manifest, String manifestPath) {
        List<Manifest.Dataset> datasets = manifest.datasets().stream()
                .sorted(Comparator.comparing(Manifest.Dataset::id)).toList();
        StringBuilder md = new StringBuilder();
        md.append("# Datasets of project ").append(code(manifest.project())).append("\n\n");
        md.append("Written ").append(manifest.writtenAt()).append(" by medfetch ").append(manifest.medfetchVersion())
                .append(" from the ").append(manifest.catalog().origin().equals("bundled") ? "bundled catalog"
                        : "catalog " + code(manifest.catalog().origin())).append(".\n");
        md.append("On another machine, `medfetch sync ").append(manifestPath).append("` fetches the same files and `medfetch ")
                .append("verify --manifest ").append(manifestPath).append("` checks them.\n\n");
        md.append("| Dataset | State | Files | Size | Source |\n| --- | --- | --- | --- | --- |\n");
        for (Manifest.Dataset d : datasets) {
            long done = d.files().stream().filter(f -> "done".equals(f.state())).count();
            md.append("| ").append(cell(d.name())).append(" (").append(code(d.id())).append(") | ").append(d.state())
                    .append(" | ").append(done).append(" of ").append(d.files().size()).append(" | ").append(size(d))
                    .append(" | ").append(d.source().kind()).append(d.source().link() == null ? "" : ": "
                            + cell(d.source().link())).append(" |\n");
        }
        List<Manifest.Dataset> manual = datasets.stream().filter(d -> d.manual() && !d.state().equals("done")).toList();
        md.append("\n## Manual steps left\n\n");
        if (manual.isEmpty()) {
            md.append("None.\n");
        }
        for (Manifest.Dataset d : manual) {
            md.append("- [ ] **").append(d.name()).append("** (").append(code(d.id())).append(")");
            if (d.instructions() != null) {
                md.append(": ").append(d.instructions().summary().strip());
                List<String> steps = d.instructions().steps();
                for (int i = 0; i < steps.size(); i++) {
                    md.append("\n  ").append(i + 1).append(". ").append(steps.get(i).strip().replace("\n", "\n     "));
                }
            }
            md.append("\n\n  Then bring the files in: `medfetch adopt ").append(d.id()).append(" PATH...`\n");
        }
        terms(md, datasets);
        return md.toString();
    }

    private static void terms(StringBuilder md, List<Manifest.Dataset> datasets) {
        List<String> lines = new ArrayList<>();
        for (Manifest.Dataset d : datasets) {
            List<String> parts = new ArrayList<>();
            if (d.license() != null) {
                parts.add("terms: " + d.license());
            }
            if (d.doi() != null) {
                parts.add("DOI: " + d.doi());
            }
            if (d.citation() != null) {
                parts.add("cite: " + d.citation());
            }
            if (!parts.isEmpty()) {
                lines.add("- **" + d.name() + "** (" + code(d.id()) + "): " + String.join("; ", parts).strip());
            }
        }
        if (!lines.isEmpty()) {
            md.append("\n## Terms of use and citations\n\n").append(String.join("\n", lines)).append('\n');
        }
    }

    /** Total of the known sizes, "at least" when some are unknown. */
    private static String size(Manifest.Dataset d) {
        if (d.files().stream().allMatch(f -> f.size() == null)) {
            return d.files().isEmpty() ? "-" : "?";
        }
        long total = d.files().stream().filter(f -> f.size() != null).mapToLong(Manifest.FileEntry::size).sum();
        boolean partial = d.files().stream().anyMatch(f -> f.size() == null);
        double value = total;
        int unit = 0;
        while (value >= 1024 && unit < 5) {
            value /= 1024;
            unit++;
        }
        String shown = unit == 0 ? total + " B" : String.format(Locale.ROOT, "%.1f %siB", value, "KMGTP".charAt(unit - 1));
        return partial ? "at least " + shown : shown;
    }

    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ");
    }

    private static String code(String text) {
        return "`" + text.replace("`", "'") + "`";
    }
}

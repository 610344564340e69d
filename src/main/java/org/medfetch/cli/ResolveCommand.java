package org.medfetch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.medfetch.resolve.Classification;
import org.medfetch.workflow.CatalogListing;
import org.medfetch.workflow.ClassifiedEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = "Show, offline, how each dataset's link would be fetched: its class, resolver, and the "
                + "instructions or the reason it is unavailable.")
final class ResolveCommand implements Callable<Integer> {

    @ParentCommand
    MedfetchCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DATASET", arity = "1..*", description = "Dataset ids, names, or unique prefixes.")
    List<String> datasets;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Override
    public Integer call() {
        CatalogListing listing = new CatalogListing(root.workspace());
        List<ClassifiedEntry> resolved = datasets.stream().map(root.workspace()::dataset).map(listing::classify).toList();
        PrintWriter out = spec.commandLine().getOut();
        for (ClassifiedEntry entry : resolved) {
            if (json) {
                JsonLines.print(out, EntryFields.withVerdict(entry));
                continue;
            }
            Classification c = entry.classification();
            out.println(entry.entry().id() + ": " + c.linkClass().label()
                    + (c.resolver() == null ? "" : " (" + c.resolver() + ")"));
            out.println("  link: " + (entry.entry().link() == null ? "-" : entry.entry().link()));
            if (c.reason() != null) {
                out.println("  unavailable: " + c.reason());
            }
            for (var m : entry.mirrors()) {
                out.println("  mirror (" + m.use().label() + (m.usable() ? ", used by add" : ", not used automatically")
                        + "): " + m.label() + ", " + m.linkClass().label() + ", " + m.rows().size() + " row(s), "
                        + m.link());
            }
            if (entry.mirrored()) {
                out.println("  add uses the mirror; the catalog link stays the fallback");
            }
            if (c.instructions() != null) {
                out.println("  " + c.instructions().render().replace(System.lineSeparator(), System.lineSeparator() + "  "));
            }
            entry.notes().forEach(n -> out.println("  note: " + n.text() + " (" + n.source() + ")"));
        }
        out.flush();
        return ExitCodes.SUCCESS;
    }
}

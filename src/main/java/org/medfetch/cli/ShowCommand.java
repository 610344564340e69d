package org.medfetch.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Classification;
import org.medfetch.workflow.CatalogListing;
import org.medfetch.workflow.ClassifiedEntry;
import org.medfetch.workflow.Lint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show everything about one dataset, including the steps a person must take.")
final class ShowCommand implements Callable<Integer> {

    @ParentCommand
    MedfetchCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DATASET", description = "Dataset id, name, or a unique prefix of either.")
    String dataset;

    @Override
    public Integer call() {
        CatalogEntry entry = root.workspace().dataset(dataset);
        ClassifiedEntry classified = new CatalogListing(root.workspace()).classify(entry);
        Classification c = classified.classification();
        PrintWriter out = spec.commandLine().getOut();
        field(out, "id", entry.id());
        field(out, "name", entry.name());
        field(out, "section", entry.section());
        field(out, "task", entry.task());
        field(out, "part", entry.part());
        field(out, "format", entry.format());
        field(out, "count", entry.count());
        field(out, "link", entry.link());
        entry.links().forEach(l -> field(out, "also", l.url() + (l.label() == null ? "" : " (" + l.label() + ")")));
        field(out, "host", classified.host());
        field(out, "class", c.linkClass().label());
        field(out, "resolver", c.resolver());
        field(out, "line", Integer.toString(entry.line()));
        if (c.reason() != null) {
            field(out, "reason", c.reason());
        }
        new Lint(root.workspace()).problems().stream().filter(p -> entry.id().equals(p.datasetId()))
                .forEach(p -> field(out, "problem", p.kind().label() + ": " + p.message()));
        classified.mirrors().forEach(m -> field(out, "mirror", m.use().label() + ": " + m.label() + " ("
                + m.linkClass().label() + ") " + m.link()));
        classified.notes().forEach(n -> field(out, "note", n.text() + " (" + n.source() + ")"));
        if (c.instructions() != null) {
            out.println();
            out.println(c.instructions().render());
        }
        out.flush();
        return ExitCodes.SUCCESS;
    }

    private static void field(PrintWriter out, String name, String value) {
        out.printf("%-10s %s%n", name + ":", value == null ? "-" : value);
    }
}

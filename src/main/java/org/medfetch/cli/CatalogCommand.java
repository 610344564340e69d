package org.medfetch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.medfetch.catalog.Catalog;
import org.medfetch.catalog.CatalogForms;
import org.medfetch.resolve.LinkClass;
import org.medfetch.workflow.CatalogListing;
import org.medfetch.workflow.ClassifiedEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "catalog", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List the datasets of the catalog with the class of their link.")
final class CatalogCommand implements Callable<Integer> {

    @ParentCommand
    MedfetchCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--section", paramLabel = "S",
            description = "Only datasets under a heading called S at any depth, any case (CT, MRI, 超声, Brain, ...).")
    String section;

    @Option(names = "--class", paramLabel = "C", converter = LinkClassConverter.class,
            description = "Only this link class: http, api, torrent, git, manual, unavailable.")
    LinkClass linkClass;

    @Option(names = "--search", paramLabel = "TEXT", description = "Only datasets whose id, name, task, part or link contains TEXT.")
    String search;

    @Option(names = "--json", description = "One JSON object per line instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        Catalog catalog = root.workspace().catalog();
        PrintWriter err = spec.commandLine().getErr();
        if (catalog.entries().isEmpty()) {
            err.println("medfetch: no datasets read from " + catalog.origin() + "; medfetch reads:");
            CatalogForms.UNDERSTOOD.forEach(form -> err.println("  - " + form));
            err.flush();
            return ExitCodes.PROBLEMS;
        }
        err.println("medfetch: " + catalog.coverage());
        err.flush();
        List<ClassifiedEntry> entries = new CatalogListing(root.workspace()).list(section, linkClass, search);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            entries.forEach(e -> JsonLines.print(out, EntryFields.of(e)));
            return ExitCodes.SUCCESS;
        }
        TextTable table = new TextTable("ID", "NAME", "SECTION", "TASK", "PART", "FORMAT", "COUNT", "CLASS", "HOST",
                "MIRROR");
        for (ClassifiedEntry c : entries) {
            var e = c.entry();
            table.add(e.id(), e.name(), e.section(), e.task(), e.part(), e.format(), e.count(),
                    c.classification().linkClass().label(), c.host(), c.mirrored() ? c.effectiveClass().label() : "");
        }
        table.print(out);
        out.println(entries.size() + " datasets");
        out.flush();
        return ExitCodes.SUCCESS;
    }
}

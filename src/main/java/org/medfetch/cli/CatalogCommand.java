package org.medfetch.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
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
        description = "List the datasets of the catalog with the class of their link and what fetching them needs.")
final class CatalogCommand implements Callable<Integer> {

    @ParentCommand
    MedfetchCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--section", paramLabel = "S",
            description = "Only datasets under a heading called S at any depth, any case, in English or Chinese (CT, "
                    + "MRI, ultrasound or 超声, pathology, Brain, ...); repeatable: under any of them.")
    List<String> sections = new ArrayList<>();

    @Option(names = "--class", paramLabel = "C", converter = LinkClassConverter.class,
            description = "Only this link class: http, api, torrent, git, manual, unavailable.")
    LinkClass linkClass;

    @Option(names = "--access", paramLabel = "A",
            description = "Only datasets whose access is A: open (no account), account (any), account:HOST, manual "
                    + "or unavailable; decided from the source add would use, a mirror included.")
    String access;

    @Option(names = "--search", paramLabel = "TEXT", description = "Only datasets whose id, name, section, task or part "
            + "mentions every word of TEXT, in English or Chinese (lung finds 肺, 分割 finds segmentation), or whose link "
            + "contains TEXT.")
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
        List<ClassifiedEntry> entries = new CatalogListing(root.workspace())
                .list(new CatalogListing.Filter(sections, linkClass, search, access));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            entries.forEach(e -> JsonLines.print(out, EntryFields.of(e)));
            return ExitCodes.SUCCESS;
        }
        TextTable table = new TextTable("ID", "NAME", "SECTION", "TASK", "PART", "FORMAT", "COUNT", "CLASS", "ACCESS",
                "HOST", "MIRROR");
        for (ClassifiedEntry c : entries) {
            var e = c.entry();
            table.add(e.id(), e.name(), e.section(), e.task(), e.part(), e.format(), e.count(),
                    c.classification().linkClass().label(), c.access(), c.host(),
                    c.mirrored() ? c.effectiveClass().label() : "");
        }
        table.print(out);
        out.println(entries.size() + " datasets");
        out.flush();
        return ExitCodes.SUCCESS;
    }
}

package org.medfetch.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.Instructions;
import org.medfetch.workflow.Access;
import org.medfetch.workflow.AddResult;
import org.medfetch.workflow.ClassifiedEntry;
import org.medfetch.workflow.DatasetPreview;
import org.medfetch.workflow.Lint;
import org.medfetch.workflow.Outcome;
import org.medfetch.workflow.RemoteSizes;
import org.medfetch.workflow.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show what 'medfetch get' would do with one dataset (its source, whether an account is needed, "
                + "its size), then everything else about it: fields, licence, DOI, page, mirrors, problems and the steps "
                + "a person would take if that source fails.",
            "Sizes come from the host's API or a HEAD, at most 5 s per host; offline they read 'size unknown'."})
final class ShowCommand implements Callable<Integer> {

    @ParentCommand
    MedfetchCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DATASET", description = "Dataset id, name, or a unique prefix of either.")
    String dataset;

    @Override
    public Integer call() {
        Workspace workspace = root.sizingWorkspace(RemoteSizes.PER_HOST);
        CatalogEntry entry = workspace.dataset(dataset);
        DatasetPreview.Preview preview = new DatasetPreview(workspace).preview(entry);
        ClassifiedEntry classified = preview.classified();
        Classification c = classified.classification();
        PrintWriter out = spec.commandLine().getOut();
        field(out, "get", verdict(preview));
        field(out, "access", classified.access());
        field(out, "id", entry.id());
        field(out, "name", entry.name());
        field(out, "section", entry.section());
        field(out, "modality", classified.modality());
        field(out, "task", entry.task());
        field(out, "part", entry.part());
        field(out, "format", entry.format());
        field(out, "count", entry.count());
        field(out, "licence", preview.license());
        if (preview.info().doi() != null) {
            field(out, "doi", preview.info().doi());
        } else if (preview.reference().doi() != null) {
            field(out, "paper", "https://doi.org/" + preview.reference().doi());
        }
        field(out, "page", preview.info().landingPage() != null ? preview.info().landingPage() : entry.link());
        field(out, "link", entry.link());
        entry.links().forEach(l -> field(out, "also", l.url() + (l.label() == null ? "" : " (" + l.label() + ")")));
        field(out, "host", classified.host());
        field(out, "class", c.linkClass().label());
        field(out, "resolver", c.resolver());
        field(out, "line", Integer.toString(entry.line()));
        if (c.reason() != null) {
            field(out, "reason", c.reason());
        }
        new Lint(workspace).problems().stream().filter(p -> entry.id().equals(p.datasetId()))
                .forEach(p -> field(out, "problem", p.kind().label() + ": " + p.message()));
        classified.mirrors().forEach(m -> field(out, "mirror", m.use().label() + ": " + m.label() + " ("
                + m.linkClass().label() + ") " + m.link()));
        classified.notes().forEach(n -> field(out, "note", n.text() + " (" + n.source() + ")"));
        AddResult planned = preview.planned();
        Instructions steps = planned.manual() && planned.instructions() != null ? planned.instructions()
                : c.instructions();
        if (steps != null) {
            out.println();
            if (!planned.manual() && (classified.mirrored() || !planned.files().isEmpty())) {
                out.println("If that fails:");
            }
            out.println(steps.render());
        }
        out.flush();
        return ExitCodes.SUCCESS;
    }

    /** The first line: what get does, from where, with which account, and how much. */
    private static String verdict(DatasetPreview.Preview preview) {
        AddResult planned = preview.planned();
        String access = preview.classified().access();
        if (access.equals(Access.UNAVAILABLE) || planned.outcome() == Outcome.FATAL && planned.files().isEmpty()
                && planned.message() != null && planned.message().contains("unavailable")) {
            return "nothing to download: " + (preview.classified().classification().reason() != null
                    ? preview.classified().classification().reason() : planned.message());
        }
        if (planned.manual() && planned.files().isEmpty()) {
            return "cannot download it by itself: a person must act first"
                    + (access.startsWith("account:") ? " (it needs your " + access.substring(8) + " account)" : "")
                    + "; the steps are below";
        }
        String from = preview.source() == null ? "" : " from " + preview.source();
        String account = access.startsWith("account:") ? "with your " + access.substring(8) + " account"
                : "no account needed";
        if (planned.message() != null) {
            return "downloads" + from + ", " + account + "; size unknown (" + planned.message() + ")";
        }
        long files = planned.files().size();
        return "downloads " + files + (files == 1 ? " file" : " files") + from + ", " + account + ", "
                + AddReporter.size(planned.knownBytes(), planned.unknownSizes(), files)
                + (planned.manual() ? "; some files need a person (steps below)" : "");
    }

    private static void field(PrintWriter out, String name, String value) {
        out.printf("%-10s %s%n", name + ":", value == null ? "-" : value);
    }
}

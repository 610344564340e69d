package org.medfetch.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.workflow.CheckLinks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Probe catalog links and mirrors (HEAD, else a one-byte GET), a few requests per host at a "
                + "time, and report each as alive, moved, dead or needs-login; exit 1 when any is not alive.")
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    MedfetchCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DATASET", arity = "0..*", description = "Datasets to check; default: the whole catalog.")
    List<String> datasets;

    @Option(names = "--json", description = "One JSON object per link per line.")
    boolean json;

    @Override
    public Integer call() {
        List<CatalogEntry> entries = datasets == null || datasets.isEmpty() ? root.workspace().catalog().entries()
                : datasets.stream().map(root.workspace()::dataset).toList();
        List<CheckLinks.Checked> results = new CheckLinks(root.workspace(), root.workspace().linkProbe()).check(entries);
        PrintWriter out = spec.commandLine().getOut();
        boolean allAlive = true;
        TextTable table = new TextTable("DATASET", "ORIGIN", "VERDICT", "STATUS", "LINK", "DETAIL");
        for (CheckLinks.Checked c : results) {
            allAlive &= c.verdict().equals("alive") || c.verdict().equals("skipped");
            if (json) {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("dataset", c.dataset());
                map.put("origin", c.origin());
                map.put("link", c.link());
                map.put("verdict", c.verdict());
                map.put("status", c.status() == 0 ? null : c.status());
                map.put("detail", c.detail());
                JsonLines.print(out, map);
            } else {
                table.add(c.dataset(), c.origin(), c.verdict(), c.status() == 0 ? "-" : String.valueOf(c.status()),
                        c.link(), c.detail());
            }
        }
        if (!json) {
            table.print(out);
        }
        out.flush();
        return allAlive ? ExitCodes.SUCCESS : ExitCodes.PROBLEMS;
    }
}

package org.medfetch.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.medfetch.catalog.CatalogProblem;
import org.medfetch.workflow.Lint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Report what was read from the catalog and its problems (lines with links that gave no "
                + "dataset, shifted rows, split cells, missing or truncated links, duplicates) with a suggested fix; "
                + "exit 1 when there are any.")
final class LintCommand implements Callable<Integer> {

    @ParentCommand
    MedfetchCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Override
    public Integer call() {
        List<CatalogProblem> problems = new Lint(root.workspace()).problems();
        PrintWriter out = spec.commandLine().getOut();
        String origin = root.workspace().catalog().origin();
        for (CatalogProblem p : problems) {
            if (json) {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("catalog", origin);
                map.put("line", p.line());
                map.put("dataset", p.datasetId());
                map.put("kind", p.kind().label());
                map.put("message", p.message());
                map.put("suggestion", p.suggestion());
                map.put("repaired", p.repaired());
                JsonLines.print(out, map);
            } else {
                out.println(origin + ":" + p.line() + ": " + (p.datasetId() == null ? "" : p.datasetId() + ": ")
                        + p.kind().label() + ": " + p.message() + (p.repaired() ? " [repaired]" : ""));
                out.println("    fix: " + p.suggestion());
            }
        }
        if (!json) {
            out.println(root.workspace().catalog().coverage() + "; "
                    + (problems.isEmpty() ? "no problems" : problems.size() + (problems.size() == 1 ? " problem" : " problems")));
        }
        out.flush();
        return problems.isEmpty() ? ExitCodes.SUCCESS : ExitCodes.PROBLEMS;
    }
}

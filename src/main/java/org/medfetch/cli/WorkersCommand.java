package org.medfetch.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.medfetch.engine.LeaseOwner;
import org.medfetch.store.WorkerStatus;
import org.medfetch.workflow.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "workers", mixinStandardHelpOptions = true,
        description = "List the live workers on the queue (run, get and sync processes, on this machine or, with a "
                + "PostgreSQL store, any): host, process id, since when, files held and finished, rate.")
final class WorkersCommand implements Callable<Integer> {

    @ParentCommand
    MedfetchCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per worker per line.")
    boolean json;

    @Override
    public Integer call() {
        // a worker of this host whose process is gone is dead, whatever its lease says
        // a listing never creates the queue it looks at
        Workspace workspace = root.existingWorkspace();
        List<WorkerStatus> workers = !workspace.hasQueue() ? List.of() : workspace.store().workers().stream()
                .filter(w -> !LeaseOwner.gone(w.worker().id())).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            workers.forEach(w -> JsonLines.print(out, fields(w)));
            return ExitCodes.SUCCESS;
        }
        TextTable table = new TextTable("WORKER", "STARTED", "HOLDS", "DONE", "RATE");
        for (WorkerStatus w : workers) {
            table.add(w.worker().host() + ":" + w.worker().pid(), w.worker().started().toString(),
                    Integer.toString(w.held()), Long.toString(w.filesDone()), Sizes.bytes(w.rate()) + "/s");
        }
        table.print(out);
        out.flush();
        return ExitCodes.SUCCESS;
    }

    private static Map<String, Object> fields(WorkerStatus w) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("worker", w.worker().host() + ":" + w.worker().pid());
        map.put("host", w.worker().host());
        map.put("pid", w.worker().pid());
        map.put("started", w.worker().started().toString());
        map.put("files_held", w.held());
        map.put("files_done", w.filesDone());
        map.put("rate", w.rate());
        return map;
    }
}

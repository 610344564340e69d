package org.medfetch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.medfetch.workflow.WriteManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "manifest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write manifests/<P>.json: the project's datasets and every file with its SHA-256, for git and "
                + "for 'medfetch sync' on another machine; and manifests/<P>.md, a summary with the manual steps left.",
            "No credentials and no absolute paths of this machine go into either file."})
final class ManifestCommand implements Callable<Integer> {

    @ParentCommand
    MedfetchCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--project"}, paramLabel = "P", defaultValue = "default",
            description = "The project (default: ${DEFAULT-VALUE}).")
    String project;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the JSON here instead of manifests/<P>.json (the summary goes beside it, as .md).")
    Path out;

    @Override
    public Integer call() {
        WriteManifest.Result result = new WriteManifest(root.existingWorkspace(), VersionProvider.version()).write(project, out);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path ws = root.workspace().root();
        long files = result.manifest().datasets().stream().mapToLong(d -> d.files().size()).sum();
        stdout.println("wrote " + shown(ws, result.json()) + " (" + result.manifest().datasets().size() + " dataset(s), "
                + files + " file(s)) and " + shown(ws, result.markdown()));
        long manual = result.manifest().datasets().stream().filter(d -> d.manual() && !d.state().equals("done")).count();
        if (manual > 0) {
            stdout.println(manual + " dataset(s) need manual steps: see the checklist in " + shown(ws, result.markdown()));
        }
        for (String warning : result.warnings()) {
            err.println("medfetch: warning: " + warning);
        }
        stdout.flush();
        err.flush();
        return ExitCodes.SUCCESS;
    }

    /** A path inside the workspace relative to it, others as they are. */
    static String shown(Path workspace, Path file) {
        return file.startsWith(workspace) ? workspace.relativize(file).toString() : file.toString();
    }
}

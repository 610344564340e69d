package org.medfetch.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script for every command and option.",
            "bash: source <(medfetch completion bash), or save it in ~/.local/share/bash-completion/completions/medfetch.",
            "zsh: source <(medfetch completion zsh) in ~/.zshrc (the script loads zsh's bash completion layer)."})
final class CompletionCommand implements Callable<Integer> {

    /** The shells whose script this prints. */
    enum Shell { bash, zsh }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // One script for both: picocli's detects zsh and loads zsh's bash completion layer (bashcompinit) itself.
        out.print(AutoComplete.bash("medfetch", spec.root().commandLine()));
        out.flush();
        return ExitCodes.SUCCESS;
    }
}

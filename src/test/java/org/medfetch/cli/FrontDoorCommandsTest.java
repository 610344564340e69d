package org.medfetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** help, completion, colour, did-you-mean, mistaken targets and which commands create a workspace. */
class FrontDoorCommandsTest {

    @TempDir
    Path tmp;

    @Test
    void helpNamesEveryCommandAndHelpOfACommandShowsItsOptions() {
        CliRun all = CliRun.run("help");
        assertEquals(0, all.exitCode(), all.err());
        for (String command : new String[] {"catalog", "show", "get", "run", "remove", "verify", "completion", "help"}) {
            assertTrue(all.out().contains("  " + command), command + " missing in: " + all.out());
        }
        CliRun remove = CliRun.run("help", "remove");
        assertEquals(0, remove.exitCode());
        assertTrue(remove.out().contains("--purge"), remove.out());
    }

    @Test
    void completionScriptsCoverCommandsAndOptionsForBashAndZsh() {
        CliRun bash = CliRun.run("completion", "bash");
        assertEquals(0, bash.exitCode(), bash.err());
        assertTrue(bash.out().contains("complete -F _complete_medfetch"), bash.out().substring(0, 300));
        assertTrue(bash.out().contains("--connections") && bash.out().contains("remove"), "options and commands");
        CliRun zsh = CliRun.run("completion", "zsh");
        assertEquals(0, zsh.exitCode());
        assertTrue(zsh.out().contains("ZSH_VERSION") && zsh.out().contains("bashcompinit"), "zsh loads its bash layer");
        assertTrue(zsh.out().contains("complete -F _complete_medfetch"));
        assertEquals(2, CliRun.run("completion", "fish").exitCode());
    }

    @Test
    void noColorTurnsColourOffEvenWhenForced() {
        String esc = "\u001B[";
        CliRun forced = CliRun.run(Map.of("CLICOLOR_FORCE", "1"), tmp, "--help");
        assertTrue(forced.out().contains(esc), "CLICOLOR_FORCE gives colour: the test can see it");
        CliRun none = CliRun.run(Map.of("CLICOLOR_FORCE", "1", "NO_COLOR", "1"), tmp, "--help");
        assertEquals(0, none.exitCode());
        assertFalse(none.out().contains(esc), none.out());
    }

    @Test
    void aMisspelledCommandOrOptionGetsASuggestion() {
        CliRun command = CliRun.run("stauts");
        assertEquals(2, command.exitCode());
        assertTrue(command.err().contains("did you mean 'status'"), command.err());
        CliRun option = CliRun.in(tmp, "run", "--conections", "4");
        assertEquals(2, option.exitCode());
        assertTrue(option.err().contains("did you mean '--connections'"), option.err());
    }

    @Test
    void mistakenTargetsGetTheirNextStep() throws Exception {
        CliRun noScheme = CliRun.in(tmp, "add", "zenodo.org/records/10519652/files/pneumoniamnist.npz");
        assertEquals(2, noScheme.exitCode());
        assertTrue(noScheme.err().contains("did you mean https://zenodo.org/records/10519652/files/pneumoniamnist.npz"),
                noScheme.err());
        CliRun ftp = CliRun.in(tmp, "add", "ftp://ftp.example.org/data.zip");
        assertEquals(2, ftp.exitCode());
        assertTrue(ftp.err().contains("not ftp://") && ftp.err().contains("medfetch adopt"), ftp.err());
        CliRun s3 = CliRun.in(tmp, "add", "s3://openneuro.org/ds000001/README");
        assertTrue(s3.err().contains("https://openneuro.org.s3.amazonaws.com/ds000001/README"), s3.err());
        Path local = Files.writeString(tmp.resolve("scan.nii.gz"), "x");
        CliRun file = CliRun.in(tmp, "add", local.toString());
        assertEquals(2, file.exitCode());
        assertTrue(file.err().contains("medfetch adopt DATASET " + local), file.err());
        for (CliRun r : new CliRun[] {noScheme, ftp, s3, file}) {
            assertEquals(1, r.err().lines().count(), r.err());
        }
        assertFalse(Files.exists(tmp.resolve("downloads/.medfetch")), "nothing was queued");
    }

    @Test
    void readOnlyCommandsNeverCreateAWorkspaceAndNameTheMissingFolder() {
        Path missing = tmp.resolve("no-such-workspace");
        for (String[] command : new String[][] {{"status"}, {"verify"}, {"run"}, {"pause", "--all"},
            {"remove", "x"}, {"manifest"}, {"workers"}, {"store"}, {"store", "copy", "--to", "sqlite"}}) {
            CliRun run = CliRun.in(missing, command);
            assertEquals(2, run.exitCode(), String.join(" ", command) + ": " + run.err());
            assertTrue(run.err().contains(missing.toString()) && run.err().contains("does not exist"), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
        }
        assertFalse(Files.exists(missing));
        CliRun status = CliRun.in(tmp, "status");
        assertEquals(0, status.exitCode());
        assertFalse(Files.exists(tmp.resolve("downloads")), "status in an empty folder creates nothing");
        CliRun store = CliRun.in(tmp, "store");
        assertEquals(0, store.exitCode(), store.err());
        assertTrue(store.out().startsWith("no queue yet: the first 'medfetch add' records it in "), store.out());
        assertEquals(0, CliRun.in(tmp, "workers").exitCode());
        assertFalse(Files.exists(tmp.resolve("downloads")), "store and workers in an empty folder create nothing");
    }

    @Test
    void commandsThatWriteCreateAMissingWorkspace() {
        Path fresh = tmp.resolve("a/new/workspace");
        CliRun add = CliRun.in(fresh, "add", "lits");
        assertEquals(5, add.exitCode(), add.err());
        assertTrue(Files.isRegularFile(fresh.resolve("downloads/.medfetch/state.db")));
    }
}

package com.perfectframe.cli;

import com.perfectframe.logging.OneLine;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code perfectframe} command and its subcommands. */
@Command(
        name = "perfectframe",
        mixinStandardHelpOptions = true,
        versionProvider = PerfectFrameCli.Version.class,
        description = "Pulls the best frames out of videos and the best photos out of a folder.",
        subcommands = {
            BestFramesCommand.class,
            TopImagesCommand.class,
            ServeCommand.class,
            ModelCommand.class,
            BenchmarkCommand.class,
            CommandLine.HelpCommand.class
        })
public final class PerfectFrameCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit code. */
    public static int execute(String... args) {
        // Short log lines and no library chatter for every command; a job re-configures for its progress bar,
        // and `serve` hands logging over to Spring Boot.
        CliLogging.configure(false, false);
        CommandLine commandLine = new CommandLine(new PerfectFrameCli());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            err.println("Error: " + OneLine.of(e.getMessage() != null ? e.getMessage() : e.toString()));
            if (parsed.hasMatchedOption("--verbose") || parsed.hasMatchedOption("-v")) {
                e.printStackTrace(err);
            }
            return 1;
        });
        return commandLine.execute(args);
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = PerfectFrameCli.class.getPackage().getImplementationVersion();
            return new String[] {"PerfectFrame " + (version != null ? version : "(development build)")};
        }
    }
}

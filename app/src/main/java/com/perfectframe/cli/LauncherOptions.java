package com.perfectframe.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The original's launcher flags ({@code start.py --port/-p}, {@code --build/-b}), accepted so that its users' commands
 * run unchanged. There they chose the port of the Docker service that ran the job and rebuilt its image; here the job
 * runs in this process, so each flag only says, in one line, that it has no effect and what does that job instead.
 */
final class LauncherOptions {

    @Option(
            names = {"-p", "--port"},
            paramLabel = "PORT",
            description = "The original's service port: no effect, the job runs in this process (`serve -p PORT` "
                    + "runs the REST service).")
    Integer port;

    @Option(
            names = {"-b", "--build"},
            description = "The original's Docker image rebuild: no effect, the job runs in this process (`docker "
                    + "compose build` rebuilds the image).")
    boolean build;

    /** One line for each flag given, saying why it has no effect. */
    List<String> notes() {
        List<String> notes = new ArrayList<>(2);
        if (port != null) {
            notes.add("Note: --port has no effect: the job runs in this process and starts no service; `serve -p "
                    + port + "` runs the REST service on port " + port + ".");
        }
        if (build) {
            notes.add("Note: --build has no effect: the job runs in this process, not in a Docker container; to "
                    + "rebuild the Docker image run `docker compose build`.");
        }
        return notes;
    }
}

package com.perfectframe.spark;

import java.io.Serializable;
import java.util.List;
import picocli.CommandLine;

/**
 * A job as the user typed it: the command's name and its arguments. This is what is sent to the executors, which
 * parse it with the same command, so that the driver and every executor agree on every option and default.
 */
record JobArguments(String command, List<String> arguments) implements Serializable {

    JobArguments {
        arguments = List.copyOf(arguments);
    }

    /**
     * The parsed command.
     *
     * @throws IllegalArgumentException naming the option that cannot be used
     */
    JobCommand parse() {
        JobCommand command = switch (this.command) {
            case "best_frames" -> new JobCommand.BestFrames();
            case "all_frames" -> new JobCommand.AllFrames();
            case "top_images" -> new JobCommand.TopImages();
            default ->
                throw new IllegalArgumentException(
                        "Unknown job '" + this.command + "': use best_frames, all_frames or top_images.");
        };
        try {
            new CommandLine(command).parseArgs(arguments.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return command;
    }
}

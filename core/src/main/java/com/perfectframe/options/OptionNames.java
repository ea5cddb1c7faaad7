package com.perfectframe.options;

import com.perfectframe.extract.ExtractionRequest;
import com.perfectframe.limits.InvalidSettingException;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Names a setting the core refused as the command line's user typed it. The core's records throw an {@link
 * InvalidSettingException} with a neutral key ({@code group_size}); the option is {@code --} and that key, or the
 * exception listed here, and of its names the one the user gave is said: {@code --compering_group_size 0} is
 * answered about {@code --compering_group_size}. Shared by the application's commands and the Spark job.
 */
public final class OptionNames {

    /** The settings whose option is not named {@code --} and the setting's key. */
    private static final Map<String, String> OPTIONS =
            Map.of(ExtractionRequest.Curation.MIN_GAP_SECONDS.key(), "--min_gap");

    private OptionNames() {}

    /** The exception's message with the setting named as the option the user typed (or its canonical name). */
    public static String describe(InvalidSettingException e, CommandSpec command) {
        return e.describe(typed(e.setting(), command));
    }

    /** The name under which the setting's option was given on the command line, else its canonical name. */
    static String typed(String setting, CommandSpec command) {
        String canonical = OPTIONS.getOrDefault(setting, "--" + setting);
        OptionSpec option = command.findOption(canonical);
        ParseResult parsed =
                command.commandLine() != null ? command.commandLine().getParseResult() : null;
        if (option == null || parsed == null) {
            return canonical;
        }
        String typed = canonical;
        for (String argument : parsed.originalArgs()) {
            for (String name : option.names()) {
                if (argument.equals(name) || argument.startsWith(name + "=")) {
                    typed = name;
                }
            }
        }
        return typed;
    }
}

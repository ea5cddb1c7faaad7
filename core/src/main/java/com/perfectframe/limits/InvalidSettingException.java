package com.perfectframe.limits;

/**
 * A setting with a value that cannot be used. Knows the setting's neutral key (snake_case, e.g. {@code group_size},
 * {@code frame_budget_mb}) apart from the problem, so that each front end names the setting as its user typed it:
 * {@code --group_size} on the command line, {@code compering_group_size} in a REST body, {@code
 * perfectframe.frame-budget-mb} in the service's configuration.
 */
public final class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String setting;
    private final String problem;

    /**
     * @param setting the setting's neutral key
     * @param problem what is wrong, as the rest of a sentence that starts with the setting's name ("must be …")
     */
    public InvalidSettingException(String setting, String problem) {
        super(setting + " " + problem);
        this.setting = setting;
        this.problem = problem;
    }

    /** The setting's neutral key in snake_case. */
    public String setting() {
        return setting;
    }

    /** What is wrong, without the setting's name. */
    public String problem() {
        return problem;
    }

    /** The message with the setting named as the caller's users know it. */
    public String describe(String settingName) {
        return settingName + " " + problem;
    }
}

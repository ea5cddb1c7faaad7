package com.perfectframe.extract;

/**
 * A pipeline setting with a value that cannot be used. Knows the setting's key (snake_case, e.g. {@code
 * frame_budget_mb}) apart from the problem, so each front end names it as its users type it: {@code
 * --frame_budget_mb} on the command line, {@code perfectframe.frame-budget-mb} in the service's configuration.
 */
public final class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String setting;
    private final String problem;

    InvalidSettingException(String setting, String problem) {
        super(setting + " " + problem);
        this.setting = setting;
        this.problem = problem;
    }

    /** The setting's key in snake_case. */
    public String setting() {
        return setting;
    }

    /** The message with the setting named as the caller's users know it. */
    public String describe(String settingName) {
        return settingName + " " + problem;
    }
}

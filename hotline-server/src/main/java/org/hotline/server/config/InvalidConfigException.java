package org.hotline.server.config;

/** A configuration value that keeps the server from starting; names the setting at fault. */
public final class InvalidConfigException extends RuntimeException {

    private final String setting;

    public InvalidConfigException(String setting, String problem) {
        super(setting + ": " + problem, null, false, false);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}

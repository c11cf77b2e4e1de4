package org.popstream.job.config;

/** A configuration value that cannot start the job; the message names the key. */
public final class InvalidConfigException extends IllegalArgumentException {

    private final String key;

    public InvalidConfigException(String key, String problem) {
        super("configuration key '" + key + "': " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}

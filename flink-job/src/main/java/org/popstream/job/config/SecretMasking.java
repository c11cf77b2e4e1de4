package org.popstream.job.config;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Keeps passwords, secrets and JAAS configurations (which embed credentials) out of logs. */
public final class SecretMasking {

    static final String MASK = "******";

    private SecretMasking() {}

    public static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("secret") || lower.contains("jaas");
    }

    /** A sorted copy of {@code properties} safe to print. */
    public static Map<String, String> masked(Map<String, String> properties) {
        Map<String, String> out = new TreeMap<>();
        properties.forEach((key, value) -> out.put(key, isSecret(key) ? MASK : value));
        return out;
    }
}

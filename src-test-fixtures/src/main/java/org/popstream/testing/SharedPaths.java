package org.popstream.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the project's read-only {@code shared/} folder (models, golden values, data) from tests.
 * Surefire passes {@code -Dpopstream.shared}; otherwise we walk up from the working directory.
 */
public final class SharedPaths {
    private SharedPaths() {}

    public static Path shared() {
        String property = System.getProperty("popstream.shared");
        if (property != null && Files.isDirectory(Path.of(property))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared");
            if (Files.isDirectory(candidate.resolve("golden"))) {
                return candidate.normalize();
            }
            Path sibling = p.resolveSibling("shared");
            if (p.getParent() != null && Files.isDirectory(sibling.resolve("golden"))) {
                return sibling.normalize();
            }
        }
        throw new IllegalStateException("cannot find shared/ (set -Dpopstream.shared=DIR)");
    }

    public static Path golden(String file) {
        return shared().resolve("golden").resolve(file);
    }

    public static Path models() {
        return shared().resolve("models").resolve("pop-cosmos");
    }

    public static Path data(String relative) {
        return shared().resolve("data").resolve(relative);
    }
}

package org.popstream.cli;

import java.nio.file.Path;

/** Paths inside the project checkout, which the launcher passes as POPSTREAM_HOME (else the working directory). */
final class ProjectHome {

    /** The shared COSMOS2020 development catalogue, beside the checkout. */
    static final String DEV_CATALOGUE = "../shared/data/cosmos2020_specz_highz/cosmos2020_specz_highz_dev.csv";

    private ProjectHome() {}

    static Path resolve(String relative) {
        return Path.of(System.getenv().getOrDefault("POPSTREAM_HOME", ".")).resolve(relative);
    }
}

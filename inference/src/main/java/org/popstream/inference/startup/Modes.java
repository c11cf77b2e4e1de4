package org.popstream.inference.startup;

import java.util.List;

/** What the MAP search found for one galaxy: one {@link Mode} per start that reached a finite log posterior. */
record Modes(List<Mode> found) {

    Modes {
        found = List.copyOf(found);
    }
}

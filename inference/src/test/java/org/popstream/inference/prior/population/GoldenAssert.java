package org.popstream.inference.prior.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

final class GoldenAssert {
    private GoldenAssert() {}

    /** Equal within tol, or both −∞ (never NaN). */
    static void assertClose(double expected, double actual, double tol, Map<String, Double> row, String what) {
        String where = what + " at z=" + row.get("z") + " log10M=" + row.get("log10M");
        if (expected == Double.NEGATIVE_INFINITY) {
            assertEquals(Double.NEGATIVE_INFINITY, actual, where);
            return;
        }
        assertTrue(Math.abs(expected - actual) <= tol,
                where + ": expected " + expected + " got " + actual + " (|Δ| = " + Math.abs(expected - actual) + ")");
    }
}

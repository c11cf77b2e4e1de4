package org.popstream.inference.diffusion;

/** Normalises raw conditions once per call and hands the solver the rows it is working on. */
final class ConditionNormaliser {
    private ConditionNormaliser() {}

    /** Row-major normalised conditions, or null for an unconditional model. */
    static double[] normalise(DiffusionModel model, double[][] conditions, int rows) {
        int nc = model.conditionals();
        if (nc == 0) {
            if (conditions != null) {
                throw new IllegalArgumentException("the model is unconditional but conditions were given");
            }
            return null;
        }
        if (conditions == null || conditions.length != rows) {
            throw new IllegalArgumentException("the model is conditional on " + nc + " values: need one condition per point ("
                    + rows + "), got " + (conditions == null ? "none" : conditions.length));
        }
        double[] shift = model.conditionalShift();
        double[] scale = model.conditionalScale();
        double[] out = new double[rows * nc];
        for (int r = 0; r < rows; r++) {
            DiffusionLogDensity.requireWidth("condition", r, conditions[r], nc);
            for (int j = 0; j < nc; j++) {
                out[r * nc + j] = (conditions[r][j] - shift[j]) / scale[j];
            }
        }
        return out;
    }

    /** The packed rows of a row-major table, or null if the table is null. */
    static double[] gather(double[] table, int[] rows, int width) {
        if (table == null) {
            return null;
        }
        double[] out = new double[rows.length * width];
        for (int p = 0; p < rows.length; p++) {
            System.arraycopy(table, rows[p] * width, out, p * width, width);
        }
        return out;
    }
}

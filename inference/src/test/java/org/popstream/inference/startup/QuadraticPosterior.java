package org.popstream.inference.startup;

/**
 * log p(x) = −½ (x − μ)ᵀ A (x − μ) for every galaxy i with its own μ_i and A_i: a posterior whose
 * curvature, MAP and Laplace covariance are known exactly, evaluated in double and stored as float32
 * the way the TensorFlow graph returns them.
 */
final class QuadraticPosterior implements PosteriorGradient {

    private final double[][] mean;        // [galaxy][d]
    private final double[][][] precision; // [galaxy][d][d]
    private int calls;

    QuadraticPosterior(double[][] mean, double[][][] precision) {
        this.mean = mean;
        this.precision = precision;
    }

    @Override
    public Evaluation at(StackedPoints points) {
        calls++;
        StackedPoints gradient = StackedPoints.zeros(points.rows(), points.galaxies(), points.dim());
        float[] logPosterior = new float[points.rows() * points.galaxies()];
        StackedValues lp = StackedValues.wrap(logPosterior, points.rows(), points.galaxies());
        for (int row = 0; row < points.rows(); row++) {
            for (int i = 0; i < points.galaxies(); i++) {
                double[] x = points.point(row, i);
                lp.set(row, i, (float) logDensity(i, x));
                double[] g = gradient(i, x);
                for (int d = 0; d < g.length; d++) {
                    gradient.set(row, i, d, g[d]);
                }
            }
        }
        return new Evaluation(gradient, lp);
    }

    double logDensity(int galaxy, double[] x) {
        double[] g = gradient(galaxy, x);
        double q = 0;
        for (int d = 0; d < x.length; d++) {
            q += (x[d] - mean[galaxy][d]) * -g[d];
        }
        return -0.5 * q;
    }

    double[] gradient(int galaxy, double[] x) {
        int dim = x.length;
        double[] g = new double[dim];
        for (int a = 0; a < dim; a++) {
            for (int b = 0; b < dim; b++) {
                g[a] -= precision[galaxy][a][b] * (x[b] - mean[galaxy][b]);
            }
        }
        return g;
    }

    int calls() {
        return calls;
    }
}

package org.popstream.inference.startup;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.popstream.inference.prior.Bounds;

/**
 * One mode of a galaxy's posterior in the Laplace approximation N(centre, covariance), weighted in a
 * mixture by {@code logWeight} = log p(centre) + ½ log|covariance|.
 */
record LaplaceComponent(double[] centre, double logPosterior, double[][] covariance, double logWeight) {

    /**
     * Directions the data do not constrain are capped at this share of the prior range: an
     * unconstrained direction would otherwise get an infinite width.
     */
    static final double MAX_SIGMA_FRACTION = 0.2;

    /** N(centre, H⁻¹) with eigenvalues floored so no direction is wider than the cap (in units of the range). */
    static LaplaceComponent of(double[] centre, double logPosterior, Curvature curvature, Bounds bounds) {
        double[][] hessian = curvature.precision();
        int dim = centre.length;
        double[][] scaled = new double[dim][dim];
        for (int a = 0; a < dim; a++) {
            for (int b = 0; b < dim; b++) {
                scaled[a][b] = hessian[a][b] * bounds.width(a) * bounds.width(b);
            }
        }
        EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(scaled));
        double floor = 1 / (MAX_SIGMA_FRACTION * MAX_SIGMA_FRACTION);
        double[] values = eig.getEigenvalues();
        RealMatrix v = eig.getV();
        double[][] cov = new double[dim][dim];
        double logDet = 0;
        for (int e = 0; e < dim; e++) {
            double lambda = Double.isFinite(values[e]) ? Math.max(values[e], floor) : floor;
            logDet -= Math.log(lambda);
            for (int a = 0; a < dim; a++) {
                for (int b = 0; b < dim; b++) {
                    cov[a][b] += v.getEntry(a, e) * v.getEntry(b, e) / lambda * bounds.width(a) * bounds.width(b);
                }
            }
        }
        for (int d = 0; d < dim; d++) {
            logDet += 2 * Math.log(bounds.width(d));
            for (int e = 0; e < d; e++) { // exactly symmetric for the Cholesky factorisation
                double s = 0.5 * (cov[d][e] + cov[e][d]);
                cov[d][e] = s;
                cov[e][d] = s;
            }
        }
        return new LaplaceComponent(centre, logPosterior, cov, logPosterior + 0.5 * logDet);
    }

    /** Squared Mahalanobis distance of {@code x} from the centre in this component's covariance. */
    double mahalanobis2(double[] x) {
        int dim = x.length;
        double[] diff = new double[dim];
        for (int d = 0; d < dim; d++) {
            diff[d] = x[d] - centre[d];
        }
        double[] solved = cholesky().getSolver().solve(new ArrayRealVector(diff)).toArray();
        double q = 0;
        for (int d = 0; d < dim; d++) {
            q += diff[d] * solved[d];
        }
        return q;
    }

    /** Lower-triangular L with L Lᵀ = covariance. */
    double[][] choleskyFactor() {
        return cholesky().getL().getData();
    }

    private CholeskyDecomposition cholesky() {
        return new CholeskyDecomposition(new Array2DRowRealMatrix(covariance), 1e-9, 0);
    }
}

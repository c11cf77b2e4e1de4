package org.popstream.inference.diffusion;

/**
 * The forward SDE {@code dz = a(t) z dt + g(t) dw} of a flowfusion diffusion model, reduced to what
 * the probability-flow ODE needs. All three upstream SDEs have a drift linear in z.
 */
public sealed interface Sde permits Sde.VariancePreserving, Sde.VarianceExploding, Sde.SubVariancePreserving {

    /** {@code a(t)} in the drift {@code f = a(t) z}. */
    double driftCoefficient(double t);

    /** {@code g(t)²}. */
    double diffusionSquared(double t);

    /** σ(t), the marginal standard deviation the score network output is divided by when {@code no_sigma} is false. */
    double sigma(double t);

    /** Standard deviation of the base density N(0, σ_p²) at t = T, per dimension. */
    double baseStd();

    /** Start of the integration, ε (the stored float32 buffer, widened). */
    double epsilon();

    /** End of the integration, T. */
    double horizon();

    /** Upstream class name, for reports. */
    String describe();

    /** flowfusion {@code VPSDE}: β(t) = β_min + (β_max − β_min) t/T. */
    record VariancePreserving(double betaMin, double betaMax, double horizon, double epsilon) implements Sde {
        public VariancePreserving {
            requireTimes(horizon, epsilon);
            requireBetaRange("VPSDE", betaMin, betaMax);
        }

        double beta(double t) {
            return linearBeta(betaMin, betaMax, horizon, t);
        }

        double integratedBeta(double t) {
            return linearBetaIntegral(betaMin, betaMax, horizon, t);
        }

        @Override
        public double driftCoefficient(double t) {
            return -0.5 * beta(t);
        }

        @Override
        public double diffusionSquared(double t) {
            return beta(t);
        }

        @Override
        public double sigma(double t) {
            return Math.sqrt(-Math.expm1(-integratedBeta(t)));
        }

        @Override
        public double baseStd() {
            return 1.0;
        }

        @Override
        public String describe() {
            return "VPSDE(beta_min=" + betaMin + ", beta_max=" + betaMax + ", T=" + horizon + ", eps=" + epsilon + ")";
        }
    }

    /** flowfusion {@code VESDE}: σ(t) = σ_min (σ_max/σ_min)^(t/T), no drift, base N(0, σ_max²). */
    record VarianceExploding(double sigmaMin, double sigmaMax, double horizon, double epsilon) implements Sde {
        public VarianceExploding {
            requireTimes(horizon, epsilon);
            if (!(sigmaMin > 0 && sigmaMax > sigmaMin)) {
                throw new IllegalArgumentException("VESDE needs 0 < sigma_min < sigma_max, got " + sigmaMin + ", " + sigmaMax);
            }
        }

        @Override
        public double driftCoefficient(double t) {
            return 0.0;
        }

        @Override
        public double diffusionSquared(double t) {
            double s = sigma(t);
            return s * s * (2 * (Math.log(sigmaMax) - Math.log(sigmaMin)) / horizon);
        }

        @Override
        public double sigma(double t) {
            return sigmaMin * Math.pow(sigmaMax / sigmaMin, t / horizon);
        }

        @Override
        public double baseStd() {
            return sigmaMax;
        }

        @Override
        public String describe() {
            return "VESDE(sigma_min=" + sigmaMin + ", sigma_max=" + sigmaMax + ", T=" + horizon + ", eps=" + epsilon + ")";
        }
    }

    /**
     * flowfusion {@code SUBVPSDE}. The diffusion follows upstream's fix (flowfusion 2d9ef74):
     * g² = β(t)(1 − exp(−2β_min t − (β_max − β_min)t²/T)); at 39fe5b9 upstream takes the square root of a
     * negative number there (NaN), so only models used with the fixed code have a defined density.
     * σ(t) = 1 − exp(−∫β), without a square root, exactly as upstream's {@code marginal_prob_scalars}.
     */
    record SubVariancePreserving(double betaMin, double betaMax, double horizon, double epsilon) implements Sde {
        public SubVariancePreserving {
            requireTimes(horizon, epsilon);
            requireBetaRange("SUBVPSDE", betaMin, betaMax);
        }

        double beta(double t) {
            return linearBeta(betaMin, betaMax, horizon, t);
        }

        double integratedBeta(double t) {
            return linearBetaIntegral(betaMin, betaMax, horizon, t);
        }

        @Override
        public double driftCoefficient(double t) {
            return -0.5 * beta(t);
        }

        @Override
        public double diffusionSquared(double t) {
            return beta(t) * -Math.expm1(-2 * integratedBeta(t));
        }

        @Override
        public double sigma(double t) {
            return -Math.expm1(-integratedBeta(t));
        }

        @Override
        public double baseStd() {
            return 1.0;
        }

        @Override
        public String describe() {
            return "SUBVPSDE(beta_min=" + betaMin + ", beta_max=" + betaMax + ", T=" + horizon + ", eps=" + epsilon + ")";
        }
    }

    /** β(t) = β_min + (β_max − β_min) t/T, the schedule shared by VPSDE and SUBVPSDE. */
    private static double linearBeta(double betaMin, double betaMax, double horizon, double t) {
        return betaMin + (betaMax - betaMin) * (t / horizon);
    }

    /** ∫₀ᵗ β(s) ds of {@link #linearBeta}. */
    private static double linearBetaIntegral(double betaMin, double betaMax, double horizon, double t) {
        return 0.5 * (betaMax - betaMin) * t * t / horizon + betaMin * t;
    }

    private static void requireBetaRange(String sde, double betaMin, double betaMax) {
        if (!(betaMin >= 0 && betaMax > betaMin)) {
            throw new IllegalArgumentException(sde + " needs 0 <= beta_min < beta_max, got " + betaMin + ", " + betaMax);
        }
    }

    private static void requireTimes(double horizon, double epsilon) {
        if (!(epsilon > 0 && horizon > epsilon)) {
            throw new IllegalArgumentException("need 0 < epsilon < T, got epsilon=" + epsilon + ", T=" + horizon);
        }
    }
}

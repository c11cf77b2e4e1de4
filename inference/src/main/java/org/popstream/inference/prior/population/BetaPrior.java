package org.popstream.inference.prior.population;

import java.util.Locale;
import java.util.random.RandomGenerator;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.popstream.inference.likelihood.StudentT2;
import org.popstream.inference.physics.StarFormationHistory;
import org.popstream.inference.prior.AnalyticPrior;
import org.popstream.inference.prior.AnalyticPriorSettings;
import org.popstream.inference.prior.Bounds;
import org.popstream.inference.prior.ParameterSpace;
import org.popstream.inference.prior.Prior;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The Prospector-β-style population prior (population-prior.md §3) behind the {@link Prior} interface:
 * the analytic prior of science.md §4 with its uniform (z, log10 M), uniform log10 Z and zero-centred
 * SFR-ratio terms replaced by the enabled population terms. Evaluated as
 * ln p_analytic(θ) − (replaced analytic terms) + (population terms), so dust, AGN and gas terms and
 * the support box stay exactly the analytic prior's.
 */
public final class BetaPrior implements Prior {
    private static final int RATIOS = StarFormationHistory.RATIOS;
    private static final int MASS_GRID = 601;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    private final AnalyticPrior analytic;
    private final PopulationPrior population;
    private final PopulationPriorOps ops;
    private final TruncatedStudentT analyticRatioPrior = TruncatedStudentT.continuityPrior();
    private final double[] zGrid;
    private final double[] zCdf;

    public BetaPrior(AnalyticPrior analytic, PopulationPrior population, PopulationPriorOps ops) {
        AnalyticPriorSettings a = analytic.settings();
        PopulationBox box = population.settings().box();
        if (a.zMax() != box.zMax() || a.log10MassMin() != box.muMin() || a.log10MassMax() != box.muMax()) {
            throw new IllegalArgumentException("population box " + box + " differs from the analytic prior's " + a);
        }
        this.analytic = analytic;
        this.population = population;
        this.ops = ops;
        if (population.settings().has(PopulationTerm.ZMASS)) {
            int n = (int) Math.ceil(box.zMax() / 1e-3) + 1;
            zGrid = new double[n];
            zCdf = new double[n];
            double previous = 0;
            for (int i = 1; i < n; i++) {
                zGrid[i] = box.zMax() * i / (n - 1);
                double density = Math.exp(population.redshiftMass().lnMarginalDensity(zGrid[i]));
                zCdf[i] = zCdf[i - 1] + 0.5 * (previous + density) * (zGrid[i] - zGrid[i - 1]);
                previous = density;
            }
            for (int i = 0; i < n; i++) {
                zCdf[i] /= zCdf[n - 1];
            }
        } else {
            zGrid = null;
            zCdf = null;
        }
    }

    /** The population prior for the analytic prior's box, in Planck18. */
    public static BetaPrior create(AnalyticPriorSettings analyticSettings, java.util.Set<PopulationTerm> terms,
            MassArgument massArgument) {
        PopulationBox box = new PopulationBox(analyticSettings.zMax(), analyticSettings.log10MassMin(),
                analyticSettings.log10MassMax());
        TabulatedExpansionHistory planck18 = TabulatedExpansionHistory.planck18();
        PopulationPrior population = PopulationPrior.create(new PopulationPriorSettings(terms, massArgument, box), planck18);
        return new BetaPrior(new AnalyticPrior(analyticSettings), population, new PopulationPriorOps(population, planck18));
    }

    public PopulationPrior population() {
        return population;
    }

    @Override
    public Bounds bounds() {
        return analytic.bounds();
    }

    @Override
    public double logDensity(double[] theta) {
        double base = analytic.logDensity(theta);
        if (base == Double.NEGATIVE_INFINITY) {
            return base;
        }
        return base + logDensityRatioToAnalytic(theta);
    }

    /**
     * ln p_beta(θ) − ln p_analytic(θ) for θ inside the bounds: the enabled population terms minus the
     * analytic terms they replace. Cheaper than two full densities when re-weighting analytic-prior draws.
     */
    public double logDensityRatioToAnalytic(double[] theta) {
        double[] ratios = ratios(theta);
        double replaced = replacedConstant();
        if (population.settings().has(PopulationTerm.SFH)) {
            for (double r : ratios) {
                replaced += analyticRatioPrior.lnDensity(r, 0.0);
            }
        }
        return population.lnDensity(theta[ParameterSpace.REDSHIFT], theta[ParameterSpace.LOG10_MASS],
                theta[ParameterSpace.LOG10_Z], ratios, 0.0) - replaced;
    }

    @Override
    public Operand<TFloat32> logDensity(Ops tf, Operand<TFloat32> theta) {
        Operand<TFloat32> base = analytic.logDensity(tf, theta);
        Ops scope = tf.withSubScope("population_prior");
        // a non-negative axis: the C++ gradient of GatherV2 slices with the axis and rejects −1
        Operand<org.tensorflow.types.TInt32> lastAxis = scope.math.sub(scope.rank(theta), scope.constant(1));
        Operand<TFloat32> z = scope.gather(theta, scope.constant(ParameterSpace.REDSHIFT), lastAxis);
        Operand<TFloat32> mu = scope.gather(theta, scope.constant(ParameterSpace.LOG10_MASS), lastAxis);
        Operand<TFloat32> log10Z = scope.gather(theta, scope.constant(ParameterSpace.LOG10_Z), lastAxis);
        int[] ratioColumns = new int[RATIOS];
        for (int j = 0; j < RATIOS; j++) {
            ratioColumns[j] = ParameterSpace.FIRST_SFR_RATIO + j;
        }
        Operand<TFloat32> ratios = scope.gather(theta, scope.constant(ratioColumns), lastAxis);
        Operand<TFloat32> terms = ops.lnDensity(scope, z, mu, log10Z, ratios);
        Operand<TFloat32> replaced = scope.constant((float) replacedConstant());
        if (population.settings().has(PopulationTerm.SFH)) {
            // the analytic zero-centred t₂ terms: their value at r = 0 plus the kernel
            replaced = scope.math.add(replaced, scope.constant((float) (RATIOS * analyticRatioPrior.lnDensity(0.0, 0.0))));
            Operand<TFloat32> u = scope.math.mul(ratios, scope.constant((float) (1.0 / analyticRatioPrior.scale())));
            Operand<TFloat32> kernel = scope.math.mul(scope.constant(-1.5f),
                    scope.math.log1p(scope.math.mul(scope.constant(0.5f), scope.math.square(u))));
            replaced = scope.math.add(replaced, scope.reduceSum(kernel, lastAxis));
        }
        // −∞ (outside the box) stays −∞: base carries it, the terms are finite inside the box
        return scope.math.add(base, scope.math.sub(terms, replaced));
    }

    /** The replaced analytic terms that are constants (uniform densities); the SFH terms are handled by the callers. */
    private double replacedConstant() {
        AnalyticPriorSettings a = analytic.settings();
        double c = 0;
        if (population.settings().has(PopulationTerm.ZMASS)) {
            c += -Math.log(a.log10MassMax() - a.log10MassMin()) - Math.log(a.zMax());
        }
        if (population.settings().has(PopulationTerm.MZR)) {
            c += -Math.log(MassMetallicityRelation.UPPER - MassMetallicityRelation.LOWER);
        }
        return c;
    }

    private static double[] ratios(double[] theta) {
        double[] r = new double[RATIOS];
        System.arraycopy(theta, ParameterSpace.FIRST_SFR_RATIO, r, 0, RATIOS);
        return r;
    }

    /**
     * Exact draw: z from the tabulated marginal p(z), μ | z by inversion on a mass grid, log10 Z | μ and
     * r | (z, μ) by inversion of their truncated CDFs; the other parameters from the analytic prior.
     */
    @Override
    public double[] sample(RandomGenerator random) {
        double[] theta = analytic.sample(random);
        PopulationPriorSettings settings = population.settings();
        if (settings.has(PopulationTerm.ZMASS)) {
            theta[ParameterSpace.REDSHIFT] = sampleRedshift(random.nextDouble());
            theta[ParameterSpace.LOG10_MASS] = sampleMass(theta[ParameterSpace.REDSHIFT], random.nextDouble());
        }
        double mu = theta[ParameterSpace.LOG10_MASS];
        if (settings.has(PopulationTerm.MZR)) {
            MassMetallicityRelation mzr = population.massMetallicity();
            double m = mzr.centre(mu);
            double s = mzr.width(mu);
            double pLo = STANDARD_NORMAL.cumulativeProbability((MassMetallicityRelation.LOWER - m) / s);
            double pHi = STANDARD_NORMAL.cumulativeProbability((MassMetallicityRelation.UPPER - m) / s);
            theta[ParameterSpace.LOG10_Z] = m + s * STANDARD_NORMAL.inverseCumulativeProbability(
                    pLo + (pHi - pLo) * random.nextDouble());
        }
        if (settings.has(PopulationTerm.SFH)) {
            double[] rho = population.sfh().expectedRatios(theta[ParameterSpace.REDSHIFT], mu);
            TruncatedStudentT t = population.sfh().ratioPrior();
            for (int j = 0; j < RATIOS; j++) {
                double pLo = StudentT2.cdf((t.lower() - rho[j]) / t.scale());
                double pHi = StudentT2.cdf((t.upper() - rho[j]) / t.scale());
                double q = 2 * (pLo + (pHi - pLo) * random.nextDouble()) - 1;
                theta[ParameterSpace.FIRST_SFR_RATIO + j] = rho[j] + t.scale() * q * Math.sqrt(2 / (1 - q * q));
            }
        }
        return theta;
    }

    private double sampleRedshift(double p) {
        int i = java.util.Arrays.binarySearch(zCdf, p);
        if (i >= 0) {
            return Math.max(zGrid[i], Math.ulp(1.0));
        }
        int hi = Math.min(-i - 1, zCdf.length - 1);
        int lo = hi - 1;
        double w = (p - zCdf[lo]) / (zCdf[hi] - zCdf[lo]);
        return Math.max(zGrid[lo] + w * (zGrid[hi] - zGrid[lo]), Math.ulp(1.0));
    }

    private double sampleMass(double z, double p) {
        PopulationBox box = population.settings().box();
        LejaStellarMassFunction smf = new LejaStellarMassFunction();
        double step = (box.muMax() - box.muMin()) / (MASS_GRID - 1);
        double[] cdf = new double[MASS_GRID];
        double previous = smf.phi(box.muMin(), z);
        for (int i = 1; i < MASS_GRID; i++) {
            double current = smf.phi(box.muMin() + i * step, z);
            cdf[i] = cdf[i - 1] + 0.5 * (previous + current) * step;
            previous = current;
        }
        double target = p * cdf[MASS_GRID - 1];
        int i = java.util.Arrays.binarySearch(cdf, target);
        if (i >= 0) {
            return box.muMin() + i * step;
        }
        int hi = Math.min(-i - 1, MASS_GRID - 1);
        int lo = hi - 1;
        double w = (target - cdf[lo]) / (cdf[hi] - cdf[lo]);
        return box.muMin() + (lo + w) * step;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "beta(%s; %s)", population.settings().describe(),
                analytic.description());
    }
}

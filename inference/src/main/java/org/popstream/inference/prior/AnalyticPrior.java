package org.popstream.inference.prior;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The built-in prior of science.md §4: independent marginals inside the parameter bounds, no
 * weights needed. Order of dimensions is {@link ParameterSpace#NAMES}.
 */
public final class AnalyticPrior implements Prior {

    private final AnalyticPriorSettings settings;
    private final List<Marginal> marginals;
    private final Bounds bounds;

    public AnalyticPrior(AnalyticPriorSettings settings) {
        this.settings = settings;
        List<Marginal> m = new ArrayList<>();
        m.add(new UniformMarginal(settings.log10MassMin(), settings.log10MassMax()));
        m.add(new UniformMarginal(-1.98, 0.19));
        for (int k = 0; k < 6; k++) {
            m.add(new TruncatedStudentT2Marginal(0.3, -5, 5));
        }
        m.add(new TruncatedNormalMarginal(0.3, 1, 0, 4));
        m.add(new UniformMarginal(-1, 0.4));
        m.add(new TruncatedNormalMarginal(1, 0.3, 0, 2));
        m.add(new UniformMarginal(Math.log(1e-5), Math.log(3)));
        m.add(new UniformMarginal(Math.log(5), Math.log(150)));
        m.add(new UniformMarginal(-2, 0.5));
        m.add(new UniformMarginal(-4, -1));
        m.add(new UniformMarginal(0, settings.zMax()));
        this.marginals = List.copyOf(m);
        double[] lo = new double[m.size()];
        double[] hi = new double[m.size()];
        for (int d = 0; d < lo.length; d++) {
            lo[d] = m.get(d).lower();
            hi[d] = m.get(d).upper();
        }
        this.bounds = new Bounds(lo, hi);
    }

    public AnalyticPrior() {
        this(AnalyticPriorSettings.DEFAULT);
    }

    @Override
    public Bounds bounds() {
        return bounds;
    }

    @Override
    public Operand<TFloat32> logDensity(Ops tf, Operand<TFloat32> theta) {
        Operand<TFloat32> sum = null;
        // a non-negative axis: TF's C++ gradients of Gather/Concat mishandle negative ones
        Operand<org.tensorflow.types.TInt32> lastAxis = tf.math.sub(tf.rank(theta), tf.constant(1));
        for (int d = 0; d < marginals.size(); d++) {
            Operand<TFloat32> column = tf.gather(theta, tf.constant(d), lastAxis);
            Operand<TFloat32> term = marginals.get(d).logDensity(tf, column);
            sum = sum == null ? term : tf.math.add(sum, term);
        }
        Operand<org.tensorflow.types.TBool> inside = bounds.contains(tf, theta, lastAxis);
        Operand<TFloat32> minusInfinity = tf.fill(tf.shape(sum), tf.constant(Float.NEGATIVE_INFINITY));
        return tf.select(inside, sum, minusInfinity);
    }

    @Override
    public double logDensity(double[] theta) {
        if (!bounds.contains(theta)) {
            return Double.NEGATIVE_INFINITY;
        }
        double sum = 0;
        for (int d = 0; d < marginals.size(); d++) {
            sum += marginals.get(d).logDensity(theta[d]);
        }
        return sum;
    }

    @Override
    public double[] sample(RandomGenerator random) {
        double[] x = new double[marginals.size()];
        for (int d = 0; d < x.length; d++) {
            x[d] = marginals.get(d).sample(random);
        }
        return x;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "analytic(zmax=%g, log10M=[%g, %g])",
                settings.zMax(), settings.log10MassMin(), settings.log10MassMax());
    }

    public AnalyticPriorSettings settings() {
        return settings;
    }
}

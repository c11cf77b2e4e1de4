package org.popstream.inference.posterior;

import org.popstream.inference.likelihood.ObservedPhotometry;
import org.popstream.inference.likelihood.StudentTLikelihood;
import org.popstream.inference.prior.Bounds;
import org.popstream.inference.prior.Prior;
import org.popstream.inference.sampler.EnsembleTarget;
import org.popstream.inference.sampler.TargetGraph;
import org.popstream.inference.tensor.FlatTensors;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.types.TFloat32;

/**
 * log posterior = log prior + Student-t log likelihood of the emulated fluxes, for a batch of
 * galaxies. The photometry is uploaded once per batch into a variable [5, galaxies, bands]
 * (flux, error, detected flag, upper-limit flag, limit).
 */
public final class PhotometricPosterior implements EnsembleTarget<ObservedPhotometry> {

    private final Prior prior;
    private final PhotometryModel model;
    private final StudentTLikelihood likelihood;

    public PhotometricPosterior(Prior prior, PhotometryModel model, StudentTLikelihood likelihood) {
        if (likelihood.calibration().bands() != model.bands().size()) {
            throw new IllegalArgumentException("calibration covers " + likelihood.calibration().bands()
                    + " bands, the model " + model.bands().size());
        }
        this.prior = prior;
        this.model = model;
        this.likelihood = likelihood;
    }

    public Prior prior() {
        return prior;
    }

    public PhotometryModel model() {
        return model;
    }

    @Override
    public int dimension() {
        return prior.dimension();
    }

    @Override
    public TargetGraph<ObservedPhotometry> build(Ops tf, int galaxies) {
        int bands = model.bands().size();
        VarHandleOp data = tf.withName("photometry").varHandleOp(TFloat32.class, Shape.of(5, galaxies, bands),
                VarHandleOp.sharedName("batch_photometry"));
        Placeholder<TFloat32> upload = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(5, galaxies, bands)));
        var assign = tf.assignVariableOp(data, upload);
        var parts = tf.unstack(tf.readVariableOp(data, TFloat32.class), 5L).output();
        StudentTLikelihood.ObservationOps obs = new StudentTLikelihood.ObservationOps(
                parts.get(0), parts.get(1), parts.get(2), parts.get(3), parts.get(4));
        Bounds b = prior.bounds();
        float[] lo = new float[b.dimension()];
        float[] hi = new float[b.dimension()];
        for (int d = 0; d < lo.length; d++) {
            lo[d] = (float) b.lower(d);
            hi[d] = (float) b.upper(d);
        }
        Operand<TFloat32> lower = tf.constant(lo);
        Operand<TFloat32> upper = tf.constant(hi);
        int dim = b.dimension();
        return new TargetGraph<>() {
            @Override
            public Operand<TFloat32> logProbability(Operand<TFloat32> points) {
                return logProbabilityParts(points).total();
            }

            @Override
            public Parts logProbabilityParts(Operand<TFloat32> points) {
                // the emulator only ever sees in-bounds inputs; outside, the prior's −∞ decides
                Operand<TFloat32> inside = tf.math.minimum(tf.math.maximum(points, lower), upper);
                Operand<TFloat32> flat = tf.reshape(inside, tf.constant(new int[] {-1, dim}));
                PhotometryModel.Prediction prediction = model.predict(tf, flat);
                Operand<org.tensorflow.types.TInt32> shape = tf.concat(java.util.List.of(tf.slice(tf.shape(points), tf.constant(new int[] {0}),
                        tf.constant(new int[] {2})), tf.constant(new int[] {bands})), tf.constant(0));
                Operand<TFloat32> shaped = tf.reshape(prediction.flux(), shape);
                Operand<TFloat32> lineSigma = prediction.emissionLineSigma() == null ? null
                        : tf.reshape(prediction.emissionLineSigma(), shape);
                Operand<TFloat32> logPrior = prior.logDensity(tf, points);
                return new Parts(logPrior, tf.math.add(logPrior, likelihood.logLikelihood(tf, shaped, lineSigma, obs)));
            }

            @Override
            public void bind(Session session, ObservedPhotometry batch) {
                if (batch.galaxies() != galaxies || batch.bands() != bands) {
                    throw new IllegalArgumentException("graph is built for " + galaxies + " galaxies × " + bands
                            + " bands, batch has " + batch.galaxies() + " × " + batch.bands());
                }
                float[] packed = new float[5 * galaxies * bands];
                int n = galaxies * bands;
                System.arraycopy(batch.flux(), 0, packed, 0, n);
                System.arraycopy(batch.error(), 0, packed, n, n);
                System.arraycopy(batch.detected(), 0, packed, 2 * n, n);
                System.arraycopy(batch.upperLimited(), 0, packed, 3 * n, n);
                System.arraycopy(batch.limit(), 0, packed, 4 * n, n);
                try (TFloat32 t = FlatTensors.of(packed, 5, galaxies, bands)) {
                    session.runner().feed(upload, t).addTarget(assign).run().close();
                }
            }
        };
    }
}

package org.popstream.inference.sampler;

/**
 * What the sampler keeps of one galaxy's run.
 *
 * @param dimension          D
 * @param samples            recorded (post burn-in, thinned) walker states, row-major [n, D]
 * @param sampleLogProbability log-density of each recorded state [n]
 * @param walkerMeanChain    ensemble mean after every post-burn step, row-major [L, D] (autocorrelation input)
 * @param stepsUsed          steps this galaxy actually took (smaller than requested after an early stop)
 * @param acceptance         accepted moves / proposed moves over all its steps
 * @param finalState         walker positions after the last step, [W, D]
 */
public record GalaxyChain(int dimension, float[] samples, float[] sampleLogProbability, float[] walkerMeanChain,
                          int stepsUsed, double acceptance, float[] finalState) {

    public int sampleCount() {
        return sampleLogProbability.length;
    }

    public int chainLength() {
        return walkerMeanChain.length / dimension;
    }

    public double sample(int i, int d) {
        return samples[i * dimension + d];
    }

    /** Column d of the walker-mean chain. */
    public double[] walkerMeanSeries(int d) {
        double[] out = new double[chainLength()];
        for (int t = 0; t < out.length; t++) {
            out[t] = walkerMeanChain[t * dimension + d];
        }
        return out;
    }
}

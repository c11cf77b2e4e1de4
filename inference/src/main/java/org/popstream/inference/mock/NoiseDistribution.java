package org.popstream.inference.mock;

import java.util.random.RandomGenerator;
import org.popstream.inference.likelihood.StudentT2;

/** Shape of the per-band flux noise, scaled by the band's 1σ error. */
public enum NoiseDistribution {
    /** Realistic photometric noise. */
    GAUSSIAN {
        @Override
        public double draw(RandomGenerator random) {
            return random.nextGaussian();
        }
    },
    /** The likelihood's own ν = 2 Student-t: makes mocks exactly consistent with the model (calibration tests). */
    STUDENT_T2 {
        @Override
        public double draw(RandomGenerator random) {
            return StudentT2.inverseCdf(random.nextDouble());
        }
    };

    public abstract double draw(RandomGenerator random);
}

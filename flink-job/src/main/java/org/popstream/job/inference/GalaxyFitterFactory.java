package org.popstream.job.inference;

import java.io.Serializable;
import org.popstream.inference.fit.GalaxyFitter;

/**
 * Creates the fitter of one inference subtask. Serializable so the job graph can carry it to the
 * task managers; the fitter itself (native TensorFlow resources) is only created there, in
 * {@code open()}.
 */
@FunctionalInterface
public interface GalaxyFitterFactory extends Serializable {

    GalaxyFitter create(FitterPlacement placement);
}

package org.popstream.inference.startup;

import java.io.Serializable;

/**
 * How walkers are started (science.md §5 and its two measured traps). Serializable: the streaming job
 * ships it to every inference subtask.
 *
 * @param bankSize   prior draws scored against every galaxy
 * @param starts     distinct best bank points refined per galaxy (several modes at low S/N)
 * @param optimise   refine the starts by Adam on −log posterior; off = Laplace around the bank points
 * @param adamSteps  Adam iterations
 * @param anneal     where the bank cannot resolve the posterior, start from the bank resampled for the
 *                   likelihood tempered to the largest β it resolves and anneal β to 1 during burn-in;
 *                   off = the Laplace mixture around the optimised starts
 */
public record InitialisationSettings(int bankSize, int starts, boolean optimise, int adamSteps, boolean anneal)
        implements Serializable {
    public static final InitialisationSettings DEFAULT = new InitialisationSettings(16384, 4, true, 250, true);

    public InitialisationSettings {
        if (bankSize < 1 || starts < 1 || starts > bankSize || adamSteps < 0) {
            throw new IllegalArgumentException("invalid initialisation settings: bank=" + bankSize + ", starts="
                    + starts + ", adamSteps=" + adamSteps);
        }
    }

    /** Annealed starts (the default). */
    public InitialisationSettings(int bankSize, int starts, boolean optimise, int adamSteps) {
        this(bankSize, starts, optimise, adamSteps, true);
    }
}

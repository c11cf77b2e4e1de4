package org.popstream.inference.posterior;

/**
 * How walkers are started (science.md §5 and its two measured traps).
 *
 * @param bankSize   prior draws scored against every galaxy
 * @param starts     distinct best bank points refined per galaxy (several modes at low S/N)
 * @param optimise   refine the starts by Adam on −log posterior; off = Laplace around the bank points
 * @param adamSteps  Adam iterations
 */
public record InitialisationSettings(int bankSize, int starts, boolean optimise, int adamSteps) {
    public static final InitialisationSettings DEFAULT = new InitialisationSettings(16384, 4, true, 250);

    public InitialisationSettings {
        if (bankSize < 1 || starts < 1 || starts > bankSize || adamSteps < 0) {
            throw new IllegalArgumentException("invalid initialisation settings: bank=" + bankSize + ", starts="
                    + starts + ", adamSteps=" + adamSteps);
        }
    }

    public InitialisationSettings withOptimise(boolean on) {
        return new InitialisationSettings(bankSize, starts, on, adamSteps);
    }
}

package org.popstream.inference.sampler;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * A galaxy's own random stream, a pure function of (seed, galaxy id): the streaming job and the
 * batch command batch galaxies differently but must give the same posterior, so no random number
 * may depend on a galaxy's neighbours in a batch.
 */
public final class GalaxyRandomStream {
    private final SplittableRandom random;

    private GalaxyRandomStream(long streamSeed) {
        this.random = new SplittableRandom(streamSeed);
    }

    public static GalaxyRandomStream of(long seed, String galaxyId, String purpose) {
        long h = 0xcbf29ce484222325L; // FNV-1a over id and purpose, then mixed with the seed
        for (byte b : (galaxyId + '\u0000' + purpose).getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return new GalaxyRandomStream(mix(h ^ mix(seed)));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Uniform in the open interval (0, 1), exactly representable as a float. */
    public float nextOpenFloat() {
        return ((random.nextInt() >>> 9) + 0.5f) * 0x1.0p-23f;
    }

    /** The underlying generator, for draws in double precision (initialisation). */
    public SplittableRandom generator() {
        return random;
    }
}

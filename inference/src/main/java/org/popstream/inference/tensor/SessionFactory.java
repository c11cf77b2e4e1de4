package org.popstream.inference.tensor;

import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;

/** Sessions with an explicit thread budget: the machine is shared, so TF must not take every core. */
public final class SessionFactory {
    private SessionFactory() {}

    public static Session open(Graph graph, int intraOpThreads) {
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + intraOpThreads);
        }
        ConfigProto config = ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(intraOpThreads)
                .setInterOpParallelismThreads(1)
                .build();
        return new Session(graph, config);
    }
}

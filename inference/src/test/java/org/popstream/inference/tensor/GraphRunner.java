package org.popstream.inference.tensor;

import java.util.function.BiFunction;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** Evaluates a one-input float graph once: the ops under test get a real TensorFlow session. */
public final class GraphRunner {
    private GraphRunner() {}

    public static float[] evaluate(float[] input, long[] shape, BiFunction<Ops, Operand<TFloat32>, Operand<TFloat32>> body) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
            Operand<TFloat32> y = body.apply(tf, x);
            try (Session s = new Session(g); TFloat32 in = FlatTensors.of(input, shape);
                 Result r = s.runner().feed(x, in).fetch(y).run()) {
                return FlatTensors.read(r.get(0));
            }
        }
    }
}

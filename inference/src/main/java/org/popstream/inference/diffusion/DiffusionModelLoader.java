package org.popstream.inference.diffusion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.popstream.inference.model.ModelFileException;
import org.popstream.inference.model.ModelTensor;
import org.popstream.inference.model.PickledObject;
import org.popstream.inference.model.TorchArchive;

/**
 * Reads flowfusion diffusion models from {@code torch.save} files as published: a bare
 * {@code PopulationModelDiffusion[Conditional]}, or one held inside another pickled object (the
 * pop-cosmos {@code NoiseModel} keeps it in {@code model}; a full catalogue model keeps the population
 * model in {@code population_model}). Only the classes and shapes flowfusion 39fe5b9…HEAD produce are
 * accepted; anything else is refused naming the file, the object path and what was found.
 */
public final class DiffusionModelLoader {

    static final String PACKAGE = "flowfusion.diffusion.";
    static final String UNCONDITIONAL = PACKAGE + "PopulationModelDiffusion";
    static final String CONDITIONAL = PACKAGE + "PopulationModelDiffusionConditional";
    private static final String MLP = PACKAGE + "MLP";
    private static final String SCORE_MODEL = PACKAGE + "ScoreModel";
    private static final String LINEAR = "torch.nn.modules.linear.Linear";
    private static final String POPULATION_ATTRIBUTE = "population_model";

    private DiffusionModelLoader() {}

    /**
     * Loads the file's diffusion model. If it holds several (a catalogue model holds the population
     * model and the noise model), the population model is chosen: the one stored as
     * {@code population_model}, else the only unconditional one.
     */
    public static LoadedDiffusionModel load(Path file) {
        PickledObject root = TorchArchive.loadModule(file);
        List<Found> found = findModels(root);
        if (found.isEmpty()) {
            throw new ModelFileException(file, "no flowfusion diffusion model (" + UNCONDITIONAL + " or " + CONDITIONAL
                    + ") anywhere in the pickled " + root.className());
        }
        Found chosen = choose(file, found);
        List<String> others = found.stream().filter(f -> f != chosen).map(f -> describePath(f.path) + " (" + f.object.simpleClassName() + ")").toList();
        return new LoadedDiffusionModel(parse(file, chosen.object, chosen.path), file, root.className(), chosen.path,
                chosen.object.className(), others);
    }

    /** Loads the diffusion model at an explicit attribute path ({@code ""} = the root). */
    public static LoadedDiffusionModel load(Path file, String objectPath) {
        PickledObject root = TorchArchive.loadModule(file);
        PickledObject object = objectPath.isEmpty() ? root : root.find(objectPath)
                .filter(PickledObject.class::isInstance).map(PickledObject.class::cast)
                .orElseThrow(() -> new ModelFileException(file, "no object at '" + objectPath + "' in the pickled " + root.className()));
        List<Found> others = findModels(root).stream().filter(f -> f.object != object).toList();
        return new LoadedDiffusionModel(parse(file, object, objectPath), file, root.className(), objectPath,
                object.className(), others.stream().map(f -> describePath(f.path)).toList());
    }

    private record Found(String path, PickledObject object) {}

    /** Breadth-first over the object graph (each object once), so the shortest path to each model is kept. */
    private static List<Found> findModels(PickledObject root) {
        List<Found> found = new ArrayList<>();
        Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Found> queue = new ArrayDeque<>();
        queue.add(new Found("", root));
        seen.add(root);
        while (!queue.isEmpty()) {
            Found current = queue.poll();
            String cls = current.object.className();
            if (cls.equals(UNCONDITIONAL) || cls.equals(CONDITIONAL)) {
                found.add(current);
                continue; // its score model and MLP are parts of it, not further models
            }
            for (Map.Entry<String, Object> e : current.object.state().entrySet()) {
                boolean holder = e.getKey().equals("_modules") || e.getKey().equals("_parameters") || e.getKey().equals("_buffers");
                String prefix = holder ? current.path : join(current.path, e.getKey());
                enqueue(e.getValue(), prefix, holder, queue, seen);
            }
        }
        return found;
    }

    private static void enqueue(Object value, String path, boolean isHolder, Deque<Found> queue, Set<Object> seen) {
        if (value instanceof PickledObject object) {
            if (seen.add(object)) {
                queue.add(new Found(path, object));
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                enqueue(e.getValue(), join(path, String.valueOf(e.getKey())), false, queue, seen);
            }
        } else if (value instanceof Collection<?> items && !isHolder) {
            int i = 0;
            for (Object item : items) {
                enqueue(item, join(path, String.valueOf(i++)), false, queue, seen);
            }
        }
    }

    private static String join(String path, String step) {
        return path.isEmpty() ? step : path + "." + step;
    }

    private static String describePath(String path) {
        return path.isEmpty() ? "<root>" : path;
    }

    private static Found choose(Path file, List<Found> found) {
        if (found.size() == 1) {
            return found.get(0);
        }
        Optional<Found> named = found.stream()
                .filter(f -> f.path.equals(POPULATION_ATTRIBUTE) || f.path.endsWith("." + POPULATION_ATTRIBUTE)).findFirst();
        if (named.isPresent()) {
            return named.get();
        }
        List<Found> unconditional = found.stream().filter(f -> f.object.className().equals(UNCONDITIONAL)).toList();
        if (unconditional.size() == 1) {
            return unconditional.get(0);
        }
        throw new ModelFileException(file, "holds " + found.size() + " diffusion models and none is marked as the population model: "
                + found.stream().map(f -> describePath(f.path) + " (" + f.object.simpleClassName() + ")").toList()
                + "; pick one explicitly");
    }

    static DiffusionModel parse(Path file, PickledObject model, String path) {
        Context ctx = new Context(file, path.isEmpty() ? "<root>" : path);
        String cls = model.className();
        if (!cls.equals(UNCONDITIONAL) && !cls.equals(CONDITIONAL)) {
            throw ctx.refuse("", "is a " + cls + ", not a flowfusion PopulationModelDiffusion[Conditional]");
        }
        boolean conditional = cls.equals(CONDITIONAL);
        PickledObject scoreModel = ctx.module(model, "score_model", SCORE_MODEL);
        PickledObject mlp = ctx.module(scoreModel, "model", MLP);
        PickledObject sdeObject = ctx.module(scoreModel, "sde", null);
        if (model.find("model").orElse(mlp) != mlp || model.find("sde").orElse(sdeObject) != sdeObject) {
            throw ctx.refuse("score_model", "uses a different network or SDE than the model itself; upstream never builds that");
        }
        ScoreNetwork network = parseNetwork(ctx, mlp);
        Sde sde = parseSde(ctx, sdeObject);
        boolean noSigma = ctx.bool(scoreModel, "no_sigma");
        int d = network.dimensions();
        double[] shift = ctx.vector(model, "shift", d);
        double[] scale = ctx.vector(model, "scale", d);
        double[] conditionalShift = new double[0];
        double[] conditionalScale = new double[0];
        if (conditional) {
            if (network.conditionals() == 0) {
                throw ctx.refuse("model", "is a conditional model but its MLP has n_conditionals = 0");
            }
            conditionalShift = ctx.vector(model, "conditional_shift", network.conditionals());
            conditionalScale = ctx.vector(model, "conditional_scale", network.conditionals());
        } else if (network.conditionals() != 0) {
            throw ctx.refuse("model", "is unconditional but its MLP expects " + network.conditionals() + " conditionals");
        }
        try {
            return new DiffusionModel(network, sde, noSigma, shift, scale, conditionalShift, conditionalScale);
        } catch (IllegalArgumentException e) {
            throw ctx.refuse("", e.getMessage());
        }
    }

    private static ScoreNetwork parseNetwork(Context ctx, PickledObject mlp) {
        int d = ctx.integer(mlp, "n_dimensions");
        int nc = ctx.integer(mlp, "n_conditionals");
        double[] w = ctx.tensor(mlp, "W").values();
        if (ctx.tensor(mlp, "W").rank() != 1) {
            throw ctx.refuse("model.W", "should be a vector of time-embedding frequencies, shape " + java.util.Arrays.toString(ctx.tensor(mlp, "W").shape()));
        }
        double pi = ctx.number(mlp, "pi");
        Object activationObject = mlp.find("activation").orElseThrow(() -> ctx.refuse("model", "has no activation"));
        if (!(activationObject instanceof PickledObject act)) {
            throw ctx.refuse("model.activation", "is " + activationObject + ", not a torch activation module");
        }
        Activation activation = Activation.fromTorchClass(act.className()).orElseThrow(() -> ctx.refuse("model.activation",
                "is " + act.className() + "; supported: " + java.util.Arrays.stream(Activation.values()).map(Activation::torchClass).toList()));
        PickledObject nn = ctx.module(mlp, "NN", "torch.nn.modules.container.ModuleList");
        List<DenseLayer> layers = new ArrayList<>();
        for (int i = 0; nn.find(String.valueOf(i)).isPresent(); i++) {
            PickledObject linear = ctx.module(nn, String.valueOf(i), LINEAR);
            ModelTensor weight = ctx.tensor(linear, "weight");
            ModelTensor bias = ctx.tensor(linear, "bias");
            if (weight.rank() != 2 || bias.rank() != 1 || bias.dim(0) != weight.dim(0)) {
                throw ctx.refuse("model.NN." + i, "has weight " + java.util.Arrays.toString(weight.shape()) + " and bias "
                        + java.util.Arrays.toString(bias.shape()) + "; expected (out, in) and (out)");
            }
            layers.add(new DenseLayer(weight.dim(1), weight.dim(0), weight.values(), bias.values()));
        }
        try {
            return new ScoreNetwork(w, pi, layers, activation, d, nc);
        } catch (IllegalArgumentException e) {
            throw ctx.refuse("model", e.getMessage());
        }
    }

    private static Sde parseSde(Context ctx, PickledObject sde) {
        double epsilon = ctx.number(sde, "epsilon");
        try {
            return switch (sde.className()) {
                case PACKAGE + "VPSDE" -> new Sde.VariancePreserving(ctx.number(sde, "beta_min"), ctx.number(sde, "beta_max"),
                        ctx.number(sde, "T"), epsilon);
                case PACKAGE + "SUBVPSDE" -> new Sde.SubVariancePreserving(ctx.number(sde, "beta_min"), ctx.number(sde, "beta_max"),
                        ctx.number(sde, "T"), epsilon);
                case PACKAGE + "VESDE" -> new Sde.VarianceExploding(ctx.number(sde, "sigma_min"), ctx.number(sde, "sigma_max"),
                        ctx.number(sde, "T"), epsilon);
                default -> throw ctx.refuse("sde", "is " + sde.className() + "; supported: VPSDE, VESDE, SUBVPSDE from " + PACKAGE);
            };
        } catch (IllegalArgumentException e) {
            throw ctx.refuse("sde", e.getMessage());
        }
    }

    /** Lookup helpers that name the file and the object path in every refusal. */
    private record Context(Path file, String modelPath) {

        ModelFileException refuse(String member, String problem) {
            String where = member.isEmpty() ? modelPath : modelPath + " → " + member;
            return new ModelFileException(file, "diffusion model " + where + " " + problem);
        }

        PickledObject module(PickledObject owner, String name, String expectedClass) {
            Object value = owner.find(name).orElseThrow(() -> refuse(name, "is missing (" + owner.className() + " has no '" + name + "')"));
            if (!(value instanceof PickledObject object)) {
                throw refuse(name, "is " + value + ", not a module");
            }
            if (expectedClass != null && !object.className().equals(expectedClass)) {
                throw refuse(name, "is a " + object.className() + "; only " + expectedClass + " is supported");
            }
            return object;
        }

        ModelTensor tensor(PickledObject owner, String name) {
            Object value = owner.find(name).orElseThrow(() -> refuse(name, "is missing in " + owner.className()));
            if (value instanceof ModelTensor t) {
                return t;
            }
            throw refuse(name, "is " + value + ", not a tensor");
        }

        double[] vector(PickledObject owner, String name, int length) {
            ModelTensor t = tensor(owner, name);
            if (t.rank() != 1 || t.dim(0) != length) {
                throw refuse(name, "has shape " + java.util.Arrays.toString(t.shape()) + ", expected [" + length + "]");
            }
            return t.values();
        }

        /** int, float or a one-element tensor: upstream stores SDE constants in all three ways. */
        double number(PickledObject owner, String name) {
            Object value = owner.find(name).orElseThrow(() -> refuse(name, "is missing in " + owner.className()));
            if (value instanceof Long l) {
                return l;
            }
            if (value instanceof Double v) {
                return v;
            }
            if (value instanceof ModelTensor t && t.size() == 1) {
                return t.scalar();
            }
            throw refuse(name, "is " + value + ", not a number");
        }

        int integer(PickledObject owner, String name) {
            Object value = owner.find(name).orElseThrow(() -> refuse(name, "is missing in " + owner.className()));
            if (value instanceof Long l && l >= 0 && l <= Integer.MAX_VALUE) {
                return l.intValue();
            }
            throw refuse(name, "is " + value + ", not a non-negative integer");
        }

        boolean bool(PickledObject owner, String name) {
            Object value = owner.find(name).orElseThrow(() -> refuse(name, "is missing in " + owner.className()));
            if (value instanceof Boolean b) {
                return b;
            }
            throw refuse(name, "is " + value + ", not a boolean");
        }
    }
}

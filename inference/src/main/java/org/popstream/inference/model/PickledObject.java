package org.popstream.inference.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An instance of a Python class from a pickle, kept as plain data: its qualified class name and its
 * {@code __dict__}. torch modules arrive like this; their tensors sit in the {@code _parameters} and
 * {@code _buffers} dictionaries and their sub-modules in {@code _modules}. No class code ever runs.
 *
 * <p>The state is filled once by the pickle's BUILD opcode while reading, then only read.
 */
public final class PickledObject {

    private final String className;
    private final Map<String, Object> state = new LinkedHashMap<>();

    PickledObject(String className) {
        this.className = className;
    }

    /** Qualified Python class name, e.g. {@code torch.nn.modules.linear.Linear}. */
    public String className() {
        return className;
    }

    /** The unqualified class name, e.g. {@code Linear}. */
    public String simpleClassName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** The object's {@code __dict__} (read-only view). */
    public Map<String, Object> state() {
        return java.util.Collections.unmodifiableMap(state);
    }

    void build(Map<?, ?> newState) {
        for (Map.Entry<?, ?> e : newState.entrySet()) {
            state.put(String.valueOf(e.getKey()), e.getValue());
        }
    }

    /** A plain attribute of {@code __dict__}, if present. */
    public Optional<Object> attribute(String name) {
        return Optional.ofNullable(state.get(name));
    }

    /**
     * Resolves a dotted torch path such as {@code model.NN.0.weight} or {@code W.3}: each step is
     * looked up in {@code _parameters}, {@code _buffers}, {@code _modules}, then in {@code __dict__}.
     */
    public Optional<Object> find(String dottedPath) {
        Object current = this;
        for (String step : dottedPath.split("\\.")) {
            if (!(current instanceof PickledObject object)) {
                return Optional.empty();
            }
            current = object.member(step);
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    private Object member(String name) {
        for (String holder : new String[] {"_parameters", "_buffers", "_modules"}) {
            if (state.get(holder) instanceof Map<?, ?> map && map.containsKey(name)) {
                return map.get(name);
            }
        }
        return state.get(name);
    }

    /** The tensor at a dotted path; fails naming the path when it is absent or not a tensor. */
    public ModelTensor tensor(String dottedPath) {
        Object found = find(dottedPath).orElseThrow(
                () -> new IllegalArgumentException(className + " has no tensor '" + dottedPath + "'"));
        if (found instanceof ModelTensor tensor) {
            return tensor;
        }
        throw new IllegalArgumentException(className + "." + dottedPath + " is not a tensor but " + found);
    }

    /** The sub-module at a dotted path. */
    public PickledObject module(String dottedPath) {
        Object found = find(dottedPath).orElseThrow(
                () -> new IllegalArgumentException(className + " has no member '" + dottedPath + "'"));
        if (found instanceof PickledObject object) {
            return object;
        }
        throw new IllegalArgumentException(className + "." + dottedPath + " is not an object but " + found);
    }

    @Override
    public String toString() {
        return "PickledObject[" + className + "]";
    }
}

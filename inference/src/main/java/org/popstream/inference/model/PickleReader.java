package org.popstream.inference.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A restricted unpickler for published model files. It implements only the opcodes torch and numpy
 * emit for these files (protocols 2 and 4) and constructs only what it knows: tensors rebuilt from
 * torch storages, ordered dicts, sets, numpy float arrays, and instances of allow-listed classes
 * (torch modules and the model packages' own classes) as inert {@link PickledObject}s. Any other
 * global, e.g. {@code os.system}, is refused before anything is built, naming the file and the global.
 *
 * <p>Python values map to Java as: None → null, bool → Boolean, int → Long, float → Double,
 * str → String, bytes → byte[], tuple → unmodifiable List, list → ArrayList, dict and OrderedDict →
 * LinkedHashMap, set → LinkedHashSet, tensor / ndarray → {@link ModelTensor}.
 */
public final class PickleReader {

    /** Qualified names of the callables this reader knows how to apply. */
    private static final Set<String> KNOWN_CALLABLES = Set.of(
            "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_parameter",
            "collections.OrderedDict", "__builtin__.set", "builtins.set",
            "numpy.core.multiarray._reconstruct", "numpy._core.multiarray._reconstruct",
            "numpy.ndarray", "numpy.dtype", "torch.FloatStorage", "torch.DoubleStorage");

    /** Packages whose classes may be instantiated as plain data (NEWOBJ + BUILD of their __dict__). */
    public static final List<String> MODEL_CLASS_PACKAGES =
            List.of("torch.nn.modules.", "speculator.", "flowfusion.", "pop_cosmos.");

    /** A Python global (module + name) that passed the allow-list. */
    record PythonGlobal(String qualifiedName) {}

    /** A torch storage resolved from a persistent id. */
    public record TorchStorage(ElementType type, String key, double[] values) {}

    private final Path source;
    private final ByteBuffer in;
    private final Function<List<Object>, TorchStorage> storages;
    private final List<Object> stack = new ArrayList<>();
    private final Deque<Integer> marks = new ArrayDeque<>();
    private final Map<Integer, Object> memo = new HashMap<>();

    private PickleReader(Path source, byte[] bytes, Function<List<Object>, TorchStorage> storages) {
        this.source = source;
        this.in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        this.storages = storages;
    }

    /**
     * Reads one pickle.
     *
     * @param source   file named in errors
     * @param bytes    the pickle
     * @param storages resolves torch persistent ids {@code ('storage', cls, key, location, numel)};
     *                 null when the pickle must not contain any
     */
    public static Object read(Path source, byte[] bytes, Function<List<Object>, TorchStorage> storages) {
        try {
            return new PickleReader(source, bytes, storages).run();
        } catch (java.nio.BufferUnderflowException e) {
            throw new ModelFileException(source, "pickle ends before its STOP opcode", e);
        } catch (ClassCastException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new ModelFileException(source, "malformed pickle: " + e.getMessage(), e);
        }
    }

    private Object run() {
        while (true) {
            int op = in.get() & 0xff;
            switch (op) {
                case 0x80 -> in.get(); // PROTO: version byte, nothing to do
                case 0x95 -> in.getLong(); // FRAME: length hint only
                case '.' -> {
                    return pop();
                }
                case '(' -> marks.push(stack.size());
                case 'N' -> push(null);
                case 0x88 -> push(Boolean.TRUE);
                case 0x89 -> push(Boolean.FALSE);
                case 'K' -> push((long) (in.get() & 0xff));
                case 'M' -> push((long) (in.getShort() & 0xffff));
                case 'J' -> push((long) in.getInt());
                case 0x8a -> push(readLong1());
                case 'G' -> push(readBigEndianDouble());
                case 'X' -> push(readString(in.getInt()));
                case 0x8c -> push(readString(in.get() & 0xff));
                case 0x8d -> push(readString(Math.toIntExact(in.getLong())));
                case 'C' -> push(readBytes(in.get() & 0xff));
                case 'B' -> push(readBytes(in.getInt()));
                case 0x8e -> push(readBytes(Math.toIntExact(in.getLong())));
                case ')' -> push(tuple(List.of()));
                case 't' -> push(tuple(popToMark()));
                case 0x85 -> push(tuple(popN(1)));
                case 0x86 -> push(tuple(popN(2)));
                case 0x87 -> push(tuple(popN(3)));
                case ']' -> push(new ArrayList<>());
                case '}' -> push(new LinkedHashMap<>());
                case 0x8f -> push(new LinkedHashSet<>());
                case 'a' -> {
                    Object value = pop();
                    list(peek()).add(value);
                }
                case 'e' -> {
                    List<Object> items = popToMark();
                    list(peek()).addAll(items);
                }
                case 's' -> {
                    Object value = pop();
                    Object key = pop();
                    dict(peek()).put(key, value);
                }
                case 'u' -> {
                    List<Object> items = popToMark();
                    Map<Object, Object> dict = dict(peek());
                    for (int i = 0; i < items.size(); i += 2) {
                        dict.put(items.get(i), items.get(i + 1));
                    }
                }
                case 0x90 -> {
                    List<Object> items = popToMark();
                    set(peek()).addAll(items);
                }
                case 'q' -> memo.put(in.get() & 0xff, peek());
                case 'r' -> memo.put(in.getInt(), peek());
                case 0x94 -> memo.put(memo.size(), peek());
                case 'h' -> push(memoGet(in.get() & 0xff));
                case 'j' -> push(memoGet(in.getInt()));
                case 'c' -> push(global(readLine(), readLine()));
                case 0x93 -> {
                    String name = (String) pop();
                    String module = (String) pop();
                    push(global(module, name));
                }
                case 'Q' -> push(persistent(pop()));
                case 'R' -> {
                    List<Object> args = castList(pop());
                    push(reduce(pop(), args));
                }
                case 0x81 -> {
                    List<Object> args = castList(pop());
                    push(newObject(pop(), args));
                }
                case 'b' -> build();
                default -> throw new ModelFileException(source, String.format(
                        "unsupported pickle opcode 0x%02x at byte %d", op, in.position() - 1));
            }
        }
    }

    private double readBigEndianDouble() {
        // BINFLOAT is the one big-endian field in the pickle format
        double value = in.duplicate().order(ByteOrder.BIG_ENDIAN).getDouble();
        in.position(in.position() + 8);
        return value;
    }

    private long readLong1() {
        int n = in.get() & 0xff;
        byte[] le = readBytes(n);
        if (n > 8) {
            throw new ModelFileException(source, "integer of " + n + " bytes does not fit a long");
        }
        long value = n > 0 && le[n - 1] < 0 ? -1L : 0L;
        for (int i = n - 1; i >= 0; i--) {
            value = (value << 8) | (le[i] & 0xff);
        }
        return value;
    }

    private String readString(int length) {
        return new String(readBytes(length), StandardCharsets.UTF_8);
    }

    private byte[] readBytes(int length) {
        byte[] b = new byte[length];
        in.get(b);
        return b;
    }

    private String readLine() {
        StringBuilder sb = new StringBuilder();
        for (byte b = in.get(); b != '\n'; b = in.get()) {
            sb.append((char) b);
        }
        return sb.toString();
    }

    private void push(Object o) {
        stack.add(o);
    }

    private Object pop() {
        return stack.remove(stack.size() - 1);
    }

    private Object peek() {
        return stack.get(stack.size() - 1);
    }

    private List<Object> popN(int n) {
        List<Object> items = new ArrayList<>(stack.subList(stack.size() - n, stack.size()));
        stack.subList(stack.size() - n, stack.size()).clear();
        return items;
    }

    private List<Object> popToMark() {
        if (marks.isEmpty()) {
            throw new ModelFileException(source, "pickle pops to a MARK that was never set");
        }
        return popN(stack.size() - marks.pop());
    }

    private Object memoGet(int index) {
        if (!memo.containsKey(index)) {
            throw new ModelFileException(source, "pickle refers to memo entry " + index + " before it is set");
        }
        return memo.get(index);
    }

    private static List<Object> tuple(List<Object> items) {
        return Collections.unmodifiableList(new ArrayList<>(items));
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object o) {
        if (o instanceof ArrayList<?> l) {
            return (List<Object>) l;
        }
        throw new ModelFileException(source, "APPEND to a " + describe(o));
    }

    @SuppressWarnings("unchecked")
    private List<Object> castList(Object o) {
        if (o instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new ModelFileException(source, "expected an argument tuple, got " + describe(o));
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> dict(Object o) {
        if (o instanceof LinkedHashMap<?, ?> m) {
            return (Map<Object, Object>) m;
        }
        throw new ModelFileException(source, "SETITEM on a " + describe(o));
    }

    @SuppressWarnings("unchecked")
    private Set<Object> set(Object o) {
        if (o instanceof LinkedHashSet<?> s) {
            return (Set<Object>) s;
        }
        throw new ModelFileException(source, "ADDITEMS on a " + describe(o));
    }

    private PythonGlobal global(String module, String name) {
        String qualified = module + "." + name;
        if (KNOWN_CALLABLES.contains(qualified) || isModelClass(qualified)) {
            return new PythonGlobal(qualified);
        }
        throw new ModelFileException(source, "refusing unexpected pickle global '" + qualified
                + "' (only torch tensor rebuilds, storages, OrderedDict, set, numpy arrays and model classes in "
                + MODEL_CLASS_PACKAGES + " are allowed)");
    }

    private static boolean isModelClass(String qualified) {
        return MODEL_CLASS_PACKAGES.stream().anyMatch(qualified::startsWith);
    }

    private Object persistent(Object pid) {
        List<Object> id = castList(pid);
        if (storages == null) {
            throw new ModelFileException(source, "unexpected persistent id " + id + " in a plain pickle");
        }
        if (id.size() != 5 || !"storage".equals(id.get(0))) {
            throw new ModelFileException(source, "unexpected persistent id " + id);
        }
        return storages.apply(id);
    }

    private Object reduce(Object callable, List<Object> args) {
        String name = globalName(callable, "REDUCE");
        switch (name) {
            case "torch._utils._rebuild_tensor_v2":
                return rebuildTensor(args);
            case "torch._utils._rebuild_parameter":
                if (args.get(0) instanceof ModelTensor t) {
                    return t;
                }
                throw new ModelFileException(source, "_rebuild_parameter of a " + describe(args.get(0)));
            case "collections.OrderedDict":
                return new LinkedHashMap<>();
            case "__builtin__.set":
            case "builtins.set":
                return args.isEmpty() ? new LinkedHashSet<>() : new LinkedHashSet<>(castList(args.get(0)));
            case "numpy.core.multiarray._reconstruct":
            case "numpy._core.multiarray._reconstruct":
                return new PendingArray();
            case "numpy.dtype":
                return new NumpyDtype((String) args.get(0));
            default:
                throw new ModelFileException(source, "pickle calls '" + name + "', which this reader does not construct");
        }
    }

    private Object newObject(Object cls, List<Object> args) {
        String name = globalName(cls, "NEWOBJ");
        if (!isModelClass(name)) {
            throw new ModelFileException(source, "pickle instantiates '" + name + "', which is not a model class");
        }
        if (!args.isEmpty()) {
            throw new ModelFileException(source, "model class " + name + " created with arguments " + args);
        }
        return new PickledObject(name);
    }

    private String globalName(Object o, String opcode) {
        if (o instanceof PythonGlobal g) {
            return g.qualifiedName();
        }
        throw new ModelFileException(source, opcode + " on a " + describe(o) + " instead of a class or function");
    }

    private void build() {
        Object state = pop();
        Object target = peek();
        if (target instanceof PickledObject object) {
            // state is the __dict__, or (__dict__, slot state) for classes with __slots__
            if (state instanceof List<?> pair && pair.size() == 2) {
                if (pair.get(0) instanceof Map<?, ?> d) {
                    object.build(d);
                }
                if (pair.get(1) instanceof Map<?, ?> slots) {
                    object.build(slots);
                }
            } else if (state instanceof Map<?, ?> d) {
                object.build(d);
            } else {
                throw new ModelFileException(source, "BUILD of " + object.className() + " with " + describe(state));
            }
        } else if (target instanceof NumpyDtype dtype) {
            dtype.byteOrder = (String) castList(state).get(1);
        } else if (target instanceof PendingArray) {
            ModelTensor array = numpyArray(castList(state));
            stack.set(stack.size() - 1, array);
            memo.replaceAll((k, v) -> v == target ? array : v);
        } else {
            throw new ModelFileException(source, "BUILD on a " + describe(target));
        }
    }

    private ModelTensor rebuildTensor(List<Object> args) {
        if (!(args.get(0) instanceof TorchStorage storage)) {
            throw new ModelFileException(source, "_rebuild_tensor_v2 without a storage: " + describe(args.get(0)));
        }
        int offset = Math.toIntExact((Long) args.get(1));
        int[] shape = ints(castList(args.get(2)));
        int[] stride = ints(castList(args.get(3)));
        int expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && stride[d] != expected) {
                throw new ModelFileException(source, "tensor in storage " + storage.key() + " is not contiguous (shape "
                        + Arrays.toString(shape) + ", stride " + Arrays.toString(stride) + ")");
            }
            expected *= shape[d];
        }
        if (offset + expected > storage.values().length) {
            throw new ModelFileException(source, "tensor of shape " + Arrays.toString(shape) + " at offset " + offset
                    + " overruns storage " + storage.key() + " of " + storage.values().length + " elements");
        }
        return new ModelTensor(storage.type(), shape,
                Arrays.copyOfRange(storage.values(), offset, offset + expected));
    }

    private ModelTensor numpyArray(List<Object> state) {
        // ndarray.__setstate__((version, shape, dtype, is_fortran, raw bytes))
        int[] shape = ints(castList(state.get(1)));
        NumpyDtype dtype = (NumpyDtype) state.get(2);
        if (Boolean.TRUE.equals(state.get(3))) {
            throw new ModelFileException(source, "Fortran-ordered numpy array is not supported");
        }
        byte[] raw = (byte[]) state.get(4);
        ElementType type = switch (dtype.code) {
            case "f4" -> ElementType.FLOAT32;
            case "f8" -> ElementType.FLOAT64;
            default -> throw new ModelFileException(source, "numpy dtype '" + dtype.code + "' is not supported");
        };
        ByteOrder order = ">".equals(dtype.byteOrder) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        return new ModelTensor(type, shape, decode(ByteBuffer.wrap(raw).order(order), type, raw.length / type.bytes()));
    }

    /** Decodes little- or big-endian floats from a buffer into doubles. */
    static double[] decode(ByteBuffer buffer, ElementType type, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = type == ElementType.FLOAT32 ? buffer.getFloat() : buffer.getDouble();
        }
        return values;
    }

    private static int[] ints(List<Object> longs) {
        int[] out = new int[longs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.toIntExact((Long) longs.get(i));
        }
        return out;
    }

    private static String describe(Object o) {
        return o == null ? "None" : o.getClass().getSimpleName() + " " + o;
    }

    /** numpy._reconstruct's placeholder until BUILD gives it shape, dtype and bytes. */
    private static final class PendingArray {}

    private static final class NumpyDtype {
        final String code;
        String byteOrder = "<";

        NumpyDtype(String code) {
            this.code = code;
        }
    }
}

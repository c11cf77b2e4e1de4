package org.popstream.inference.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads numpy's {@code .npy} arrays and {@code .npz} archives (a zip of {@code <name>.npy} entries),
 * as {@code numpy.save}/{@code numpy.savez} write them: format versions 1–3, little-endian float32
 * or float64, C order. Anything else is refused naming the file, so a re-saved model file in
 * another layout cannot be misread.
 */
public final class NumpyFile {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NumpyFile() {}

    /** One {@code .npy} array. */
    public static ModelTensor read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file, "file not found");
        }
        try {
            return parse(file, "", Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Every array of an {@code .npz} archive, by name (the entry name without {@code .npy}), in archive order. */
    public static Map<String, ModelTensor> readArchive(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file, "file not found");
        }
        Map<String, ModelTensor> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (!entry.getName().endsWith(".npy")) {
                    throw new ModelFileException(file, "npz entry " + entry.getName() + " is not a .npy array");
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                String name = entry.getName().substring(0, entry.getName().length() - ".npy".length());
                arrays.put(name, parse(file, "array '" + name + "': ", bytes));
            }
        } catch (ZipException e) {
            throw new ModelFileException(file, "not a zip archive (numpy .npz expected)", e);
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot read: " + e.getMessage(), e);
        }
        return arrays;
    }

    /** The named array of an archive read by {@link #readArchive}, with the expected shape. */
    public static ModelTensor require(Path file, Map<String, ModelTensor> archive, String name, int... shape) {
        ModelTensor t = archive.get(name);
        if (t == null) {
            throw new ModelFileException(file, "array '" + name + "' is missing (found " + archive.keySet() + ")");
        }
        return t.requireShape(file, name, shape);
    }

    private static ModelTensor parse(Path file, String what, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < MAGIC.length + 4) {
            throw new ModelFileException(file, what + "too short for a .npy header");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new ModelFileException(file, what + "not a .npy array (bad magic)");
            }
        }
        int major = bytes[6];
        in.position(8);
        int headerLength = switch (major) {
            case 1 -> Short.toUnsignedInt(in.getShort());
            case 2, 3 -> in.getInt();
            default -> throw new ModelFileException(file, what + "unsupported .npy format version " + major);
        };
        if (headerLength < 0 || in.position() + headerLength > bytes.length) {
            throw new ModelFileException(file, what + "truncated .npy header");
        }
        String header = new String(bytes, in.position(), headerLength, StandardCharsets.ISO_8859_1);
        in.position(in.position() + headerLength);
        String descr = field(file, what, DESCR, header, "descr");
        ElementType type = switch (descr) {
            case "<f4" -> ElementType.FLOAT32;
            case "<f8" -> ElementType.FLOAT64;
            default -> throw new ModelFileException(file, what + "unsupported dtype '" + descr
                    + "' (little-endian float32 or float64 expected)");
        };
        if (!"False".equals(field(file, what, FORTRAN, header, "fortran_order"))) {
            throw new ModelFileException(file, what + "Fortran-ordered arrays are not supported");
        }
        int[] shape = shape(file, what, field(file, what, SHAPE, header, "shape"));
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        if (in.remaining() != count * type.bytes()) {
            throw new ModelFileException(file, what + "holds " + in.remaining() + " data bytes, shape needs "
                    + count * type.bytes());
        }
        return new ModelTensor(type, shape, PickleReader.decode(in, type, (int) count));
    }

    private static String field(Path file, String what, Pattern pattern, String header, String name) {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new ModelFileException(file, what + ".npy header lacks '" + name + "': " + header.trim());
        }
        return m.group(1).trim();
    }

    private static int[] shape(Path file, String what, String tuple) {
        String[] parts = tuple.split(",");
        int n = 0;
        int[] dims = new int[parts.length];
        for (String p : parts) {
            if (p.isBlank()) {
                continue; // "(8,)" and "()"
            }
            try {
                dims[n++] = Integer.parseInt(p.trim());
            } catch (NumberFormatException e) {
                throw new ModelFileException(file, what + "bad shape (" + tuple + ")", e);
            }
        }
        return java.util.Arrays.copyOf(dims, n);
    }
}

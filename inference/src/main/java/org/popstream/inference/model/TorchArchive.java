package org.popstream.inference.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a file written by {@code torch.save} (the zip format: {@code <folder>/data.pkl} plus one
 * {@code <folder>/data/<key>} entry of raw little-endian bytes per storage). Entries are looked up
 * by name through the zip's central directory, so record order and the folder name do not matter.
 */
public final class TorchArchive {

    private TorchArchive() {}

    /** Unpickles the archive's object graph, tensors included. */
    public static Object load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file, "model file not found");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String folder = pickleFolder(file, zip);
            byte[] pickle = read(file, zip, folder + "data.pkl");
            Map<String, PickleReader.TorchStorage> cache = new HashMap<>();
            return PickleReader.read(file, pickle, id -> cache.computeIfAbsent(
                    (String) id.get(2), key -> storage(file, zip, folder, id)));
        } catch (ZipException e) {
            throw new ModelFileException(file, "not a zip archive (torch.save zip format expected)", e);
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Loads an archive whose root must be a pickled object (a torch module). */
    public static PickledObject loadModule(Path file) {
        Object root = load(file);
        if (root instanceof PickledObject object) {
            return object;
        }
        throw new ModelFileException(file, "expected a pickled module, found " + root);
    }

    private static String pickleFolder(Path file, ZipFile zip) {
        String folder = null;
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            String name = e.nextElement().getName();
            if (name.endsWith("data.pkl") && name.indexOf('/') == name.length() - "data.pkl".length() - 1) {
                if (folder != null) {
                    throw new ModelFileException(file, "more than one data.pkl in the archive");
                }
                folder = name.substring(0, name.length() - "data.pkl".length());
            }
        }
        if (folder == null) {
            throw new ModelFileException(file, "zip archive has no <folder>/data.pkl: not a torch.save file");
        }
        return folder;
    }

    private static PickleReader.TorchStorage storage(Path file, ZipFile zip, String folder, List<Object> id) {
        String storageClass = id.get(1) instanceof PickleReader.PythonGlobal g ? g.qualifiedName() : String.valueOf(id.get(1));
        ElementType type = switch (storageClass) {
            case "torch.FloatStorage" -> ElementType.FLOAT32;
            case "torch.DoubleStorage" -> ElementType.FLOAT64;
            default -> throw new ModelFileException(file, "unsupported storage type " + id.get(1));
        };
        String key = (String) id.get(2);
        long numel = (Long) id.get(4);
        byte[] bytes;
        try {
            bytes = read(file, zip, folder + "data/" + key);
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot read storage " + key + ": " + e.getMessage(), e);
        }
        if (bytes.length != numel * type.bytes()) {
            throw new ModelFileException(file, "storage data/" + key + " holds " + bytes.length + " bytes, expected "
                    + numel + " x " + type.bytes());
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        return new PickleReader.TorchStorage(type, key, PickleReader.decode(buffer, type, (int) numel));
    }

    private static byte[] read(Path file, ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new ModelFileException(file, "zip entry " + name + " is missing");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }
}

package org.popstream.inference.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popstream.testing.SharedPaths;

class NumpyFileTest {

    private final ModelDirectory models = new ModelDirectory(SharedPaths.models());

    @Test
    void readsThePublishedArrays() {
        ModelTensor wavelengths = NumpyFile.read(models.emissionLineWavelengths());
        assertEquals(ElementType.FLOAT64, wavelengths.type());
        assertArrayEquals(new int[] {128}, wavelengths.shape());
        assertEquals(1215.67, wavelengths.values()[7], 0.01); // Ly-alpha, index 7 in upstream's selection
        Map<String, ModelTensor> pca = NumpyFile.readArchive(models.emissionLinePcaBasis());
        assertEquals(List.of("pca_transform_matrix", "parameters_shift", "parameters_scale", "pca_shift", "pca_scale",
                "log_spectrum_shift", "log_spectrum_scale").stream().sorted().toList(),
                pca.keySet().stream().sorted().toList());
        assertArrayEquals(new int[] {32, 128}, pca.get("pca_transform_matrix").shape());
    }

    @Test
    void readsWhatItsHeaderDescribes(@TempDir Path dir) throws IOException {
        Path file = write(dir.resolve("a.npy"), "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", 4, 6);
        ModelTensor t = NumpyFile.read(file);
        assertEquals(ElementType.FLOAT32, t.type());
        assertArrayEquals(new int[] {2, 3}, t.shape());
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, t.values());
        Path scalar = write(dir.resolve("s.npy"), "{'descr': '<f8', 'fortran_order': False, 'shape': (), }", 8, 1);
        assertArrayEquals(new int[0], NumpyFile.read(scalar).shape());
    }

    @Test
    void refusesWhatItCannotReadNamingTheFile(@TempDir Path dir) throws IOException {
        assertRefused(write(dir.resolve("big.npy"), "{'descr': '>f8', 'fortran_order': False, 'shape': (2,), }", 8, 2),
                "unsupported dtype '>f8'");
        assertRefused(write(dir.resolve("int.npy"), "{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }", 8, 2),
                "unsupported dtype '<i8'");
        assertRefused(write(dir.resolve("f.npy"), "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 2), }", 8, 4),
                "Fortran-ordered");
        assertRefused(write(dir.resolve("short.npy"), "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", 8, 2),
                "shape needs 24");
        assertRefused(Files.writeString(dir.resolve("text.npy"), "not numpy at all"), "bad magic");
        assertRefused(dir.resolve("absent.npy"), "file not found");
        Path notZip = Files.writeString(dir.resolve("x.npz"), "plain text");
        ModelFileException e = assertThrows(ModelFileException.class, () -> NumpyFile.readArchive(notZip));
        assertTrue(e.getMessage().contains(notZip.toString()) && e.getMessage().contains("not a zip"), e.getMessage());
    }

    private static void assertRefused(Path file, String reason) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> NumpyFile.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains(reason), e.getMessage());
    }

    /** A version-1 .npy file with the given header and {@code count} values 0, 1, 2, … of {@code width} bytes. */
    private static Path write(Path file, String header, int width, int count) throws IOException {
        int unpadded = 10 + header.length() + 1;
        String padded = header + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + padded.length() + width * count).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.putShort((short) padded.length());
        b.put(padded.getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < count; i++) {
            if (width == 4) {
                b.putFloat(i);
            } else {
                b.putDouble(i);
            }
        }
        return Files.write(file, b.array());
    }
}

package org.popstream.inference.emission;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmissionLineTableFileTest {

    @Test
    void builtInConstantsAreUpstreamsArrays() {
        EmissionLineTable t = EmissionLineTable.leistedt23();
        // spot checks against shared/docs/calibration-constants.md, by line
        assertEquals(0.11364901065826416, t.offsets()[index("[O III] 5007", 5008.24)], 0.0);
        assertEquals(0.026402797549962997, t.errors()[index("[O III] 5007", 5008.24)], 0.0);
        assertEquals(-0.5655972361564636, t.offsets()[index("H-beta 4861", 4862.71)], 0.0);
        assertEquals(-1.0, t.offsets()[index("[S III] 9533", 9533.2)], 0.0);
        assertEquals(-7.152557373046875e-07, t.offsets()[index("Mg II 2800", 2803.53)], 0.0);
        assertEquals(-6.020069122314453e-06, t.offsets()[index("Mg II 2800", 2796.352)], 0.0);
        assertEquals(1.4252265817180088e-13, t.errors()[0], 0.0);
    }

    @Test
    void writtenTableReadsBackBitForBitInAnyRowOrder(@TempDir Path dir) throws IOException {
        double[] offsets = new double[EmissionLines.COUNT];
        double[] errors = new double[EmissionLines.COUNT];
        Random random = new Random(3);
        for (int l = 0; l < offsets.length; l++) {
            offsets[l] = random.nextGaussian() * 0.3;
            errors[l] = Math.abs(random.nextGaussian()) * 1e-3;
        }
        EmissionLineTable table = new EmissionLineTable(offsets, errors);
        Path file = dir.resolve("lines.csv");
        EmissionLineTableFile.write(file, table);
        EmissionLineTable back = EmissionLineTableFile.read(file);
        assertArrayEquals(offsets, back.offsets(), 0.0);
        assertArrayEquals(errors, back.errors(), 0.0);

        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        List<String> body = new ArrayList<>(lines.subList(1, lines.size()));
        Collections.shuffle(body, new Random(5));
        List<String> shuffled = new ArrayList<>(List.of(lines.get(0)));
        shuffled.addAll(body);
        Path reordered = Files.write(dir.resolve("shuffled.csv"), shuffled);
        assertArrayEquals(offsets, EmissionLineTableFile.read(reordered).offsets(), 0.0);
    }

    @Test
    void badTablesAreRefusedWithFileLineAndReason(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.csv");
        EmissionLineTableFile.write(good, EmissionLineTable.leistedt23());
        List<String> lines = Files.readAllLines(good);

        assertRefused(dir, "short.csv", lines.subList(0, lines.size() - 1), "has 43 lines, expected all 44; missing [[O III] 5007");
        List<String> unknown = new ArrayList<>(lines);
        unknown.set(3, unknown.get(3).replace("[O I] 6302", "[O IV] 6302"));
        assertRefused(dir, "unknown.csv", unknown, "line 4: unknown line name '[O IV] 6302'");
        List<String> wrongLambda = new ArrayList<>(lines);
        wrongLambda.set(13, "12,Mg II 2800,2800.0,0.1,0.0");
        assertRefused(dir, "lambda.csv", wrongLambda, "line 14: line 'Mg II 2800' at 2800.0 Å is not one of the 44");
        List<String> twice = new ArrayList<>(lines);
        twice.add(lines.get(1));
        assertRefused(dir, "twice.csv", twice, "line 46: C II] 2326 (2326.11 Å) appears twice (first on line 2)");
        List<String> notNumber = new ArrayList<>(lines);
        notNumber.set(2, notNumber.get(2).replaceFirst(",[^,]*$", ",lots"));
        assertRefused(dir, "nan.csv", notNumber, "line 3: error is not a number: 'lots'");
        List<String> negative = new ArrayList<>(lines);
        negative.set(2, negative.get(2).replaceFirst(",[^,]*$", ",-0.1"));
        assertRefused(dir, "negative.csv", negative, "line 3: offset must be finite and error finite and >= 0");
        assertRefused(dir, "header.csv", List.of("i,name,lambda,offset,error"), "needs columns [line, lambda_rest_AA, offset, error]");
        List<String> ragged = new ArrayList<>(lines);
        ragged.set(5, "4,H I (Ly-alpha),1215.6701,0.0");
        assertRefused(dir, "ragged.csv", ragged, "line 6: expected 5 values, found 4");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmissionLineTableFile.read(dir.resolve("absent.csv")));
        assertTrue(e.getMessage().contains("absent.csv") && e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void settingTakesNoneLeistedt23OrAFile(@TempDir Path dir) {
        assertFalse(EmissionLineSetting.parse("none").enabled());
        EmissionLineSetting upstream = EmissionLineSetting.parse("leistedt23");
        assertArrayEquals(EmissionLineTable.leistedt23().offsets(), upstream.table().orElseThrow().offsets(), 0.0);
        Path file = dir.resolve("t.csv");
        EmissionLineTableFile.write(file, EmissionLineTable.zeros());
        EmissionLineSetting fromFile = EmissionLineSetting.parse(file.toString());
        assertArrayEquals(new double[EmissionLines.COUNT], fromFile.table().orElseThrow().offsets(), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EmissionLineSetting.parse("leistedt24"));
        assertTrue(e.getMessage().contains("'leistedt24' is neither none, leistedt23 nor an existing table file"), e.getMessage());
    }

    private static void assertRefused(Path dir, String name, List<String> content, String reason) throws IOException {
        Path file = Files.write(dir.resolve(name), content);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EmissionLineTableFile.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains(reason), e.getMessage());
    }

    private static int index(String name, double lambda) {
        return EmissionLines.SELECTED.indexOf(new EmissionLine(name, lambda));
    }
}

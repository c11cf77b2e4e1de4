package org.popstream.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhotoZPlotTest {

    @TempDir Path dir;

    @Test
    void writesAReadablePngWithSomethingDrawn() throws Exception {
        Path png = dir.resolve("plot.png");
        PhotoZPlot.write(png, "test", new double[] {1, 2, 3}, new double[] {1.1, 0.3, 3.0},
                new double[] {1.0, 0.2, 2.9}, new double[] {1.2, 0.4, 3.1});
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "not a PNG");
        assertEquals(800, image.getWidth());
        assertEquals(760, image.getHeight());
        long coloured = 0;
        for (int x = 0; x < image.getWidth(); x += 2) {
            for (int y = 0; y < image.getHeight(); y += 2) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                coloured += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60 ? 1 : 0;
            }
        }
        assertTrue(coloured > 20, "markers are drawn in colour: " + coloured);
    }
}

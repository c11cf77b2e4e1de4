package org.popstream.cli.demo;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Photometric against spectroscopic redshift as a PNG, with the 1:1 line and the ±0.15(1+z) outlier lines. */
public final class PhotoZPlot {

    private PhotoZPlot() {}

    /**
     * @param zSpec spectroscopic redshifts
     * @param zPhot posterior medians
     * @param zLow  lower edge of the 68 % interval (error bars), same order
     * @param zHigh upper edge of the 68 % interval
     */
    public static void write(Path png, String title, double[] zSpec, double[] zPhot, double[] zLow, double[] zHigh)
            throws IOException {
        XYChart chart = new XYChartBuilder().width(800).height(760).title(title)
                .xAxisTitle("spectroscopic z").yAxisTitle("photometric z (posterior median, 68 % interval)").build();
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        double max = Math.max(Arrays.stream(zSpec).max().orElse(1), Arrays.stream(zHigh).max().orElse(1)) * 1.05;
        max = Math.max(max, 1);

        double[] errorBars = new double[zPhot.length];
        for (int i = 0; i < zPhot.length; i++) {
            errorBars[i] = 0.5 * (zHigh[i] - zLow[i]);
        }
        XYSeries galaxies = chart.addSeries("galaxies", zSpec, zPhot, errorBars);
        galaxies.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        galaxies.setMarker(SeriesMarkers.CIRCLE);

        double[] grid = {0, max};
        line(chart, "z_phot = z_spec", grid, new double[] {0, max}, Color.BLACK);
        line(chart, "+0.15(1+z) outlier limit", grid, new double[] {0.15, max + 0.15 * (1 + max)}, Color.GRAY);
        line(chart, "-0.15(1+z) outlier limit", grid, new double[] {-0.15, max - 0.15 * (1 + max)}, Color.GRAY);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(max).setYAxisMin(0.0).setYAxisMax(max);
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setLineColor(color);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
    }
}

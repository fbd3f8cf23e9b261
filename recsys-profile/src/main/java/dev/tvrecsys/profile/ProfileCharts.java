package dev.tvrecsys.profile;

import dev.tvrecsys.profile.DataProfile.AssetTypeStats;
import dev.tvrecsys.profile.DataProfile.WeekdayBasis;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYBarDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws the profile charts with JFreeChart and saves them as PNG files. Rendering needs no display:
 * callers run with {@code java.awt.headless=true} where none is attached.
 */
final class ProfileCharts {

    static final int WIDTH = 900;
    static final int HEIGHT = 560;

    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    private static final String[] MONDAY_FIRST = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private ProfileCharts() {}

    /** Draws viewers per history length bin, with a marker at the first length with a sample. */
    static void historyLengths(DataProfile profile, Path file) throws IOException {
        Histogram histogram = profile.historyLengths().histogram();
        XYSeries series = new XYSeries("viewers");
        for (int k = 0; k < histogram.binCount(); k++) {
            series.add(histogram.binStart(k) + histogram.binWidth() / 2.0, histogram.count(k));
        }
        XYBarRenderer renderer = new XYBarRenderer(0.05);
        renderer.setShadowVisible(false);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setSeriesPaint(0, new Color(0x3B6EA8));
        NumberAxis lengthAxis =
                new NumberAxis(
                        "events per viewer (bins of "
                                + histogram.binWidth()
                                + ", last bin open-ended)");
        XYPlot plot =
                new XYPlot(
                        new XYBarDataset(new XYSeriesCollection(series), histogram.binWidth()),
                        lengthAxis,
                        new NumberAxis("viewers"),
                        renderer);
        ValueMarker firstSample = new ValueMarker(DataProfiler.SHORT_HISTORY + 2);
        firstSample.setPaint(Color.RED);
        firstSample.setStroke(new BasicStroke(2f));
        firstSample.setLabel("23 events: first reference sample");
        firstSample.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        firstSample.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        firstSample.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addDomainMarker(firstSample);
        save(chart("History length: events per viewer", plot, false), file);
    }

    /** Draws events by hour of day and day of week as a heat map. */
    static void weekdayHour(DataProfile profile, Path file) throws IOException {
        long[][] counts = profile.eventsByWeekdayHour();
        int cells = 7 * 24;
        double[] hours = new double[cells];
        double[] days = new double[cells];
        double[] values = new double[cells];
        double max = 1;
        for (int day = 0; day < 7; day++) {
            for (int hour = 0; hour < 24; hour++) {
                int cell = day * 24 + hour;
                hours[cell] = hour;
                days[cell] = day;
                values[cell] = counts[day][hour];
                max = Math.max(max, counts[day][hour]);
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("events", new double[][] {hours, days, values});

        String[] dayLabels = new String[7];
        for (int day = 0; day < 7; day++) {
            dayLabels[day] =
                    profile.weekdayBasis() == WeekdayBasis.EPOCH_DAY
                            ? MONDAY_FIRST[day]
                            : "day mod 7 = " + day;
        }
        SymbolAxis dayAxis =
                new SymbolAxis(
                        profile.weekdayBasis() == WeekdayBasis.EPOCH_DAY
                                ? "day of week (UTC calendar)"
                                : "day number mod 7",
                        dayLabels);
        dayAxis.setInverted(true);
        NumberAxis hourAxis = new NumberAxis("hour of day");
        hourAxis.setRange(-0.5, 23.5);
        hourAxis.setTickUnit(new NumberTickUnit(2));

        HeatScale scale = new HeatScale(max);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(dataset, hourAxis, dayAxis, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);

        JFreeChart chart = chart("Events by hour of day and day of week", plot, false);
        PaintScaleLegend legend = new PaintScaleLegend(scale, new NumberAxis("events"));
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        legend.setStripWidth(16);
        chart.addSubtitle(legend);
        save(chart, file);
    }

    /** Draws show events against popularity rank on log-log axes. */
    static void showPopularity(DataProfile profile, Path file) throws IOException {
        int[] events = profile.showEventsByRank();
        XYSeries series = new XYSeries("shows");
        for (int rank = 1; rank <= events.length; rank++) {
            series.add(rank, events[rank - 1]);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, new Color(0x3B6EA8));
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        LogAxis rankAxis = new LogAxis("popularity rank (1 = most events)");
        LogAxis eventAxis = new LogAxis("events of the show");
        for (LogAxis axis : new LogAxis[] {rankAxis, eventAxis}) {
            // One tick per power of ten, printed as plain numbers instead of 10^x.
            axis.setSmallestValue(1);
            axis.setTickUnit(new NumberTickUnit(1));
            axis.setNumberFormatOverride(NumberFormat.getIntegerInstance(Locale.ROOT));
        }
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), rankAxis, eventAxis, renderer);
        save(chart("Show popularity (log-log)", plot, false), file);
    }

    /** Draws the share of each asset type's events per watch-minutes bin, one line per type. */
    static void watchMinutes(DataProfile profile, Path file) throws IOException {
        XYSeriesCollection dataset = new XYSeriesCollection();
        int binWidth = DataProfiler.MINUTES_BIN_WIDTH;
        for (AssetTypeStats type : profile.assetTypes()) {
            Histogram histogram = type.minutesHistogram();
            XYSeries series = new XYSeries(type.name());
            for (int k = 0; k < histogram.binCount(); k++) {
                series.add(histogram.binStart(k), 100.0 * histogram.count(k) / type.events());
            }
            dataset.addSeries(series);
        }
        XYStepRenderer renderer = new XYStepRenderer();
        Color[] colors = {new Color(0x3B6EA8), new Color(0xD9822B), new Color(0x4C9A4C)};
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2.5f));
            if (i < colors.length) {
                renderer.setSeriesPaint(i, colors[i]);
            }
        }
        NumberAxis minutesAxis =
                new NumberAxis(
                        "watch minutes (bins of "
                                + binWidth
                                + "; "
                                + DataProfiler.MINUTES_HISTOGRAM_END
                                + " and more in the last bin)");
        XYPlot plot =
                new XYPlot(
                        dataset, minutesAxis, new NumberAxis("% of the type's events"), renderer);
        save(chart("Watch minutes per asset type", plot, true), file);
    }

    private static JFreeChart chart(String title, XYPlot plot, boolean legend) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
        Font tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            plot.getDomainAxis(i).setLabelFont(labelFont);
            plot.getDomainAxis(i).setTickLabelFont(tickFont);
        }
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            plot.getRangeAxis(i).setLabelFont(labelFont);
            plot.getRangeAxis(i).setTickLabelFont(tickFont);
        }
        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static void save(JFreeChart chart, Path file) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }

    /** Colours from white through yellow and orange to dark red, linear in the count. */
    private static final class HeatScale implements PaintScale {
        private static final Color[] STOPS = {
            Color.WHITE, new Color(0xFFE08A), new Color(0xF08C3A), new Color(0xB2182B)
        };
        private final double upper;

        HeatScale(double upper) {
            this.upper = upper;
        }

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public Paint getPaint(double value) {
            double position = Math.max(0, Math.min(1, value / upper)) * (STOPS.length - 1);
            int index = Math.min((int) position, STOPS.length - 2);
            double fraction = position - index;
            Color from = STOPS[index];
            Color to = STOPS[index + 1];
            return new Color(
                    mix(from.getRed(), to.getRed(), fraction),
                    mix(from.getGreen(), to.getGreen(), fraction),
                    mix(from.getBlue(), to.getBlue(), fraction));
        }

        private static int mix(int from, int to, double fraction) {
            return (int) Math.round(from + (to - from) * fraction);
        }
    }
}

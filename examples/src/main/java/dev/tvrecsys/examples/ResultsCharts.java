package dev.tvrecsys.examples;

import dev.tvrecsys.eval.MetricsReport;
import dev.tvrecsys.eval.ResultRow;
import dev.tvrecsys.train.EpochResult;
import dev.tvrecsys.train.TrainingHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * PNG charts of a results run: recall@k against k for every model, and the LSTM training curves,
 * one chart of each per data set and protocol. Drawn with JFreeChart, which needs no display when
 * {@code java.awt.headless=true}.
 */
final class ResultsCharts {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;

    private ResultsCharts() {}

    /** Writes {@code recall-<dataset>-<protocol>.png} for the rows of one data set and protocol. */
    static Path writeRecallByK(
            Path directory, String dataset, String protocol, List<ResultRow> rows, List<Integer> ks)
            throws IOException {
        XYSeriesCollection series = new XYSeriesCollection();
        for (ResultRow row : rows) {
            if (!row.dataset().equals(dataset) || !row.protocol().equals(protocol)) {
                continue;
            }
            XYSeries line = new XYSeries(row.model());
            for (int k : ks) {
                line.add(k, row.report().value(MetricsReport.RECALL, k));
            }
            series.addSeries(line);
        }
        JFreeChart chart =
                ChartFactory.createXYLineChart(
                        "Recall@k, " + dataset + ", " + protocol,
                        "k",
                        "recall@k",
                        series,
                        PlotOrientation.VERTICAL,
                        true,
                        false,
                        false);
        return save(chart, directory.resolve("recall-" + dataset + "-" + protocol + ".png"));
    }

    /** Writes {@code training-<dataset>-<protocol>.png}: validation recall@10 per epoch. */
    static Path writeTrainingCurves(
            Path directory, String dataset, String protocol, Map<String, TrainingHistory> histories)
            throws IOException {
        XYSeriesCollection series = new XYSeriesCollection();
        for (Map.Entry<String, TrainingHistory> entry : histories.entrySet()) {
            XYSeries recall = new XYSeries(entry.getKey() + " validation recall@10");
            XYSeries loss = new XYSeries(entry.getKey() + " train loss / 10");
            for (EpochResult epoch : entry.getValue().epochs()) {
                if (Double.isFinite(epoch.validationRecall())) {
                    recall.add(epoch.epoch(), epoch.validationRecall());
                }
                loss.add(epoch.epoch(), epoch.trainLoss() / 10);
            }
            series.addSeries(recall);
            series.addSeries(loss);
        }
        JFreeChart chart =
                ChartFactory.createXYLineChart(
                        "LSTM training, " + dataset + ", " + protocol,
                        "epoch",
                        "value",
                        series,
                        PlotOrientation.VERTICAL,
                        true,
                        false,
                        false);
        return save(chart, directory.resolve("training-" + dataset + "-" + protocol + ".png"));
    }

    private static Path save(JFreeChart chart, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        ChartUtils.saveChartAsPNG(temporary.toFile(), chart, WIDTH, HEIGHT);
        Files.move(
                temporary,
                file,
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        return file;
    }
}

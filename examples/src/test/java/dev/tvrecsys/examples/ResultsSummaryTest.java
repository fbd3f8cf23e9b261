package dev.tvrecsys.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsSummaryTest {

    @Test
    void markdown_tablePerDataSet() {
        List<ResultsSummary.Cell> cells =
                List.of(
                        new ResultsSummary.Cell("a", "loo", "markov", 0.5, 0.25, 0.125),
                        new ResultsSummary.Cell("a", "loo", "lstm", 0.75, 0.5, 0.375),
                        new ResultsSummary.Cell("a", "split", "markov", 0.2, 0.1, 0.3),
                        new ResultsSummary.Cell("b", "loo", "lstm", 0.1, 0.05, 0.1));

        String expected =
                "a: recall@10 / NDCG@10 (discovery recall@10)\n"
                        + "\n"
                        + "| model | loo | split |\n"
                        + "|---|---:|---:|\n"
                        + "| markov | 0.5000 / 0.2500 (0.1250) | **0.2000** / 0.1000 (0.3000) |\n"
                        + "| lstm | **0.7500** / 0.5000 (0.3750) |  |\n"
                        + "\n"
                        + "b: recall@10 / NDCG@10 (discovery recall@10)\n"
                        + "\n"
                        + "| model | loo |\n"
                        + "|---|---:|\n"
                        + "| lstm | **0.1000** / 0.0500 (0.1000) |\n";
        assertEquals(expected, ResultsSummary.markdown(cells));
    }

    @Test
    void markdown_roundsHalfUpAndBoldsTies() {
        // 13,353 hits of 20,000 is 0.66765, which the full results table also shows as 0.6677.
        List<ResultsSummary.Cell> cells =
                List.of(
                        new ResultsSummary.Cell("a", "loo", "x", 13353 / 20000.0, 0, 0),
                        new ResultsSummary.Cell("a", "loo", "y", 13353 / 20000.0, 0, 0));

        String markdown = ResultsSummary.markdown(cells);

        assertEquals(
                "| x | **0.6677** / 0.0000 (0.0000) |\n| y | **0.6677** / 0.0000 (0.0000) |\n",
                markdown.substring(markdown.indexOf("| x |")));
    }
}

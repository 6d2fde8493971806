package dev.navi.cli.internal.bench;

import java.util.List;
import java.util.Locale;

/**
 * A grouped bar chart, as plain SVG: for each concurrency level the p50, p95 and p99 of the one-turn
 * tasks' latency (submit → terminal event), on a linear millisecond axis with five gridlines.
 */
final class LatencyChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final String[] NAMES = {"p50", "p95", "p99"};
    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#e15759"};

    private LatencyChart() {}

    static String svg(List<BenchResult.Throughput> levels) {
        var svg = new StringBuilder();
        svg.append(format(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(format(
                "<text x=\"%d\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">One-turn task latency by concurrency (ms)</text>%n",
                WIDTH / 2));
        var max = niceMax(levels.stream()
                .mapToDouble(level -> level.latency().p99())
                .max()
                .orElse(0));
        var plotHeight = HEIGHT - TOP - BOTTOM;
        var plotWidth = WIDTH - LEFT - RIGHT;
        for (var i = 0; i <= 5; i++) {
            var value = max * i / 5;
            var y = TOP + plotHeight - plotHeight * i / 5.0;
            svg.append(format(
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT, y, WIDTH - RIGHT, y));
            svg.append(format(
                    "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT - 6, y + 4, number(value)));
        }
        var group = levels.isEmpty() ? plotWidth : plotWidth / (double) levels.size();
        var bar = group / 4;
        for (var l = 0; l < levels.size(); l++) {
            var level = levels.get(l);
            var values = new double[] {
                level.latency().p50(), level.latency().p95(), level.latency().p99()
            };
            var x0 = LEFT + l * group + bar / 2;
            for (var p = 0; p < values.length; p++) {
                var height = max == 0 ? 0 : plotHeight * values[p] / max;
                var x = x0 + p * bar;
                svg.append(format(
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s ms</title></rect>%n",
                        x, TOP + plotHeight - height, bar - 2, height, COLOURS[p], NAMES[p], number(values[p])));
                svg.append(format(
                        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"10\">%s</text>%n",
                        x + (bar - 2) / 2, TOP + plotHeight - height - 3, number(values[p])));
            }
            svg.append(format(
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
                    x0 + 1.5 * bar, HEIGHT - BOTTOM + 18, level.concurrency()));
        }
        svg.append(format(
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">concurrent tasks</text>%n",
                LEFT + plotWidth / 2, HEIGHT - BOTTOM + 36));
        for (var p = 0; p < NAMES.length; p++) {
            var x = LEFT + p * 70;
            svg.append(format(
                    "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n", x, HEIGHT - 18, COLOURS[p]));
            svg.append(format("<text x=\"%d\" y=\"%d\">%s</text>%n", x + 16, HEIGHT - 8, NAMES[p]));
        }
        return svg.append("</svg>\n").toString();
    }

    /** The axis top: the smallest 1, 2 or 5 × 10ⁿ at or above the largest value. */
    static double niceMax(double value) {
        if (value <= 0) {
            return 1;
        }
        var magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (var step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String number(double value) {
        return value >= 100 ? format("%.0f", value) : format("%.1f", value);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}

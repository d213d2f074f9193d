package dev.nlpipe.nn;

import dev.nlpipe.core.io.AtomicFile;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained HTML page (inline SVG, no scripts, no network) with the training curves of a run:
 * training loss per epoch and every dev score per epoch, the best epoch marked, and the table of
 * numbers below the charts.
 */
public final class TrainingCurves {
    /** The file name in the model directory. */
    public static final String FILE = "training-curves.html";
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};
    private static final int W = 640;
    private static final int H = 300;
    private static final int PAD = 48;

    private TrainingCurves() {
    }

    /**
     * Writes the page.
     *
     * @param file where
     * @param title the heading (e.g. the task and model directory)
     * @param history one record per epoch with {@code epoch}, {@code loss} and {@code dev} (a map of scores)
     * @param keptEpoch the epoch kept as the model (0 for none)
     */
    public static void write(Path file, String title, List<Map<String, Object>> history, int keptEpoch) throws IOException {
        List<Double> loss = new ArrayList<>();
        Map<String, List<Double>> dev = new LinkedHashMap<>();
        for (Map<String, Object> e : history) {
            loss.add(number(e.get("loss")));
            if (e.get("dev") instanceof Map<?, ?> d) {
                d.forEach((k, v) -> {
                    if (v instanceof Number) {
                        dev.computeIfAbsent(String.valueOf(k), x -> new ArrayList<>());
                    }
                });
            }
        }
        for (Map<String, Object> e : history) {
            Map<?, ?> d = e.get("dev") instanceof Map<?, ?> m ? m : Map.of();
            dev.forEach((k, list) -> list.add(number(d.get(k))));
        }
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append("</title>\n<style>body{font-family:sans-serif;margin:24px;color:#222}svg{background:#fff;border:1px solid #ddd}"
                        + "table{border-collapse:collapse;margin-top:16px}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
                        + ".best{background:#fff3c4}</style></head><body>\n")
                .append("<h1>").append(escape(title)).append("</h1>\n");
        html.append("<h2>Training loss</h2>\n").append(chart(Map.of("loss", loss), keptEpoch, history.size()));
        if (!dev.isEmpty()) {
            html.append("<h2>Dev scores</h2>\n").append(chart(dev, keptEpoch, history.size()));
        }
        html.append("<table><tr><th>epoch</th><th>loss</th>");
        dev.keySet().forEach(k -> html.append("<th>dev ").append(escape(k)).append("</th>"));
        html.append("<th>lr</th><th>seconds</th></tr>\n");
        for (int i = 0; i < history.size(); i++) {
            Map<String, Object> e = history.get(i);
            int epoch = (int) number(e.get("epoch")).doubleValue();
            html.append(epoch == keptEpoch ? "<tr class=\"best\">" : "<tr>").append("<td>").append(epoch).append("</td><td>")
                    .append(format(loss.get(i))).append("</td>");
            for (List<Double> values : dev.values()) {
                html.append("<td>").append(format(values.get(i))).append("</td>");
            }
            html.append("<td>").append(format(number(e.get("lr")))).append("</td><td>")
                    .append(format(number(e.get("seconds")))).append("</td></tr>\n");
        }
        html.append("</table>\n<p>").append(keptEpoch > 0 ? "The highlighted epoch is the one kept as the model." : "")
                .append("</p></body></html>\n");
        try (AtomicFile f = AtomicFile.create(file)) {
            Writer w = f.writer();
            w.write(html.toString());
            f.commit();
        }
    }

    private static String chart(Map<String, List<Double>> series, int keptEpoch, int epochs) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (List<Double> s : series.values()) {
            for (Double v : s) {
                if (v != null && Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min > max) {
            return "<p>(no values)</p>\n";
        }
        if (max - min < 1e-12) {
            max = min + 1;
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg width=\"").append(W).append("\" height=\"").append(H).append("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        svg.append(line(PAD, H - PAD, W - PAD / 2.0, H - PAD, "#999")).append(line(PAD, PAD / 2.0, PAD, H - PAD, "#999"));
        for (int t = 0; t <= 4; t++) {
            double v = min + (max - min) * t / 4;
            double y = y(v, min, max);
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>%n",
                    PAD - 4, y + 4, format(v)));
            svg.append(line(PAD, y, W - PAD / 2.0, y, "#eee"));
        }
        for (int e = 1; e <= epochs; e++) {
            if (epochs <= 20 || e % Math.max(1, epochs / 10) == 0 || e == 1) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%d</text>%n",
                        x(e, epochs), H - PAD + 16, e));
            }
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">epoch</text>%n",
                W / 2, H - 8));
        if (keptEpoch > 0) {
            svg.append(line(x(keptEpoch, epochs), PAD / 2.0, x(keptEpoch, epochs), H - PAD, "#e8b800"));
        }
        int c = 0;
        for (Map.Entry<String, List<Double>> s : series.entrySet()) {
            String color = COLORS[c % COLORS.length];
            StringBuilder pts = new StringBuilder();
            List<Double> vals = s.getValue();
            for (int i = 0; i < vals.size(); i++) {
                Double v = vals.get(i);
                if (v != null && Double.isFinite(v)) {
                    pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i + 1, epochs), y(v, min, max)));
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>%n",
                            x(i + 1, epochs), y(v, min, max), color));
                }
            }
            svg.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"1.5\" points=\"")
                    .append(pts.toString().trim()).append("\"/>\n");
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"%s\">%s</text>%n",
                    W - PAD - 80, PAD / 2 + 14 * (c + 1), color, escape(s.getKey())));
            c++;
        }
        return svg.append("</svg>\n").toString();
    }

    private static double x(int epoch, int epochs) {
        return epochs <= 1 ? PAD + (W - 1.5 * PAD) / 2 : PAD + (W - 1.5 * PAD) * (epoch - 1) / (double) (epochs - 1);
    }

    private static double y(double v, double min, double max) {
        return (H - PAD) - (H - 1.5 * PAD) * (v - min) / (max - min);
    }

    private static String line(double x1, double y1, double x2, double y2, String color) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n", x1, y1, x2, y2, color);
    }

    private static Double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }

    private static String format(Double v) {
        if (v == null || !Double.isFinite(v)) {
            return "";
        }
        double a = Math.abs(v);
        return a != 0 && (a < 0.001 || a >= 100000) ? String.format(Locale.ROOT, "%.2e", v) : String.format(Locale.ROOT, "%.4g", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

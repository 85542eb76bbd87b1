package fr.jalon.fragility;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.jalon.platform.json.Jsons;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The map of an evaluation as a standalone SVG: the IRIS outlines of the Landes (IGN, shipped with
 * the data set) projected on a plane, each filled after its unit's global score (its own, its
 * commune's or its EPCI's) in five classes of equal counts, with a French title and legend.
 * Coordinates are rounded to the pixel and repeated points dropped, which keeps the file small.
 */
final class MapSvg {

    private static final int WIDTH = 640;
    private static final int MARGIN = 16;
    private static final int LEGEND = 230;
    private static final String[] COLOURS = {"#fff5eb", "#fdd0a2", "#fd8d3c", "#d94801", "#7f2704"};
    private static final String NO_DATA = "#d9d9d9";
    private static volatile List<Shape> shapes;

    /** One IRIS outline: its code, its 2016 commune and its rings, in degrees. */
    private record Shape(String iris, String commune2016, List<double[][]> rings) {
    }

    private MapSvg() {
    }

    /**
     * @param scoreOfIris the global score shown for each IRIS code (its unit's), null when not computable
     */
    static String render(String title, String subtitle, String notice, Map<String, Double> scoreOfIris) {
        List<Shape> all = shapes();
        double minLon = Double.MAX_VALUE;
        double maxLon = -Double.MAX_VALUE;
        double minLat = Double.MAX_VALUE;
        double maxLat = -Double.MAX_VALUE;
        for (Shape s : all) {
            for (double[][] ring : s.rings()) {
                for (double[] p : ring) {
                    minLon = Math.min(minLon, p[0]);
                    maxLon = Math.max(maxLon, p[0]);
                    minLat = Math.min(minLat, p[1]);
                    maxLat = Math.max(maxLat, p[1]);
                }
            }
        }
        double cos = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double scale = WIDTH / ((maxLon - minLon) * cos);
        int height = (int) Math.ceil((maxLat - minLat) * scale);
        double[] breaks = breaks(scoreOfIris.values().stream().filter(v -> v != null).sorted().toList());
        StringBuilder svg = new StringBuilder(200_000);
        int top = 64;
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"Arial, Helvetica, sans-serif\">%n", WIDTH + LEGEND + 2 * MARGIN,
                height + top + 2 * MARGIN, WIDTH + LEGEND + 2 * MARGIN, height + top + 2 * MARGIN));
        svg.append("<title>").append(xml(title)).append("</title>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"28\" font-size=\"18\" font-weight=\"bold\">%s</text>%n",
                MARGIN, xml(title)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"50\" font-size=\"12\">%s</text>%n", MARGIN, xml(subtitle)));
        svg.append(String.format(Locale.ROOT, "<g transform=\"translate(%d %d)\" stroke=\"#ffffff\" stroke-width=\"0.4\">%n",
                MARGIN, top));
        for (Shape s : all) {
            Double score = scoreOfIris.get(s.iris());
            svg.append("<path fill=\"").append(score == null ? NO_DATA : COLOURS[classOf(score, breaks)]).append("\" d=\"");
            for (double[][] ring : s.rings()) {
                int lastX = Integer.MIN_VALUE;
                int lastY = Integer.MIN_VALUE;
                boolean first = true;
                for (double[] p : ring) {
                    int x = (int) Math.round((p[0] - minLon) * cos * scale);
                    int y = (int) Math.round((maxLat - p[1]) * scale);
                    if (x == lastX && y == lastY) {
                        continue;
                    }
                    svg.append(first ? 'M' : 'L').append(x).append(' ').append(y);
                    first = false;
                    lastX = x;
                    lastY = y;
                }
                svg.append('Z');
            }
            svg.append("\"><title>").append(s.iris()).append(score == null ? " : non calculable"
                    : String.format(Locale.ROOT, " : %.2f", score)).append("</title></path>\n");
        }
        svg.append("</g>\n");
        legend(svg, WIDTH + 2 * MARGIN, top, breaks, notice);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void legend(StringBuilder svg, int x, int y, double[] breaks, String notice) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"13\" font-weight=\"bold\">Score global "
                + "(100 = référence)</text>%n", x, y + 10));
        for (int c = 0; c < COLOURS.length; c++) {
            int row = y + 24 + c * 22;
            String label = breaks.length == 0 ? "—" : c == 0 ? String.format(Locale.ROOT, "moins de %.2f", breaks[0])
                    : c == COLOURS.length - 1 ? String.format(Locale.ROOT, "%.2f et plus", breaks[c - 1])
                    : String.format(Locale.ROOT, "de %.2f à %.2f", breaks[c - 1], breaks[c]);
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"18\" height=\"14\" fill=\"%s\" "
                    + "stroke=\"#999999\"/><text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>%n", x, row, COLOURS[c], x + 26,
                    row + 12, xml(label)));
        }
        int row = y + 24 + COLOURS.length * 22;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"18\" height=\"14\" fill=\"%s\" "
                + "stroke=\"#999999\"/><text x=\"%d\" y=\"%d\" font-size=\"12\">Non calculable</text>%n", x, row, NO_DATA,
                x + 26, row + 12));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">Classes d'effectifs égaux ; "
                + "plus foncé = plus fragile.</text>%n", x, row + 40));
        if (notice != null) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>%n", x, row + 58,
                    xml(notice)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#555555\">Sources : INSEE RP "
                + "2016, Filosofi 2015, IGN Contours IRIS 2016.</text>%n", x, row + 76));
    }

    /** Four breaks cutting the sorted scores into five classes of (nearly) equal counts. */
    static double[] breaks(List<Double> sorted) {
        if (sorted.isEmpty()) {
            return new double[0];
        }
        double[] breaks = new double[COLOURS.length - 1];
        for (int i = 1; i < COLOURS.length; i++) {
            breaks[i - 1] = sorted.get(Math.min(sorted.size() - 1, i * sorted.size() / COLOURS.length));
        }
        return breaks;
    }

    private static int classOf(double score, double[] breaks) {
        int c = 0;
        while (c < breaks.length && score >= breaks[c]) {
            c++;
        }
        return c;
    }

    /** The 2016 commune of each IRIS of the map. */
    static Map<String, String> communeOfIris() {
        Map<String, String> communes = new HashMap<>();
        shapes().forEach(s -> communes.put(s.iris(), s.commune2016()));
        return communes;
    }

    private static List<Shape> shapes() {
        List<Shape> loaded = shapes;
        if (loaded == null) {
            synchronized (MapSvg.class) {
                if (shapes == null) {
                    shapes = load();
                }
                loaded = shapes;
            }
        }
        return loaded;
    }

    private static List<Shape> load() {
        try (InputStream in = MapSvg.class.getResourceAsStream("/fragility/landes-iris-2016.geojson")) {
            JsonObject collection = Jsons.createReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readObject();
            List<Shape> all = new ArrayList<>();
            for (JsonValue f : collection.getJsonArray("features")) {
                JsonObject feature = f.asJsonObject();
                JsonObject properties = feature.getJsonObject("properties");
                JsonObject geometry = feature.getJsonObject("geometry");
                List<double[][]> rings = new ArrayList<>();
                JsonArray coordinates = geometry.getJsonArray("coordinates");
                if (geometry.getString("type").equals("Polygon")) {
                    coordinates.forEach(ring -> rings.add(ring(ring.asJsonArray())));
                } else {
                    coordinates.forEach(polygon -> polygon.asJsonArray().forEach(ring -> rings.add(ring(ring.asJsonArray()))));
                }
                all.add(new Shape(properties.getString("iris_code"), properties.getString("commune_insee_2016"), rings));
            }
            return List.copyOf(all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[][] ring(JsonArray points) {
        double[][] ring = new double[points.size()][];
        for (int i = 0; i < points.size(); i++) {
            JsonArray p = points.getJsonArray(i);
            ring[i] = new double[] {p.getJsonNumber(0).doubleValue(), p.getJsonNumber(1).doubleValue()};
        }
        return ring;
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

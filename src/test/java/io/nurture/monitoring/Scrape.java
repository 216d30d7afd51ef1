package io.nurture.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One answer of {@code /actuator/prometheus} in Prometheus' text format, read into its samples. */
record Scrape(List<Sample> samples, Set<String> declaredNames) {

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)( \\S+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern DECLARED = Pattern.compile("# (?:TYPE|HELP) ([a-zA-Z_:][a-zA-Z0-9_:]*) .*");

    record Sample(String name, Map<String, String> labels, double value) {
    }

    static Scrape of(String text) {
        List<Sample> samples = new ArrayList<>();
        Set<String> declared = new TreeSet<>();
        for (String line : text.split("\n")) {
            Matcher declaration = DECLARED.matcher(line);
            if (declaration.matches()) {
                declared.add(declaration.group(1));
                continue;
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new IllegalArgumentException("not a sample line: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(4))));
        }
        return new Scrape(samples, declared);
    }

    /** The value of the series with exactly these labels, 0 when it is not there (a counter not yet counted). */
    double value(String name, Map<String, String> labels) {
        return samples.stream().filter(sample -> sample.name().equals(name) && sample.labels().equals(labels))
                .mapToDouble(Sample::value).findFirst().orElse(0);
    }

    List<Sample> series(String name) {
        return samples.stream().filter(sample -> sample.name().equals(name)).toList();
    }

    /** Every metric name a sample or a TYPE/HELP line carries. */
    Set<String> names() {
        Set<String> names = new TreeSet<>(declaredNames);
        samples.forEach(sample -> names.add(sample.name()));
        return names;
    }
}

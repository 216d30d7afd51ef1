package io.nurture.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;

/**
 * The shipped diagrams are the marketer's first impression in Camunda Modeler, so they stay laid out as a careful
 * person would lay them out: read from each diagram's own DI, every flow is drawn left to right with horizontal and
 * vertical segments only, from the border of its source to the border of its target, through no other shape and
 * across no other flow; shapes and labels do not overlap; every flow node has a name a marketer would say, not an id.
 */
class DiagramLayoutTest {

    private static final Path PROCESSES = Path.of("processes");
    /** Waypoints are doubles; Modeler rounds to whole pixels. */
    private static final double TOLERANCE = 1.0;
    /** A name that is an id: {@code Gateway_CallDone}, {@code sendEmail}, {@code CallDone}. */
    private static final Pattern ID_LIKE = Pattern.compile("\\S*_\\S*|\\S*[a-z][A-Z]\\S*");

    @Test
    void everyDiagramIsLaidOutForPeople() throws IOException {
        Map<String, List<String>> problemsByRule = new TreeMap<>();
        for (Path file : diagrams()) {
            new Diagram(file).check(problemsByRule);
        }
        problemsByRule.forEach((rule, problems) -> System.out.println(rule + ": " + problems.size()));
        List<String> all = problemsByRule.values().stream().flatMap(List::stream).sorted().toList();
        assertThat(all).as("layout problems in processes/*.bpmn").isEmpty();
    }

    @Test
    void theRulesSeeWhatTheyAreAbout() {
        Rect task = new Rect(100, 100, 100, 80);
        assertThat(task.interiorHit(new Point(50, 140), new Point(250, 140))).isTrue();
        assertThat(task.interiorHit(new Point(50, 100), new Point(250, 100))).as("along the border").isFalse();
        assertThat(task.interiorHit(new Point(50, 90), new Point(250, 90))).isFalse();
        assertThat(task.onBorder(new Point(200, 140))).isTrue();
        assertThat(task.onBorder(new Point(150, 140))).isFalse();
        assertThat(crosses(new Point(0, 50), new Point(100, 50), new Point(50, 0), new Point(50, 100))).isTrue();
        assertThat(crosses(new Point(0, 50), new Point(100, 50), new Point(100, 50), new Point(100, 100)))
                .as("sharing an end").isFalse();
        assertThat(idLike("Gateway_CallDone", "Gateway_CallDone")).isTrue();
        assertThat(idLike("CallDone", "Gateway_CallDone")).isTrue();
        assertThat(idLike("Call done?", "Gateway_CallDone")).isFalse();
        assertThat(idLike("A/B split: intro subject", "Task_SplitIntroSubject")).isFalse();
        assertThat(idLike("Call back ${contactLabel}", "Task_CallDetractor")).as("an expression").isFalse();
    }

    private static List<Path> diagrams() throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            List<Path> diagrams = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
            assertThat(diagrams).isNotEmpty();
            return diagrams;
        }
    }

    static boolean idLike(String name, String id) {
        if (name == null || name.isBlank() || name.equals(id)) {
            return true;
        }
        String withoutExpressions = name.replaceAll("\\$\\{[^}]*}", "").trim();
        return ID_LIKE.matcher(withoutExpressions).matches() && !withoutExpressions.contains(" ");
    }

    /** One file's flow nodes, flows and their DI. */
    private static final class Diagram {

        private final String file;
        private final BpmnModelInstance model;
        private final Map<String, Rect> shapes = new LinkedHashMap<>();
        private final Map<String, Rect> labels = new LinkedHashMap<>();
        private final Map<String, List<Point>> edges = new LinkedHashMap<>();

        Diagram(Path path) {
            this.file = path.getFileName().toString();
            this.model = Bpmn.readModelFromFile(path.toFile());
            for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
                BaseElement element = shape.getBpmnElement();
                shapes.put(element.getId(), Rect.of(shape.getBounds()));
                BpmnLabel label = shape.getBpmnLabel();
                if (label != null && label.getBounds() != null) {
                    labels.put(element.getId(), Rect.of(label.getBounds()));
                }
            }
            for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
                List<Point> points = new ArrayList<>();
                for (Waypoint waypoint : edge.getWaypoints()) {
                    points.add(new Point(waypoint.getX(), waypoint.getY()));
                }
                edges.put(edge.getBpmnElement().getId(), points);
                BpmnLabel label = edge.getBpmnLabel();
                if (label != null && label.getBounds() != null) {
                    labels.put(edge.getBpmnElement().getId(), Rect.of(label.getBounds()));
                }
            }
        }

        void check(Map<String, List<String>> problems) {
            Collection<FlowElement> elements = model.getModelElementsByType(FlowElement.class);
            for (FlowElement element : elements) {
                boolean drawn = element instanceof SequenceFlow
                        ? edges.containsKey(element.getId()) : shapes.containsKey(element.getId());
                if (!drawn) {
                    report(problems, "not drawn", element.getId(), "has no " + (element instanceof SequenceFlow
                            ? "BPMNEdge" : "BPMNShape"));
                }
                if (drawn && outsideLabel(element) && !labels.containsKey(element.getId())) {
                    report(problems, "label not placed", element.getId(), "has no BPMNLabel bounds for its name");
                }
                if (element instanceof FlowNode node && idLike(node.getName(), node.getId())) {
                    report(problems, "no real name", node.getId(),
                            node.getName() == null ? "has no name" : "is named like an id: '" + node.getName() + "'");
                }
            }
            List<SequenceFlow> flows = List.copyOf(model.getModelElementsByType(SequenceFlow.class));
            for (SequenceFlow flow : flows) {
                checkFlow(flow, problems);
            }
            checkCrossings(flows, problems);
            checkOverlaps(problems);
            checkLabelsApart(problems);
        }

        /** Events, gateways and named flows carry their name beside them, where Modeler keeps a label's bounds. */
        private static boolean outsideLabel(FlowElement element) {
            boolean named = element.getName() != null && !element.getName().isBlank();
            return named && (element instanceof Event || element instanceof Gateway || element instanceof SequenceFlow);
        }

        private void checkFlow(SequenceFlow flow, Map<String, List<String>> problems) {
            List<Point> points = edges.get(flow.getId());
            if (points == null) {
                return;
            }
            String id = flow.getId();
            if (points.size() < 2) {
                report(problems, "diagonal segment", id, "has fewer than two waypoints");
                return;
            }
            Rect source = shapes.get(flow.getSource().getId());
            Rect target = shapes.get(flow.getTarget().getId());
            if (source != null && !source.onBorder(points.get(0))) {
                report(problems, "loose end", id, "starts at " + points.get(0) + ", not on the border of "
                        + flow.getSource().getId() + " " + source);
            }
            if (target != null && !target.onBorder(points.get(points.size() - 1))) {
                report(problems, "loose end", id, "ends at " + points.get(points.size() - 1)
                        + ", not on the border of " + flow.getTarget().getId() + " " + target);
            }
            Set<String> allowed = allowedShapes(flow);
            boolean loop = source != null && target != null && target.centreX() < source.centreX();
            for (int i = 0; i + 1 < points.size(); i++) {
                Point a = points.get(i);
                Point b = points.get(i + 1);
                if (Math.abs(a.x() - b.x()) > TOLERANCE && Math.abs(a.y() - b.y()) > TOLERANCE) {
                    report(problems, "diagonal segment", id, "segment " + a + " → " + b + " is diagonal");
                }
                for (Map.Entry<String, Rect> shape : shapes.entrySet()) {
                    if (!allowed.contains(shape.getKey()) && shape.getValue().interiorHit(a, b)) {
                        report(problems, "through a shape", id, "segment " + a + " → " + b + " runs through "
                                + shape.getKey());
                    }
                }
                if (b.x() < a.x() - TOLERANCE && !(loop && aroundBoth(a, b, source, target))) {
                    report(problems, "backwards", id, "segment " + a + " → " + b + " runs right to left");
                }
            }
        }

        /** A loop back is drawn above or below the shapes it joins, not through the row. */
        private static boolean aroundBoth(Point a, Point b, Rect source, Rect target) {
            double y = a.y();
            return Math.abs(a.y() - b.y()) <= TOLERANCE
                    && (y > Math.max(source.bottom(), target.bottom()) || y < Math.min(source.y(), target.y()));
        }

        /** Its source and target, their containers (a sub-process around them), a boundary event's host. */
        private Set<String> allowedShapes(SequenceFlow flow) {
            Set<String> allowed = new HashSet<>();
            for (FlowNode end : List.of(flow.getSource(), flow.getTarget())) {
                allowed.add(end.getId());
                if (end instanceof BoundaryEvent boundary) {
                    allowed.add(boundary.getAttachedTo().getId());
                }
                allowed.addAll(containers(end));
            }
            return allowed;
        }

        private static Set<String> containers(ModelElementInstance element) {
            Set<String> ids = new HashSet<>();
            for (ModelElementInstance parent = element.getParentElement(); parent != null;
                    parent = parent.getParentElement()) {
                if (parent instanceof BaseElement base && base.getId() != null) {
                    ids.add(base.getId());
                }
            }
            return ids;
        }

        private void checkCrossings(List<SequenceFlow> flows, Map<String, List<String>> problems) {
            for (int i = 0; i < flows.size(); i++) {
                for (int j = i + 1; j < flows.size(); j++) {
                    List<Point> first = edges.get(flows.get(i).getId());
                    List<Point> second = edges.get(flows.get(j).getId());
                    if (first != null && second != null && crossing(first, second)) {
                        report(problems, "crossing", flows.get(i).getId(), "crosses " + flows.get(j).getId());
                    }
                }
            }
        }

        private static boolean crossing(List<Point> first, List<Point> second) {
            for (int a = 0; a + 1 < first.size(); a++) {
                for (int b = 0; b + 1 < second.size(); b++) {
                    if (crosses(first.get(a), first.get(a + 1), second.get(b), second.get(b + 1))) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Shapes apart from each other (a boundary event on its host, a node in its sub-process); labels off shapes. */
        private void checkOverlaps(Map<String, List<String>> problems) {
            List<String> ids = new ArrayList<>(shapes.keySet());
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    String one = ids.get(i);
                    String other = ids.get(j);
                    if (!related(one, other) && shapes.get(one).overlaps(shapes.get(other))) {
                        report(problems, "overlapping shapes", one, "overlaps " + other);
                    }
                }
            }
            for (Map.Entry<String, Rect> label : labels.entrySet()) {
                ModelElementInstance owner = model.getModelElementById(label.getKey());
                Set<String> around = containers(owner);
                for (Map.Entry<String, Rect> shape : shapes.entrySet()) {
                    if (!shape.getKey().equals(label.getKey()) && !around.contains(shape.getKey())
                            && label.getValue().overlaps(shape.getValue())) {
                        report(problems, "label on a shape", label.getKey(), "label " + label.getValue()
                                + " covers " + shape.getKey());
                    }
                }
            }
        }

        private void checkLabelsApart(Map<String, List<String>> problems) {
            List<String> ids = new ArrayList<>(labels.keySet());
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    if (labels.get(ids.get(i)).overlaps(labels.get(ids.get(j)))) {
                        report(problems, "label on a label", ids.get(i), "label overlaps the label of " + ids.get(j));
                    }
                }
            }
        }

        private boolean related(String one, String other) {
            ModelElementInstance a = model.getModelElementById(one);
            ModelElementInstance b = model.getModelElementById(other);
            return containers(a).contains(other) || containers(b).contains(one)
                    || a instanceof BoundaryEvent boundary && boundary.getAttachedTo().getId().equals(other)
                    || b instanceof BoundaryEvent boundary2 && boundary2.getAttachedTo().getId().equals(one);
        }

        private void report(Map<String, List<String>> problems, String rule, String element, String what) {
            problems.computeIfAbsent(rule, r -> new ArrayList<>()).add(file + ", " + element + ": " + rule + ": "
                    + what);
        }
    }

    /** Two segments cross when each one's ends lie strictly on either side of the other (shared ends do not). */
    static boolean crosses(Point a, Point b, Point c, Point d) {
        double d1 = side(c, d, a);
        double d2 = side(c, d, b);
        double d3 = side(a, b, c);
        double d4 = side(a, b, d);
        double eps = TOLERANCE * Math.max(1, Math.max(length(a, b), length(c, d)));
        return (d1 > eps && d2 < -eps || d1 < -eps && d2 > eps) && (d3 > eps && d4 < -eps || d3 < -eps && d4 > eps);
    }

    private static double side(Point p, Point q, Point r) {
        return (q.x() - p.x()) * (r.y() - p.y()) - (q.y() - p.y()) * (r.x() - p.x());
    }

    private static double length(Point a, Point b) {
        return Math.hypot(b.x() - a.x(), b.y() - a.y());
    }

    record Point(double x, double y) {
        @Override
        public String toString() {
            return "(" + Math.round(x) + "," + Math.round(y) + ")";
        }
    }

    record Rect(double x, double y, double width, double height) {

        static Rect of(Bounds bounds) {
            return new Rect(bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight());
        }

        double bottom() {
            return y + height;
        }

        double right() {
            return x + width;
        }

        double centreX() {
            return x + width / 2;
        }

        boolean onBorder(Point p) {
            boolean insideGrown = p.x() >= x - TOLERANCE && p.x() <= right() + TOLERANCE
                    && p.y() >= y - TOLERANCE && p.y() <= bottom() + TOLERANCE;
            boolean insideShrunk = p.x() > x + TOLERANCE && p.x() < right() - TOLERANCE
                    && p.y() > y + TOLERANCE && p.y() < bottom() - TOLERANCE;
            return insideGrown && !insideShrunk;
        }

        boolean overlaps(Rect other) {
            return x + TOLERANCE < other.right() && other.x() + TOLERANCE < right()
                    && y + TOLERANCE < other.bottom() && other.y() + TOLERANCE < bottom();
        }

        /** Whether segment a–b enters this rectangle's inside (running along its border does not count). */
        boolean interiorHit(Point a, Point b) {
            double left = x + TOLERANCE;
            double top = y + TOLERANCE;
            double rightEdge = right() - TOLERANCE;
            double bottomEdge = bottom() - TOLERANCE;
            // Liang–Barsky clipping against the shrunk rectangle
            double t0 = 0;
            double t1 = 1;
            double dx = b.x() - a.x();
            double dy = b.y() - a.y();
            double[] p = { -dx, dx, -dy, dy };
            double[] q = { a.x() - left, rightEdge - a.x(), a.y() - top, bottomEdge - a.y() };
            for (int i = 0; i < 4; i++) {
                if (p[i] == 0) {
                    if (q[i] <= 0) {
                        return false;
                    }
                } else {
                    double t = q[i] / p[i];
                    if (p[i] < 0) {
                        t0 = Math.max(t0, t);
                    } else {
                        t1 = Math.min(t1, t);
                    }
                }
            }
            return t0 < t1;
        }
    }
}

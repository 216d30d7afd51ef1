package io.nurture.simulation;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Writes what the engine does to the running persona's timeline: the branch a gateway takes and the values its
 * conditions read, the end events reached, an exit subprocess starting, a user task created for a team.
 */
final class TimelineListeners extends AbstractBpmnParseListener {

    private static final Pattern NAME = Pattern.compile("(?<![\\w.'\"])([A-Za-z_]\\w*)(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge",
            "true", "false", "null", "empty", "div", "mod", "instanceof", "execution", "funnel");

    /** The flow's condition as written, kept on the parsed flow itself so it goes when its deployment goes. */
    private static final String CONDITION = "simulator.condition";

    @Override
    public void parseSequenceFlow(Element flow, ScopeImpl scope, TransitionImpl transition) {
        Element condition = flow.element("conditionExpression");
        if (condition != null && condition.getText() != null) {
            transition.setProperty(CONDITION, condition.getText().trim());
        }
        transition.addListener(ExecutionListener.EVENTNAME_TAKE, (ExecutionListener) execution -> taken(execution,
                transition));
    }

    @Override
    public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        activity.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> Run.ifRunning()
                .ifPresent(run -> run.record("end", activity.getId(), nameOf(activity), null)));
    }

    @Override
    public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (scope instanceof ActivityImpl subprocess
                && Boolean.TRUE.equals(subprocess.getProperty("triggeredByEvent"))) {
            activity.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> Run.ifRunning()
                    .ifPresent(run -> run.record("step", activity.getId(), nameOf(activity), "'"
                            + nameOf(subprocess) + "' starts")));
        }
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
            userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, this::taskCreated);
        }
    }

    private void taskCreated(DelegateTask task) {
        Run.ifRunning().ifPresent(run -> {
            Set<String> groups = new LinkedHashSet<>();
            task.getCandidates().forEach(link -> {
                if (link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                }
            });
            TimelineEntry entry = TimelineEntry.of(run.start, SimulatedClock.now(), "task",
                    task.getTaskDefinitionKey(), task.getName(), "for " + (groups.isEmpty() ? "anyone"
                            : String.join(", ", groups)) + (task.getDueDate() == null ? "" : ", due"));
            run.record(task.getDueDate() == null ? entry : entry.until(task.getDueDate().toInstant()));
        });
    }

    private void taken(DelegateExecution execution, TransitionImpl transition) {
        Run.ifRunning().ifPresent(run -> {
            ActivityImpl gateway = transition.getSource();
            String type = String.valueOf(gateway.getProperty("type"));
            var flows = gateway.getOutgoingTransitions();
            if (!type.endsWith("Gateway") || flows.size() < 2 || type.equals("parallelGateway")) {
                return;
            }
            String condition = (String) transition.getProperty(CONDITION);
            Map<String, Object> read = new LinkedHashMap<>();
            for (var flow : flows) {
                String text = (String) flow.getProperty(CONDITION);
                if (text != null) {
                    Matcher names = NAME.matcher(text.replaceAll("'[^']*'|\"[^\"]*\"", "''"));
                    while (names.find()) {
                        String name = names.group(1);
                        if (!KEYWORDS.contains(name) && execution.hasVariable(name)) {
                            read.put(name, execution.getVariable(name));
                        }
                    }
                }
            }
            String flowName = (String) transition.getProperty("name");
            String took = "took " + (flowName == null ? transition.getId() : "'" + flowName + "'");
            String why = condition != null ? condition : type.equals("eventBasedGateway")
                    ? "the event that came first" : "the default: no other condition held";
            String values = read.isEmpty() ? "" : "; " + String.join(", ", read.entrySet().stream()
                    .map(value -> value.getKey() + " = " + value.getValue()).toList());
            run.record("decision", gateway.getId(), nameOf(gateway), took + " (" + why + values + ")");
        });
    }

    private static String nameOf(ActivityImpl activity) {
        Object name = activity.getProperty("name");
        return name == null ? activity.getId() : name.toString();
    }
}

package io.nurture.process.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A refused deployment as the engine reports a diagram it cannot parse: the REST API answers a ParseException with
 * 400 and {@code details} per resource ({@code errors}: message, line, column, mainElementId, elementIds), and Camunda
 * Modeler shows its {@code message}, which therefore lists every finding on a line of its own.
 */
class DeploymentRefusedException extends ParseException {

    private static final long serialVersionUID = 1L;

    DeploymentRefusedException(String deployment, List<Finding> findings) {
        super(message(deployment, findings), findings.get(0).resource(), List.<Problem>copyOf(findings), List.of());
        Map<String, List<Problem>> byResource = new LinkedHashMap<>();
        findings.forEach(finding -> byResource.computeIfAbsent(finding.resource(), resource -> new ArrayList<>())
                .add(finding));
        List<ResourceReport> reports = new ArrayList<>();
        byResource.forEach((resource, errors) -> reports.add(new Report(resource, errors)));
        this.resorceReports = reports;
    }

    private static String message(String deployment, List<Finding> findings) {
        StringBuilder message = new StringBuilder("Nurture refused the deployment")
                .append(deployment.isEmpty() ? "" : " " + deployment).append(": ")
                .append(findings.size()).append(findings.size() == 1 ? " problem" : " problems")
                .append(" (a diagram may use the element templates' delegates, funnel.stageFor, variable comparisons "
                        + "and dateTime(); no scripts, class names, field injection or Java-serialized values; "
                        + "DMN in FEEL; files .bpmn, .dmn and .form)");
        findings.forEach(finding -> message.append("\n- ").append(finding.describe()));
        return message.toString();
    }

    private record Report(String resourceName, List<Problem> errors) implements ResourceReport {

        @Override
        public String getResourceName() {
            return resourceName;
        }

        @Override
        public List<Problem> getErrors() {
            return errors;
        }

        @Override
        public List<Problem> getWarnings() {
            return List.of();
        }
    }
}

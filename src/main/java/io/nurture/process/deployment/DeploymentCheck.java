package io.nurture.process.deployment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Checks every new deployment before the engine's own deployers parse it, whoever sends it: {@code /engine-rest}
 * (Camunda Modeler's deploy), the webapps, the Java API and {@code processes/} on start. It runs inside the deploy
 * command, so a refusal rolls the whole deployment back. Deployments already in the database are not checked again
 * when the engine loads them into its cache (after a restart or an eviction), so stored versions keep working.
 */
class DeploymentCheck implements Deployer {

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return;
        }
        List<Finding> findings = check(deployment.getResources().values().stream()
                .sorted(Comparator.comparing(ResourceEntity::getName)).toList(), legacyJuelDefaultsInDmn());
        if (!findings.isEmpty()) {
            String name = deployment.getName() == null ? "" : "'" + deployment.getName() + "'";
            String source = deployment.getSource() == null ? "" : " from " + deployment.getSource();
            throw new DeploymentRefusedException((name + source).trim(), findings);
        }
    }

    static List<Finding> check(List<ResourceEntity> resources, boolean legacyJuelDefaultsInDmn) {
        List<Finding> findings = new ArrayList<>();
        for (ResourceEntity resource : resources) {
            findings.addAll(check(resource.getName(), resource.getBytes(), legacyJuelDefaultsInDmn));
        }
        return findings;
    }

    static List<Finding> check(String name, byte[] content, boolean legacyJuelDefaultsInDmn) {
        if (name.endsWith(".form")) {
            return List.of(); // Camunda Forms are JSON that Tasklist renders in the browser; the engine runs none of it
        }
        boolean bpmn = name.endsWith(".bpmn");
        if (!bpmn && !name.endsWith(".dmn")) {
            return List.of(Finding.ofFile(name, Rule.FILE_TYPE, "'" + name + "' is neither a diagram (.bpmn), a "
                    + "decision table (.dmn) nor a form (.form); scripts, HTML forms and other files are not deployed"));
        }
        XmlElement root;
        try {
            root = XmlTree.parse(content == null ? new byte[0] : content);
        } catch (XmlTree.NotReadable e) {
            return List.of(new Finding(name, null, e.line, e.column, Rule.XML, e.getMessage()));
        }
        if (!bpmn) {
            return DmnRules.check(name, root, legacyJuelDefaultsInDmn);
        }
        List<Finding> findings = BpmnRules.check(name, root);
        SegmentTrigger.read(name, root, findings);
        return findings;
    }

    private static boolean legacyJuelDefaultsInDmn() {
        return Context.getProcessEngineConfiguration() != null
                && Context.getProcessEngineConfiguration().isDmnFeelEnableLegacyBehavior();
    }
}

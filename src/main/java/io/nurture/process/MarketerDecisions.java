package io.nurture.process;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The marketer's decision tables, evaluated in their latest deployed version, each distinct input once per version.
 * Their rules are functions of their inputs (no table reads the clock), so an answer is remembered by the version's
 * id and the inputs: FEEL and the decision history cost a third of an event's CPU, and a site's events repeat the
 * same few inputs. The latest version is looked up again after each deployment on this node, so a table deployed from
 * Modeler decides the next event, and at least every {@link #REFRESH}, so a deployment through another node of a
 * cluster does within that time; the engine's history holds the first evaluation of each input per version.
 */
@Service
public class MarketerDecisions {

    static final int MAX_REMEMBERED = 20_000;
    static final Duration REFRESH = Duration.ofSeconds(1);

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final DeploymentGenerations deployments;
    private final LongSupplier nanoTime;
    private final Map<Question, List<Map<String, Object>>> answers = new ConcurrentHashMap<>();
    private final Map<String, Latest> latest = new ConcurrentHashMap<>();

    @Autowired
    public MarketerDecisions(DecisionService decisions, RepositoryService repository,
            DeploymentGenerations deployments) {
        this(decisions, repository, deployments, System::nanoTime);
    }

    MarketerDecisions(DecisionService decisions, RepositoryService repository, DeploymentGenerations deployments,
            LongSupplier nanoTime) {
        this.decisions = decisions;
        this.repository = repository;
        this.deployments = deployments;
        this.nanoTime = nanoTime;
    }

    /** The matched rules' outputs, in the table's order; {@code inputs} may hold {@code null} values. */
    public List<Map<String, Object>> evaluate(String decisionKey, Map<String, Object> inputs) {
        Question question = new Question(latestVersionOf(decisionKey),
                Collections.unmodifiableMap(new HashMap<>(inputs)));
        List<Map<String, Object>> known = answers.get(question);
        if (known != null) {
            return known;
        }
        List<Map<String, Object>> answer = decisions
                .evaluateDecisionTableById(question.definitionId(), Variables.fromMap(question.inputs()))
                .getResultList().stream()
                .map(entries -> Collections.unmodifiableMap(new HashMap<>(entries)))
                .toList();
        if (answers.size() >= MAX_REMEMBERED) {
            answers.clear(); // many distinct inputs: start over rather than grow without bound
        }
        answers.put(question, answer);
        return answer;
    }

    private String latestVersionOf(String decisionKey) {
        long now = nanoTime.getAsLong();
        long generation = deployments.generation();
        Latest known = latest.get(decisionKey);
        if (known != null && known.generation() == generation && now - known.lookedUpAt() < REFRESH.toNanos()) {
            return known.definitionId();
        }
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
                .withoutTenantId().latestVersion().singleResult();
        if (definition == null) {
            throw new NotFoundException("no decision table '" + decisionKey + "' is deployed");
        }
        latest.put(decisionKey, new Latest(definition.getId(), generation, now));
        return definition.getId();
    }

    private record Question(String definitionId, Map<String, Object> inputs) {
    }

    /** A table's latest version as looked up at {@code lookedUpAt}, after {@code generation} deployments here. */
    private record Latest(String definitionId, long generation, long lookedUpAt) {
    }
}

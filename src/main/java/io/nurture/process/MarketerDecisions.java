package io.nurture.process;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * The marketer's decision tables, evaluated in their latest deployed version, each distinct input once per version.
 * Their rules are functions of their inputs (no table reads the clock), so an answer is remembered by the version's
 * id and the inputs: FEEL and the decision history cost a third of an event's CPU, and a site's events repeat the
 * same few inputs. The latest version is looked up on every call, so a table deployed from Modeler, by any node,
 * decides the next event; the engine's history holds the first evaluation of each input per version.
 */
@Service
public class MarketerDecisions {

    static final int MAX_REMEMBERED = 20_000;

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final Map<Question, List<Map<String, Object>>> answers = new ConcurrentHashMap<>();

    public MarketerDecisions(DecisionService decisions, RepositoryService repository) {
        this.decisions = decisions;
        this.repository = repository;
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
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
                .withoutTenantId().latestVersion().singleResult();
        if (latest == null) {
            throw new NotFoundException("no decision table '" + decisionKey + "' is deployed");
        }
        return latest.getId();
    }

    private record Question(String definitionId, Map<String, Object> inputs) {
    }
}

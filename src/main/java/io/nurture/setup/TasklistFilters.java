package io.nurture.setup;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every installation needs, so an SDR sees their leads on first login instead of "No filter
 * available". Created once; a filter an admin has edited or deleted since is left alone.
 */
@Component
class TasklistFilters {

    static final String LEADS_TO_QUALIFY = "Leads to qualify";
    static final String HAND_OFFS = "Hand-offs";
    static final String ESCALATED_LEADS = "Escalated leads";
    static final String UNHAPPY_CUSTOMERS = "Unhappy customers";
    static final String MY_TASKS = "My tasks";
    static final String ALL_TASKS = "All tasks";

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    void createMissing() {
        if (filters.createFilterQuery().count() > 0) {
            return;
        }
        TaskQuery sdrQueue = tasks.createTaskQuery().taskCandidateGroup("sdr").includeAssignedTasks()
                .orderByTaskPriority().desc();
        create(LEADS_TO_QUALIFY, "New MQLs waiting for an SDR", -10, "#1e88e5", sdrQueue, "sdr");
        TaskQuery salesQueue = tasks.createTaskQuery().taskCandidateGroup("sales").includeAssignedTasks();
        create(HAND_OFFS, "Qualified leads for sales to accept", -5, "#43a047", salesQueue, "sales");
        create(ESCALATED_LEADS, "SDR tasks past their SLA", -8, "#e53935",
                tasks.createTaskQuery().taskCandidateGroup("sdr-lead").includeAssignedTasks().orderByDueDate().asc(),
                "sdr-lead");
        create(UNHAPPY_CUSTOMERS, "NPS detractors to call back", -4, "#8e24aa",
                tasks.createTaskQuery().taskCandidateGroup("success").includeAssignedTasks(), "success");
        create(MY_TASKS, "Tasks assigned to me", 0, "#fb8c00",
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"), Authorization.ANY);
        create(ALL_TASKS, "Every open task", 10, "#757575", tasks.createTaskQuery(), null);
    }

    private void create(String name, String description, int priority, String color, TaskQuery query, String group) {
        Filter filter = filters.newTaskFilter(name)
                .setProperties(Map.of(
                        "description", description,
                        "priority", priority,
                        "color", color,
                        "refresh", true,
                        "variables", List.of(
                                Map.of("name", "contactName", "label", "Contact"),
                                Map.of("name", "company", "label", "Company"),
                                Map.of("name", "score", "label", "Score"),
                                Map.of("name", "source", "label", "Source"),
                                Map.of("name", "routing", "label", "Routing"))))
                .setQuery(query);
        filters.saveFilter(filter);
        if (group != null) {
            grantRead(filter.getId(), group);
        }
    }

    private void grantRead(String filterId, String group) {
        // for everyone a global authorization: the engine's read-by-id check ignores a grant to user '*'
        Authorization grant = authorizations.createNewAuthorization(Authorization.ANY.equals(group)
                ? Authorization.AUTH_TYPE_GLOBAL : Authorization.AUTH_TYPE_GRANT);
        grant.setResource(Resources.FILTER);
        grant.setResourceId(filterId);
        grant.addPermission(Permissions.READ);
        if (Authorization.ANY.equals(group)) {
            grant.setUserId(Authorization.ANY);
        } else {
            grant.setGroupId(group);
        }
        authorizations.saveAuthorization(grant);
    }
}

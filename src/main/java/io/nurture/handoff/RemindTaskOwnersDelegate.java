package io.nurture.handoff;

import java.text.SimpleDateFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import io.nurture.channel.email.StaffMail;
import io.nurture.process.ProcessVariables;

/**
 * "Remind task owners" in Modeler: e-mails the assignee of the open user task {@code userTask}, or every member of its
 * candidate groups while nobody has claimed it (inputs {@code template}, {@code subject}). Exactly once per recipient
 * across job retries.
 */
@Component("remindTaskOwners")
class RemindTaskOwnersDelegate implements JavaDelegate {

    private final StaffMail email;

    RemindTaskOwnersDelegate(StaffMail email) {
        this.email = email;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String template = (String) execution.getVariableLocal(ProcessVariables.TEMPLATE);
        String subject = (String) execution.getVariableLocal(ProcessVariables.SUBJECT);
        if (!email.hasTemplate(template)) {
            throw new IllegalArgumentException("No e-mail template '" + template + "' in templates/email/");
        }
        Optional<Task> open = OpenUserTask.of(execution);
        if (open.isEmpty()) {
            return; // worked in the meantime
        }
        Task task = open.get();
        IdentityService identity = execution.getProcessEngineServices().getIdentityService();
        Map<String, Object> model = Map.of("taskName", task.getName(),
                "dueDate", task.getDueDate() == null ? "" : utc(task),
                "routingReason", String.valueOf(execution.getVariable(ProcessVariables.ROUTING_REASON)));
        for (String recipient : recipientsOf(task, identity, execution)) {
            String key = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + recipient;
            email.sendOnce(key, execution.getBusinessKey(), recipient, template, subject, model);
        }
    }

    private static Set<String> recipientsOf(Task task, IdentityService identity, DelegateExecution execution) {
        Set<String> addresses = new LinkedHashSet<>();
        if (task.getAssignee() != null) {
            addEmail(identity.createUserQuery().userId(task.getAssignee()).singleResult(), addresses);
            return addresses;
        }
        for (IdentityLink link : execution.getProcessEngineServices().getTaskService()
                .getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                identity.createUserQuery().memberOfGroup(link.getGroupId()).list()
                        .forEach(user -> addEmail(user, addresses));
            }
        }
        return addresses;
    }

    private static void addEmail(User user, Set<String> addresses) {
        if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
            addresses.add(user.getEmail());
        }
    }

    private static String utc(Task task) {
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm 'UTC'");
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return format.format(task.getDueDate());
    }
}

package io.nurture.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The engine layer on a plain in-memory engine with the plugin and a small application context that holds a
 * delegate and a bean no expression may reach: what the plugin changes, without booting Nurture.
 */
class EngineExpressionGuardTest {

    /** A bean that counts its calls, so a test sees whether an expression ran. */
    public static class Counting {
        int calls;

        public String call() {
            calls++;
            return "sdr";
        }
    }

    /** A delegate, so diagrams may name it: only the allow-list keeps it out of queries. */
    public static class CountingDelegate extends Counting implements JavaDelegate {

        @Override
        public void execute(DelegateExecution execution) {
        }
    }

    private static final CountingDelegate SPY = new CountingDelegate();
    private static final Counting DATABASE = new Counting();
    private static GenericApplicationContext context;
    private static ProcessEngine engine;
    private static TaskService tasks;

    @BeforeAll
    static void engine() {
        context = new GenericApplicationContext();
        context.registerBean("spy", CountingDelegate.class, () -> SPY);
        context.registerBean("jdbcTemplate", Counting.class, () -> DATABASE);
        context.refresh();
        var configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("expression-guard-test");
        configuration.setJdbcUrl("jdbc:h2:mem:expression-guard-test;DB_CLOSE_DELAY=-1");
        configuration.setJobExecutorActivate(false);
        configuration.setEnableExpressionsInAdhocQueries(true); // shows the allow-list holds even where Camunda's is off
        configuration.getProcessEnginePlugins().add(new EngineExpressionGuard(context));
        engine = configuration.buildProcessEngine();
        tasks = engine.getTaskService();
    }

    @BeforeEach
    void noCallsYet() {
        SPY.calls = 0;
        DATABASE.calls = 0;
    }

    @AfterAll
    static void close() {
        engine.close();
        context.close();
    }

    @Test
    void anExpressionOffTheAllowListIsRefusedAsBadInputAndNeverRuns() {
        assertThatThrownBy(() -> tasks.createTaskQuery().or().taskAssigneeExpression("${spy.call()}").endOr().list())
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageStartingWith("Expression '${spy.call()}' is not allowed in a query");
        assertThatThrownBy(() -> tasks.createTaskQuery().taskAssigneeExpression("${spy.call()}").count())
                .as("top level, ad-hoc expressions on").isInstanceOf(BadUserRequestException.class);
        assertThatThrownBy(() -> tasks.createTaskQuery().or().taskNameLike("x").endOr()
                .or().dueBeforeExpression("${1 + 1}").endOr().listPage(0, 5))
                .as("the second or-query").isInstanceOf(BadUserRequestException.class);
        assertThat(SPY.calls).isZero();
    }

    @Test
    void theAllowedExpressionsRun() {
        Task task = tasks.newTask();
        task.setAssignee("sdr");
        task.setDueDate(new Date(System.currentTimeMillis() + 3600_000));
        tasks.saveTask(task);
        try {
            engine.getIdentityService().setAuthentication("sdr", List.of("sdr"));
            assertThat(tasks.createTaskQuery().or().taskAssigneeExpression("${currentUser()}")
                    .taskCandidateGroupInExpression("${currentUserGroups()}").endOr().count()).isEqualTo(1);
            assertThat(tasks.createTaskQuery().or().dueBeforeExpression("${dateTime().plusDays(1).toDate()}")
                    .endOr().count()).isEqualTo(1);
            assertThat(tasks.createTaskQuery().or().dueBeforeExpression("${now()}").endOr().count()).isZero();
        } finally {
            engine.getIdentityService().clearAuthentication();
            tasks.deleteTask(task.getId(), true);
        }
    }

    @Test
    void aFilterHoldingSuchAnExpressionIsNotSavedAndOneStoredBeforeIsRefusedWhenRun() {
        var filters = engine.getFilterService();
        assertThatThrownBy(() -> filters.saveFilter(filters.newTaskFilter("bad")
                .setQuery(tasks.createTaskQuery().or().taskOwnerExpression("${spy.call()}").endOr())))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("or-query 1 (taskOwner)");
        assertThat(filters.createFilterQuery().filterName("bad").count()).isZero();

        Filter mine = filters.saveFilter(filters.newTaskFilter("mine")
                .setQuery(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")));
        engine.getIdentityService().setAuthenticatedUserId("sdr");
        try {
            assertThat(filters.count(mine.getId())).isZero();
            assertThatThrownBy(() -> filters.list(mine.getId(),
                    tasks.createTaskQuery().or().taskAssigneeExpression("${spy.call()}").endOr()))
                    .isInstanceOf(BadUserRequestException.class);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(SPY.calls).isZero();
        filters.deleteFilter(mine.getId());
    }

    @Test
    void diagramsReachTheDelegatesButNoOtherBean() {
        var repository = engine.getRepositoryService();
        var runtime = engine.getRuntimeService();
        for (String bean : List.of("spy", "jdbcTemplate")) {
            repository.createDeployment().addModelInstance(bean + ".bpmn", Bpmn.createExecutableProcess(bean)
                    .camundaHistoryTimeToLive(1).startEvent().serviceTask().camundaExpression("${" + bean + ".call()}")
                    .endEvent().done()).deploy();
        }

        assertThat(runtime.startProcessInstanceByKey("spy").isEnded()).isTrue();
        assertThat(SPY.calls).isEqualTo(1);
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("jdbcTemplate"))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Cannot resolve identifier 'jdbcTemplate'");
        assertThat(DATABASE.calls).isZero();
    }
}

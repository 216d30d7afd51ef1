package io.nurture.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nurture.InboxAppTest;
import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;

/**
 * Expression injection through task queries, tried as the lowest role ({@code sdr}) over real HTTP against the real
 * engine: the or-query attack of issue 11 on {@code /engine-rest} and on the Tasklist's own API, a stored filter
 * holding a bad or-query (which no HTTP guard ever sees), the Java API, what diagrams can reach, and the request body
 * caps. No attack may answer 5xx, and the one that would write (adding {@code sdr} to {@code camunda-admin} through
 * {@code jdbcTemplate}) must leave the membership unchanged. Run once per database.
 */
@InboxAppTest
abstract class AbstractExpressionInjectionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The issue's probe: an unknown bean, answered 500 "Unable to resolve expression" when it is evaluated. */
    static final String PROBE = "${nurtureNoSuchBean.x}";
    /** Makes sdr an admin through the application's JdbcTemplate, on a connection of its own (auto-commit). */
    static final String GRANT_ADMIN = "${jdbcTemplate.getDataSource().getConnection().createStatement().executeUpdate("
            + "\"insert into ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) values ('sdr', 'camunda-admin')\") > 0"
            + " ? 'sdr' : 'nobody'}";
    /** One character over Jackson's default maximum string length: a guard that reads with Jackson cannot read it. */
    private static final int UNREADABLE_LENGTH = 20_000_001;
    private static final int KB = 1024;

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    TaskService tasks;

    @Autowired
    FilterService filters;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcClient jdbc;

    NurtureClient api;

    @BeforeEach
    void client() {
        api = new NurtureClient(port);
    }

    /** Checked after every test, and undone when it failed so that the next test starts clean. */
    @AfterEach
    void sdrIsStillNoAdmin() {
        boolean admin = sdrIsAdmin();
        if (admin) {
            identity.deleteMembership("sdr", "camunda-admin");
        }
        assertThat(admin).as("the attack made sdr a member of camunda-admin").isFalse();
    }

    // --- the attack of issue 11

    @Test
    void anOrQueryExpressionBehindAnUnreadablePaddingIsRefusedOnEngineRest() {
        for (String expression : List.of(PROBE, GRANT_ADMIN)) {
            assertRefused(unread(() -> api.post("/engine-rest/task", padded(orQuery("assigneeExpression", expression)),
                    "sdr")));
        }
    }

    @Test
    void theSameAttackOnTheSdrsFilterIsRefused() {
        String leads = filterId("Leads to qualify");
        assertThat(api.get("/engine-rest/filter/" + leads + "/list", "sdr").status()).isEqualTo(200);
        for (String expression : List.of(PROBE, GRANT_ADMIN)) {
            assertRefused(unread(() -> api.post("/engine-rest/filter/" + leads + "/list",
                    padded(orQuery("assigneeExpression", expression)), "sdr")));
            assertRefused(unread(() -> api.post("/engine-rest/filter/" + leads + "/count",
                    padded(orQuery("candidateGroupExpression", expression)), "sdr")));
        }
    }

    @Test
    void theTasklistsEngineApiRefusesTheAttackAfterALogin() {
        Response login = api.webappLogin("tasklist", "sdr", "sdr");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        String leads = filterId("Leads to qualify");
        for (String body : List.of(padded(orQuery("assigneeExpression", PROBE)),
                padded(orQuery("assigneeExpression", GRANT_ADMIN)), orQuery("assigneeExpression", GRANT_ADMIN))) {
            assertRefused(unread(() -> api.webappPost("/camunda/api/engine/engine/default/task", body)));
            assertRefused(unread(() -> api.webappPost("/camunda/api/engine/engine/default/filter/" + leads + "/list",
                    body)));
        }
        Response ordinary = api.webappPost("/camunda/api/engine/engine/default/filter/" + leads + "/list",
                "{\"orQueries\": [{\"assignee\": \"sdr\"}, {\"candidateGroup\": \"sdr\"}]}");
        assertThat(ordinary.status()).as(ordinary.body()).isEqualTo(200);
    }

    /** Stored before this version, or written by anyone with database access: only the engine can refuse it. */
    @Test
    void aStoredFilterWhoseOrQueryHoldsAnExpressionIsRefusedByTheEngineItself() {
        TaskQuery query = tasks.createTaskQuery().taskCandidateGroup("sdr")
                .or().taskAssigneeExpression("${currentUser()}").taskCandidateUser("nobody").endOr();
        Filter filter = filters.saveFilter(filters.newTaskFilter("Tampered " + UUID.randomUUID()).setQuery(query));
        grantRead(filter.getId(), "sdr");
        String stored = jdbc.sql("select QUERY_ from ACT_RU_FILTER where ID_ = ?").param(filter.getId())
                .query(String.class).single();
        assertThat(stored).contains("orQueries", "${currentUser()}");
        jdbc.sql("update ACT_RU_FILTER set QUERY_ = ? where ID_ = ?")
                .params(stored.replace("${currentUser()}", inJsonString(GRANT_ADMIN)), filter.getId()).update();

        String path = "/engine-rest/filter/" + filter.getId();
        for (Response response : List.of(api.get(path + "/list", "sdr"), api.post(path + "/list", "{}", "sdr"),
                api.get(path + "/count", "sdr"))) {
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).contains("not allowed").contains("jdbcTemplate");
        }
        Response single = api.get(path + "/singleResult", "sdr");
        assertThat(single.status()).as("REST words every failure here its own way").isEqualTo(400);
        assertThatThrownBy(() -> filters.list(filter.getId())).isInstanceOf(BadUserRequestException.class);
        filters.deleteFilter(filter.getId());
    }

    @Test
    void theJavaApiRefusesAnOrQueryExpressionAndASavedFilterHoldingOne() {
        assertThatThrownBy(() -> tasks.createTaskQuery().or().taskAssigneeExpression(GRANT_ADMIN).endOr().list())
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("not allowed");
        assertThatThrownBy(() -> tasks.createTaskQuery().or().taskCandidateGroupExpression("${jdbcTemplate}")
                .endOr().count()).isInstanceOf(BadUserRequestException.class);
        assertThatThrownBy(() -> tasks.createTaskQuery().or().dueBeforeExpression("${dataSource}").endOr()
                .listPage(0, 1)).isInstanceOf(BadUserRequestException.class);

        String leads = filterId("Leads to qualify");
        assertThatThrownBy(() -> filters.list(leads,
                tasks.createTaskQuery().or().taskAssigneeExpression(GRANT_ADMIN).endOr()))
                .isInstanceOf(BadUserRequestException.class);

        String name = "Refused " + UUID.randomUUID();
        assertThatThrownBy(() -> filters.saveFilter(filters.newTaskFilter(name)
                .setQuery(tasks.createTaskQuery().or().taskAssigneeExpression(GRANT_ADMIN).endOr())))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("jdbcTemplate");
        assertThat(filters.createFilterQuery().filterName(name).count()).as("nothing stored").isZero();
    }

    // --- what still works

    @Test
    void theAllowedExpressionsStillWorkForTheSdr() {
        Task mine = tasks.newTask();
        mine.setName("Call back Ada");
        mine.setAssignee("sdr");
        mine.setDueDate(new java.util.Date(System.currentTimeMillis() + 24 * 3600 * 1000L));
        tasks.saveTask(mine);
        try {
            JsonNode myTasks = api.get("/engine-rest/filter/" + filterId("My tasks") + "/list", "sdr").json();
            assertThat(ids(myTasks)).as("'My tasks' uses ${currentUser()}").contains(mine.getId());

            Response currentUser = api.post("/engine-rest/task",
                    orQuery("assigneeExpression", "${currentUser()}"), "sdr");
            assertThat(currentUser.status()).as(currentUser.body()).isEqualTo(200);
            assertThat(ids(currentUser.json())).contains(mine.getId());

            String dueSoon = "{\"taskId\": \"" + mine.getId()
                    + "\", \"orQueries\": [{\"dueBeforeExpression\": \"${dateTime().plusDays(2).toDate()}\"}]}";
            String dueLongAgo = dueSoon.replace("plusDays(2)", "minusDays(2).withTimeAtStartOfDay()");
            assertThat(ids(api.post("/engine-rest/task", dueSoon, "sdr").json())).containsExactly(mine.getId());
            assertThat(ids(api.post("/engine-rest/task", dueLongAgo, "sdr").json())).as("evaluated, not ignored")
                    .isEmpty();
            identity.setAuthentication("sdr", List.of("sdr"));
            assertThat(tasks.createTaskQuery().taskId(mine.getId()).or().dueAfterExpression("${now()}")
                    .taskCandidateGroupInExpression("${currentUserGroups()}").endOr().count()).isEqualTo(1);
        } finally {
            identity.clearAuthentication();
            tasks.deleteTask(mine.getId(), true);
        }
    }

    // --- what diagrams can reach

    @Test
    void aDiagramCanReachTheDelegatesAndHelpersButNotJdbcTemplateOrDataSource() {
        assertThat(startReach("${funnel.stageFor('known') != null && sendEmail != null && recordTaskActor != null}"))
                .isTrue();
        for (String bean : List.of("jdbcTemplate", "dataSource", "runtimeService", "processEngine")) {
            assertThatThrownBy(() -> startReach("${" + bean + " != null}")).as(bean)
                    .isInstanceOf(ProcessEngineException.class).hasMessageContaining(bean);
        }
    }

    // --- request body caps

    @Test
    void aDeclaredBodyOverItsEndpointsCapIsRefusedAtOnce() {
        Response api413 = api.post("/api/events", event(65 * KB), "demo");
        assertTooLarge(api413);
        assertTooLarge(api.post("/engine-rest/task", ignoredPadding(KB * KB + 1), "sdr"));
        assertTooLarge(unread(() -> api.post("/engine-rest/task", padded(orQuery("assigneeExpression", GRANT_ADMIN)),
                "sdr")));
    }

    @Test
    void aChunkedBodyIsCountedWhileReadAndRefusedWhenItPassesTheCap() {
        assertTooLarge(chunked("/engine-rest/task", ignoredPadding(KB * KB + 64 * KB), "sdr"));
        assertTooLarge(chunked("/api/events", event(100 * KB), "demo"));
    }

    @Test
    void aBodyJustUnderTheCapIsServed() {
        Response declared = api.post("/engine-rest/task", ignoredPadding(KB * KB - KB), "sdr");
        assertThat(declared.status()).as(declared.body()).isEqualTo(200);
        Response chunked = chunked("/engine-rest/task", ignoredPadding(KB * KB - KB), "sdr");
        assertThat(chunked.status()).as(chunked.body()).isEqualTo(200);
    }

    // --- the HTTP guard

    @Test
    void theGuardRefusesWhatItCannotReadAndNamesTheExpressionField() {
        Response named = api.post("/engine-rest/task", orQuery("assigneeExpression", GRANT_ADMIN), "sdr");
        assertProblem(named, 400, "orQueries[0].assigneeExpression");
        assertProblem(api.post("/engine-rest/task", "{\"orQueries\": [{\"assignee\": \"sdr\"}", "sdr"), 400, "JSON");
        assertProblem(api.get("/engine-rest/task?assigneeExpression=" + "%24%7BjdbcTemplate%7D", "sdr"), 400,
                "assigneeExpression");
        Response text = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/engine-rest/task"))
                .header("Authorization", NurtureClient.basic("sdr", "sdr")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(orQuery("assigneeExpression", GRANT_ADMIN))).build());
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.contentType()).startsWith("application/problem+json");
    }

    // --- helpers

    /** Starts a diagram whose gateway takes the flow to "Reached" when {@code condition} holds; true when it did. */
    private boolean startReach(String condition) {
        String key = "reach-" + UUID.randomUUID().toString().substring(0, 8);
        BpmnModelInstance model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent().exclusiveGateway().condition("reached", condition).endEvent("Reached")
                .moveToLastGateway().endEvent("NotReached").done();
        repository.createDeployment().addModelInstance(key + ".bpmn", model).deploy();
        String instance = runtime.startProcessInstanceByKey(key).getId();
        return history.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId("Reached")
                .count() == 1;
    }

    private boolean sdrIsAdmin() {
        return identity.createUserQuery().userId("sdr").memberOfGroup("camunda-admin").count() > 0;
    }

    private String filterId(String name) {
        return filters.createFilterQuery().filterName(name).singleResult().getId();
    }

    private void grantRead(String filterId, String group) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setResource(Resources.FILTER);
        grant.setResourceId(filterId);
        grant.addPermission(Permissions.READ);
        grant.setGroupId(group);
        authorizations.saveAuthorization(grant);
    }

    private Response chunked(String path, String json, String user) {
        byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Authorization", NurtureClient.basic(user, user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());
    }

    /** The text as it stands between the quotes of a JSON string. */
    private static String inJsonString(String text) {
        String quoted = JSON.getNodeFactory().textNode(text).toString();
        return quoted.substring(1, quoted.length() - 1);
    }

    static String orQuery(String field, String expression) {
        ObjectNode query = JSON.createObjectNode();
        query.putArray("orQueries").addObject().put(field, expression);
        return query.toString();
    }

    /** The query with a field the engine ignores, too long for the guard of old to read. */
    private static String padded(String query) {
        return query.substring(0, query.length() - 1) + ", \"zz\": \"" + "a".repeat(UNREADABLE_LENGTH) + "\"}";
    }

    /** A harmless task query of about {@code size} bytes. */
    private static String ignoredPadding(int size) {
        String start = "{\"assignee\": \"nobody\", \"zz\": \"";
        return start + "a".repeat(size - start.length() - 2) + "\"}";
    }

    private static String event(int size) {
        String start = "{\"type\": \"page_view\", \"anonymousId\": \"cap\", \"properties\": {\"page\": \"";
        return start + "a".repeat(size - start.length() - 3) + "\"}}";
    }

    private static List<String> ids(JsonNode tasks) {
        return java.util.stream.StreamSupport.stream(tasks.spliterator(), false).map(task -> task.get("id").asText())
                .toList();
    }

    /** Refused as bad input: 400 (the guard or the engine), or 413 (the body cap) for the padded ones. */
    /**
     * A request with a body the server refuses unread (413 on its declared length): Tomcat then closes the connection
     * while the client may still be writing the body, and now and then the reset reaches the client before the 413
     * does ("header parser received no bytes"). Nothing was read, so nothing happened: send it again, a few times.
     */
    private static Response unread(Supplier<Response> request) {
        for (int attempt = 1;; attempt++) {
            try {
                return request.get();
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof java.io.IOException) || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static void assertRefused(Response response) {
        assertThat(response.status()).as(response.body()).isIn(400, 413);
    }

    private static void assertTooLarge(Response response) {
        assertProblem(response, 413, "limit");
    }

    private static void assertProblem(Response response, int status, String detailContains) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains(detailContains);
    }
}

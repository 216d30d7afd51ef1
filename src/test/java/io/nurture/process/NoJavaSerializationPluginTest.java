package io.nurture.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With the plugin, no engine API stores a Java-serialized variable; what an engine without it stored before stays
 * readable, as long as it holds only plain JDK types.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoJavaSerializationPluginTest {

    /** Not a JDK type: stands for any class a deserialization attack would smuggle in. */
    record Gadget(String command) implements Serializable {
    }

    private final String database = "jdbc:h2:mem:serialization-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final Map<String, Object> storedCart = new LinkedHashMap<>(Map.of("items",
            new ArrayList<>(List.of("book", 2, 9.5))));
    private String storedBefore;
    private ProcessEngine engine;

    /** One engine without the plugin stores what older versions could have stored; then the one with it takes over. */
    @BeforeAll
    void anEngineWithoutThePluginStoredJavaObjects() {
        ProcessEngine before = engine();
        storedBefore = before.getRuntimeService().startProcessInstanceByKey("p", Map.of("cart", storedCart,
                "gadget", new Gadget("calc"))).getId();
        before.close();
        engine = engine(new NoJavaSerializationPlugin());
    }

    @AfterAll
    void close() {
        engine.close();
    }

    @Test
    void aJavaObjectIsRefusedWhicheverWayItIsSet() {
        RuntimeService runtime = engine.getRuntimeService();
        Map<String, Object> map = new LinkedHashMap<>(Map.of("href", "https://nurture.example/cart"));

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("p", Map.of("cart", map)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Cannot find serializer");
        String id = runtime.startProcessInstanceByKey("p", Variables.createVariables().putValue("text", "a")
                .putValue("whole", 42).putValue("big", 4_000_000_000L).putValue("decimal", 49.9)
                .putValue("flag", true).putValue("due", new Date()).putValue("nothing", null)).getId();
        assertThat(runtime.getVariables(id)).containsEntry("text", "a").containsEntry("whole", 42)
                .containsEntry("decimal", 49.9).containsEntry("flag", true).containsKeys("due", "nothing");

        assertThatThrownBy(() -> runtime.setVariable(id, "list", new ArrayList<>(List.of(1, 2))))
                .isInstanceOf(ProcessEngineException.class);
        assertThatThrownBy(() -> runtime.setVariable(id, "typed", Variables.objectValue(map)
                .serializationDataFormat(SerializationDataFormats.JAVA).create()))
                .isInstanceOf(ProcessEngineException.class);
        assertThatThrownBy(() -> runtime.setVariable(id, "serialized", Variables.serializedObjectValue(
                "rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0eIHSHZnHYZ0DAAFJAARzaXpleHAAAAAAdwQAAAAAeA==")
                .serializationDataFormat(SerializationDataFormats.JAVA).objectTypeName("java.util.ArrayList")
                .create())).isInstanceOf(ProcessEngineException.class);
        assertThatThrownBy(() -> runtime.setVariable(id, "gadget", new Gadget("calc")))
                .isInstanceOf(ProcessEngineException.class);
        assertThat(runtime.getVariables(id)).doesNotContainKeys("list", "typed", "serialized", "gadget");
    }

    @Test
    void whatWasStoredBeforeStaysReadableIfItIsPlainJdkData() {
        RuntimeService runtime = engine.getRuntimeService();

        assertThat(runtime.getVariable(storedBefore, "cart")).isEqualTo(storedCart);
        assertThatThrownBy(() -> runtime.getVariable(storedBefore, "gadget"))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Cannot deserialize object in variable 'gadget'");
        Map<String, Object> changed = new LinkedHashMap<>(storedCart);
        changed.put("more", "changed");
        assertThatThrownBy(() -> runtime.setVariable(storedBefore, "cart", changed))
                .isInstanceOf(ProcessEngineException.class);
        assertThat(runtime.getVariable(storedBefore, "cart")).isEqualTo(storedCart);
    }

    private ProcessEngine engine(ProcessEnginePlugin... plugins) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl(database)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setJobExecutorActivate(false)
                .setProcessEngineName("serialization-" + UUID.randomUUID());
        configuration.setProcessEnginePlugins(new ArrayList<>(List.of(plugins)));
        ProcessEngine engine = configuration.buildProcessEngine();
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("p").count() == 0) {
            engine.getRepositoryService().createDeployment().addModelInstance("p.bpmn",
                    Bpmn.createExecutableProcess("p").camundaHistoryTimeToLive(1).startEvent().userTask().endEvent()
                            .done()).deploy();
        }
        return engine;
    }
}

package io.nurture.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;

class NodeNamePluginTest {

    @Test
    void theConfiguredNameIsTheEnginesHostname() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();

        new NodeNamePlugin(" node-a ").preInit(configuration);

        assertThat(configuration.getHostname()).isEqualTo("node-a");
    }

    @Test
    void withoutOneTheMachinesHostName() throws Exception {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();

        new NodeNamePlugin("").preInit(configuration);

        assertThat(configuration.getHostname()).isEqualTo(InetAddress.getLocalHost().getHostName());
    }

    @Test
    void aNameLongerThanTheJobLogsColumnIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new NodeNamePlugin("n".repeat(NodeNamePlugin.MAX_LENGTH + 1)))
                .hasMessageContaining("nurture.node.name");
    }
}

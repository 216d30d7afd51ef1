package io.nurture.process;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The name this node signs its work with in a cluster: the engine's {@code hostname}, which the job log records for
 * every job a node runs (Cockpit and {@code /engine-rest/history/job-log} show it) and the metrics reporter uses.
 * {@code nurture.node.name} ({@code NURTURE_NODE_NAME}) when set, else the machine's host name (a container's id in
 * Docker). Camunda's own default, the address plus the engine name, is the same {@code 127.0.1.1$default} on many
 * machines and names nothing an operator knows.
 */
@Component
class NodeNamePlugin extends AbstractProcessEnginePlugin {

    static final int MAX_LENGTH = 255; // ACT_HI_JOB_LOG.HOSTNAME_

    private final String configured;

    NodeNamePlugin(@Value("${nurture.node.name:}") String configured) {
        if (configured.length() > MAX_LENGTH) {
            throw new IllegalStateException("nurture.node.name is longer than " + MAX_LENGTH + " characters");
        }
        this.configured = configured.strip();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        nodeName().ifPresent(configuration::setHostname);
    }

    Optional<String> nodeName() {
        if (!configured.isEmpty()) {
            return Optional.of(configured);
        }
        try {
            String host = InetAddress.getLocalHost().getHostName();
            return host.isBlank() || host.length() > MAX_LENGTH ? Optional.empty()
                    : Optional.of(host);
        } catch (UnknownHostException unresolvable) {
            return Optional.empty(); // Camunda's default then
        }
    }
}

package io.nurture.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;

/**
 * The engine's history cleanup removes only what has a time to live: every process and every decision in the
 * marketer's folder must set {@code camunda:historyTimeToLive}, or its history grows forever.
 */
class HistoryTimeToLiveTest {

    private static final Path PROCESSES = Path.of("processes");

    @Test
    void everyProcessAndDecisionInTheProcessesFolderHasAHistoryTimeToLive() throws IOException {
        List<String> models = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.list(PROCESSES)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".bpmn")) {
                    for (Process process : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class)) {
                        models.add(name + "#" + process.getId());
                        if (process.isExecutable() && blank(process.getCamundaHistoryTimeToLiveString())) {
                            missing.add(name + "#" + process.getId());
                        }
                    }
                } else if (name.endsWith(".dmn")) {
                    for (Decision decision : Dmn.readModelFromFile(file.toFile())
                            .getModelElementsByType(Decision.class)) {
                        models.add(name + "#" + decision.getId());
                        if (blank(decision.getCamundaHistoryTimeToLiveString())) {
                            missing.add(name + "#" + decision.getId());
                        }
                    }
                }
            }
        }

        assertThat(models).as("the processes and decisions read").hasSizeGreaterThanOrEqualTo(14)
                .contains("welcome.bpmn#welcome", "behaviour-score.dmn#behaviour-score");
        assertThat(missing).as("processes and decisions without camunda:historyTimeToLive").isEmpty();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

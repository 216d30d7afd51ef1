package io.nurture.process;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Only {@link ContactProcesses} talks to the engine about a contact's instances: no class outside {@code process}
 * starts, correlates, ends or looks up instances or their history through the engine's services. Delegates still
 * read and write their own variables and tasks through the {@code DelegateExecution} they are handed. One exception:
 * {@code migration} moves all running instances of a campaign version at once (a migration plan and a batch), never
 * one contact's, so it asks the engine directly. And {@code simulation} runs diagrams in an engine of its own
 * ({@link IsolatedEngines}); it reaches that engine's services from its {@code ProcessEngine}, and no class of it
 * is handed Nurture's.
 */
class EnginePortTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.nurture");

    @Test
    void onlyTheProcessModuleUsesTheRuntimeAndHistoryServices() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages("io.nurture.process..", "io.nurture.migration..",
                "io.nurture.simulation..")
                .should().dependOnClassesThat().areAssignableTo(RuntimeService.class)
                .orShould().dependOnClassesThat().areAssignableTo(HistoryService.class)
                .because("contact-scoped engine access goes through process.ContactProcesses");
        rule.check(MAIN);
    }

    @Test
    void theSimulatorIsNeverHandedTheServicesOfNurturesEngine() {
        List<String> handed = new ArrayList<>();
        for (JavaClass type : MAIN.that(JavaClass.Predicates.resideInAPackage("io.nurture.simulation.."))) {
            type.getFields().stream().filter(field -> isEngineService(field.getRawType()))
                    .forEach(field -> handed.add(field.getFullName()));
            type.getCodeUnits().forEach(code -> code.getRawParameterTypes().stream()
                    .filter(EnginePortTests::isEngineService).forEach(parameter -> handed.add(code.getFullName())));
        }
        assertThat(handed).as("simulation classes given a RuntimeService or HistoryService").isEmpty();
    }

    private static boolean isEngineService(JavaClass type) {
        return type.isAssignableTo(RuntimeService.class) || type.isAssignableTo(HistoryService.class);
    }
}

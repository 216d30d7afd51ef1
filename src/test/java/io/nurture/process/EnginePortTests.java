package io.nurture.process;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Only {@link ContactProcesses} talks to the engine about a contact's instances: no class outside {@code process}
 * starts, correlates, ends or looks up instances or their history through the engine's services. Delegates still
 * read and write their own variables and tasks through the {@code DelegateExecution} they are handed. One exception:
 * {@code migration} moves all running instances of a campaign version at once (a migration plan and a batch), never
 * one contact's, so it asks the engine directly.
 */
class EnginePortTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.nurture");

    @Test
    void onlyTheProcessModuleUsesTheRuntimeAndHistoryServices() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages("io.nurture.process..", "io.nurture.migration..")
                .should().dependOnClassesThat().areAssignableTo(RuntimeService.class)
                .orShould().dependOnClassesThat().areAssignableTo(HistoryService.class)
                .because("contact-scoped engine access goes through process.ContactProcesses");
        rule.check(MAIN);
    }
}

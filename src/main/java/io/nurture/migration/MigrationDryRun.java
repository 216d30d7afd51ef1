package io.nurture.migration;

import java.util.List;

/**
 * What a migration to {@code toVersion} of campaign {@code campaign} would do, per older version with running
 * instances: {@code movable} of its {@code instances} can move; the others wait in a step without counterpart.
 */
public record MigrationDryRun(String campaign, int toVersion, List<SourceVersion> versions) {

    /**
     * One older version: the steps mapped by id ({@code mappings}); its steps that cannot be mapped, because the
     * new version has no step of that id or Camunda cannot map the one it has, with how many instances wait in each
     * ({@code unmapped}); and, when Camunda refused some mapping, its report ({@code invalidMappings}; then nothing
     * moves).
     */
    public record SourceVersion(int version, String processDefinitionId, long instances, long movable,
            List<Mapping> mappings, List<Unmapped> unmapped, List<InvalidMapping> invalidMappings) {
    }

    public record Mapping(String sourceActivityId, String targetActivityId) {
    }

    public record Unmapped(String activityId, String name, long waiting) {
    }

    public record InvalidMapping(String sourceActivityId, String targetActivityId, List<String> failures) {
    }
}

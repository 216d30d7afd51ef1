package io.nurture.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/** A docker-compose file as the maps SnakeYAML reads (anchors and merge keys resolved). */
final class ComposeFile {

    private final Map<String, Object> services;

    @SuppressWarnings("unchecked")
    private ComposeFile(Map<String, Object> compose) {
        this.services = (Map<String, Object>) compose.get("services");
    }

    static ComposeFile read(Path file) throws IOException {
        return new ComposeFile(new Yaml().load(Files.readString(file)));
    }

    Map<String, Object> services() {
        return services;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> service(String name) {
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> section(String serviceName, String key) {
        return (Map<String, Object>) service(serviceName).get(key);
    }
}

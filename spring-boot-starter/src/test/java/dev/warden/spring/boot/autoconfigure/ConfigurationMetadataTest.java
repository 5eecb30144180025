package dev.warden.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What IDEs and Boot read from the starter's jar: the {@code warden.*} keys with their descriptions, defaults and
 * value hints (META-INF/spring-configuration-metadata.json, written by Boot's configuration processor and merged
 * with the hand-written hints), and the auto-configurations Boot imports.
 */
class ConfigurationMetadataTest {
    private static JsonNode metadata() throws IOException {
        try (InputStream in = ConfigurationMetadataTest.class.getClassLoader()
                .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the configuration processor wrote the metadata").isNotNull();
            return JsonMapper.builder().build().readTree(in);
        }
    }

    @Test
    void everyWardenKeyIsDescribedWithItsDefault() throws IOException {
        Map<String, JsonNode> properties = new HashMap<>();
        for (JsonNode property : metadata().get("properties")) {
            if (property.get("name").asString().startsWith("warden.")) {
                properties.put(property.get("name").asString(), property);
            }
        }

        assertThat(properties).containsOnlyKeys("warden.user-id", "warden.role-prefix", "warden.roles",
                "warden.tokens", "warden.web.expose-reason", "warden.task-decorator.enabled", "warden.jpa.enabled",
                "warden.jpa.read-filter");
        properties.values().forEach(property -> assertThat(property.get("description").asString())
                .as(property.get("name").asString()).hasSizeGreaterThan(40));
        assertThat(properties.get("warden.user-id").get("defaultValue").asString()).isEqualTo("name");
        assertThat(properties.get("warden.role-prefix").get("defaultValue").asString()).isEqualTo("ROLE_");
        assertThat(properties.get("warden.web.expose-reason").get("defaultValue").asBoolean()).isFalse();
        assertThat(properties.get("warden.task-decorator.enabled").get("defaultValue").asBoolean()).isTrue();
        assertThat(properties.get("warden.jpa.enabled").get("defaultValue").asBoolean()).isTrue();
        assertThat(properties.get("warden.jpa.read-filter").get("defaultValue").asBoolean()).isTrue();
        assertThat(properties.get("warden.roles").get("type").asString())
                .isEqualTo("java.util.Map<java.lang.String,java.util.List<java.lang.String>>");
    }

    @Test
    void theSourcesOfValuesAreHinted() throws IOException {
        Map<String, List<String>> hints = StreamSupport.stream(metadata().get("hints").spliterator(), false)
                .collect(Collectors.toMap(hint -> hint.get("name").asString(),
                        hint -> StreamSupport.stream(hint.get("values").spliterator(), false)
                                .map(value -> value.get("value").asString()).toList()));

        assertThat(hints.get("warden.user-id")).containsExactly("name", "property:id", "claim:sub");
        assertThat(hints.get("warden.tokens.values")).containsExactly("claim:", "property:", "name");
    }

    @Test
    void bootImportsTheSixAutoConfigurations() {
        List<String> imported = ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
                .getCandidates().stream().filter(name -> name.startsWith("dev.warden.")).toList();

        assertThat(imported).containsExactly(WardenAutoConfiguration.class.getName(),
                WardenSecurityAutoConfiguration.class.getName(), WardenWebMvcAutoConfiguration.class.getName(),
                WardenEndpointAutoConfiguration.class.getName(), WardenOperationsAutoConfiguration.class.getName(),
                WardenJpaAutoConfiguration.class.getName());
    }
}

package io.nurture.apidocs;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * What springdoc cannot read from the controllers: the title, the two ways to authenticate, and (in
 * {@link ApiDocsCustomizer}) which operation takes which, its groups and its problem answers.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    static final String USER = "nurtureUser";
    static final String WRITE_KEY = "writeKey";

    @Bean
    OpenAPI nurtureOpenApi() {
        String version = ApiDocsConfiguration.class.getPackage().getImplementationVersion();
        return new OpenAPI()
                .info(new Info().title("Nurture API").version(version == null ? "dev" : version)
                        .license(new License().name("Apache-2.0"))
                        .description("Nurture's own API (`/api`, HTTP Basic with a Nurture user; each operation "
                                + "names the groups that may call it), the Segment-compatible tracking API (`/v1`, "
                                + "a source's write key) and public form capture (`/f`, no login). Errors are RFC "
                                + "9457 `application/problem+json`."))
                .components(new Components()
                        .addSecuritySchemes(USER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A Nurture user (Camunda identity service), e.g. `integration`"))
                        .addSecuritySchemes(WRITE_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("A source's write key as the user name, empty "
                                        + "password (`writeKey:`); or `writeKey` in the body")));
    }

    @Bean
    OpenApiCustomizer nurtureOperations() {
        return new ApiDocsCustomizer();
    }
}

package com.clientservices.desk.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /v3/api-docs and shown by Swagger UI at /swagger-ui.html. */
@Configuration
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Client Services Desk API",
                        version = "1",
                        description =
                                "Submit and follow support requests; errors are application/problem+json naming each bad field."),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
class OpenApiConfiguration {}

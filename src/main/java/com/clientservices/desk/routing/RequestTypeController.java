package com.clientservices.desk.routing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Request types")
class RequestTypeController {

    private final RequestTypeCatalogue catalogue;

    RequestTypeController(RequestTypeCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/api/request-types")
    @Operation(
            summary =
                    "Request types with their labels, examples, guidance and routes, read from the deployed routing table")
    List<RequestType> requestTypes() {
        return catalogue.all();
    }
}

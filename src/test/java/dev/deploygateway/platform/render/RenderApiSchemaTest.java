package dev.deploygateway.platform.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.deploygateway.platform.RecordSchemaCheck;

/**
 * The records of {@link RenderWire} are the shapes of Render's OpenAPI document, checked from {@link RenderApi}
 * itself ({@link RenderWireTest} reads examples of them).
 */
class RenderApiSchemaTest {

    /**
     * The document marks the one member of its {@code …WithCursor} and {@code serviceAndDeploy} wrappers optional;
     * without it an answer carries nothing the gateway can act on, so the records require it (a clear failure
     * instead of a null further on).
     */
    private static final List<String> KNOWN_DEPARTURES = List.of(
            "GET /owners answer[] .owner: required by the record but optional in the document",
            "GET /services/{serviceId}/deploys answer[] .deploy: required by the record but optional in the document",
            "POST /services answer .service: required by the record but optional in the document");

    @Test
    void everyRecordTheClientSendsOrReadsMatchesItsOperation() {
        var document = new RecordSchemaCheck(Path.of("src/test/resources/contracts/render/openapi.json"), "");
        assertThat(document.check(RenderApi.class, Set.of())).containsExactlyInAnyOrderElementsOf(KNOWN_DEPARTURES);
    }
}

package dev.deploygateway.platform.railway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The GraphQL documents the client sends are valid for Railway's schema, and the checks themselves can fail. */
class RailwayDocumentsTest {

    static List<Path> documents() throws IOException, URISyntaxException {
        Path dir = Path
                .of(RailwayDocumentsTest.class.getClassLoader().getResource(RailwayGraphql.RESOURCE_DIR).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".graphql")).sorted().toList();
        }
    }

    @Test
    void everyDocumentTheClientSendsValidatesAgainstTheSchema() throws Exception {
        List<Path> documents = documents();
        assertThat(documents).hasSizeGreaterThanOrEqualTo(18);
        for (Path document : documents) {
            assertThat(RailwaySchema.validate(Files.readString(document, StandardCharsets.UTF_8)))
                    .as(document.getFileName().toString()).isEmpty();
        }
    }

    @Test
    void aDocumentWithAFieldRailwayLacksIsRejected() {
        assertThat(RailwaySchema.validate("query { deployment(id: \"x\") { id readyState } }")).isNotEmpty();
        assertThat(RailwaySchema.validate("mutation { projectCreate(input: {name: \"a\", team: \"b\"}) { id } }"))
                .isNotEmpty();
        // The seed's defect: Railway's ServiceSourceInput has no "files".
        assertThat(RailwaySchema.validate(
                "mutation { serviceCreate(input: {projectId: \"p\", source: {files: []}}) { id } }")).isNotEmpty();
    }

    @Test
    void theShapeCheckFindsEveryKindOfFieldMismatch() {
        String query = "query { deployment(id: \"d\") { id status createdAt } }";
        assertThat(RailwaySchema.shapeProblems(query,
                "{\"deployment\":{\"id\":\"d\",\"status\":\"SUCCESS\",\"createdAt\":\"2026-01-01T00:00:00Z\"}}"))
                .isEmpty();
        assertThat(RailwaySchema.shapeProblems(query,
                "{\"deployment\":{\"id\":\"d\",\"status\":\"READY\",\"createdAt\":\"2026-01-01T00:00:00Z\"}}"))
                .singleElement().asString().contains("DeploymentStatus");
        assertThat(RailwaySchema.shapeProblems(query, "{\"deployment\":{\"id\":\"d\",\"status\":\"SUCCESS\"}}"))
                .singleElement().asString().contains("missing");
        assertThat(RailwaySchema.shapeProblems(query,
                "{\"deployment\":{\"id\":null,\"status\":\"SUCCESS\",\"createdAt\":\"2026-01-01T00:00:00Z\"}}"))
                .singleElement().asString().contains("non-null");
        assertThat(RailwaySchema.shapeProblems(query, "{\"deployment\":{\"id\":\"d\",\"status\":\"SUCCESS\","
                + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"readyState\":\"X\"}}"))
                .singleElement().asString().contains("not selected");
        assertThat(RailwaySchema.shapeProblems(query,
                "{\"deployment\":{\"id\":\"d\",\"status\":\"SUCCESS\",\"createdAt\":1767225600000}}"))
                .singleElement().asString().contains("DateTime");
    }
}

package dev.deploygateway.source.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The records read GitHub's answers exactly as the OpenAPI subset's own examples give them (Quarkus's Jackson
 * defaults: unknown members ignored), and refuse an answer that lacks a member the gateway relies on.
 */
class GitHubWireTest {

    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    static JsonNode examples;

    @BeforeAll
    static void load() throws IOException {
        examples = JSON.readTree(Files.readString(Path.of("src/test/resources/contracts/github/openapi-subset.json")))
                .path("components").path("examples");
    }

    static JsonNode example(String name) {
        JsonNode value = examples.path(name).path("value");
        assertThat(value.isMissingNode()).as("example " + name).isFalse();
        return value;
    }

    @Test
    void theDocumentsExamplesParse() throws IOException {
        var user = JSON.treeToValue(example("private-user"), GitHubWire.User.class);
        assertThat(user.login()).isEqualTo("octocat");
        var repository = JSON.treeToValue(example("full-repository"), GitHubWire.Repository.class);
        assertThat(repository.fullName()).isEqualTo("octocat/Hello-World");
        assertThat(repository.defaultBranch()).isEqualTo("master");
        assertThat(repository.pushable()).as("the example's permissions say push: false").isFalse();
        var ref = JSON.treeToValue(example("git-ref"), GitHubWire.Ref.class);
        assertThat(ref.ref()).isEqualTo("refs/heads/featureA");
        assertThat(ref.object().sha()).hasSize(40);
        var commit = JSON.treeToValue(example("git-commit"), GitHubWire.Commit.class);
        assertThat(commit.tree().sha()).hasSize(40);
        assertThat(commit.parents()).isNotEmpty();
        var tree = JSON.treeToValue(example("git-tree"), GitHubWire.Tree.class);
        assertThat(tree.tree()).isNotEmpty().allSatisfy(i -> assertThat(i.sha()).hasSize(40));
        var recursive = JSON.treeToValue(example("git-tree-response-recursively-retrieving-a-tree"),
                GitHubWire.Tree.class);
        assertThat(recursive.tree()).extracting(GitHubWire.TreeItem::path).contains("subdir/file.txt");
        assertThat(JSON.treeToValue(example("short-blob"), GitHubWire.CreatedBlob.class).sha()).hasSize(40);
    }

    @Test
    void anAnswerWithoutARequiredMemberIsRefused() {
        ObjectNode ref = example("git-ref").deepCopy();
        ref.remove("object");
        assertThatThrownBy(() -> JSON.treeToValue(ref, GitHubWire.Ref.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("object");
        ObjectNode repository = example("full-repository").deepCopy();
        repository.remove("full_name");
        assertThatThrownBy(() -> JSON.treeToValue(repository, GitHubWire.Repository.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("full_name");
    }
}

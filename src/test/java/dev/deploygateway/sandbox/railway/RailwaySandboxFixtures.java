package dev.deploygateway.sandbox.railway;

import static dev.deploygateway.platform.railway.RailwayContractTestBase.graphql;
import static dev.deploygateway.platform.railway.RailwayContractTestBase.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.deploygateway.platform.PlatformCredential;
import io.vertx.core.json.JsonObject;

/** Calls a Railway client would make against the sandbox, for the sandbox's own tests. */
final class RailwaySandboxFixtures {

    private RailwaySandboxFixtures() {
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest
                    .getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> project(PlatformCredential credential, String name) {
        JsonNode project = graphql(credential, "mutation($input: ProjectCreateInput!) { projectCreate(input: $input) "
                + "{ id environments { edges { node { id name } } } } }", Map.of("input", Map.of("name", name)))
                .path("data").path("projectCreate");
        String projectId = project.path("id").asText();
        String environmentId = project.path("environments").path("edges").get(0).path("node").path("id").asText();
        String serviceId = graphql(credential, "mutation($input: ServiceCreateInput!) { serviceCreate(input: $input) "
                + "{ id } }",
                Map.of("input", Map.of("projectId", projectId, "environmentId", environmentId,
                        "name", "web")))
                .path("data").path("serviceCreate").path("id").asText();
        return Map.of("projectId", projectId, "environmentId", environmentId, "serviceId", serviceId);
    }

    static JsonNode up(PlatformCredential credential, Map<String, String> ids, Map<String, String> files) {
        try {
            String body = sandbox().header("Authorization", credential.bearer()).contentType("application/gzip")
                    .body(tarball(files)).post("/sandbox/railway/project/" + ids.get("projectId") + "/environment/"
                            + ids.get("environmentId") + "/up?serviceId=" + ids.get("serviceId"))
                    .then().statusCode(200).extract().asString();
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> logs(PlatformCredential credential, String deploymentId) {
        var out = new ArrayList<String>();
        graphql(credential, "query($id: String!) { buildLogs(deploymentId: $id) { message } }",
                Map.of("id", deploymentId)).path("data").path("buildLogs").forEach(l -> out.add(
                        l.path("message")
                                .asText()));
        return out;
    }

    static byte[] tarball(Map<String, String> files) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out), "UTF-8")) {
            for (var file : files.entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                var entry = new TarArchiveEntry("./" + file.getKey());
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    static JsonObject subscribe(String id, String query, String deploymentId) {
        return new JsonObject().put("id", id).put("type", "subscribe").put("payload",
                new JsonObject().put("query", query).put("variables", new JsonObject().put("id", deploymentId)));
    }
}

package dev.deploygateway.deployment;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.deploygateway.identity.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Callers connected to the Vercel sandbox, scaffolds to deploy, and an SSE reader for finished streams. */
final class DeploymentFixtures {

    private DeploymentFixtures() {
    }

    /** A fresh caller (unique user id) whose Vercel account is connected with a pasted sandbox token. */
    static String connectedUser(String prefix) {
        return connected(prefix).user();
    }

    /** A connected caller and the sandbox token it pasted (to ask the platform itself what happened). */
    record Connected(String user, String platformToken) {
    }

    static Connected connected(String prefix) {
        String user = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String token = given().contentType(ContentType.JSON).body(Map.of("username", user))
                .post("/sandbox/vercel/_sandbox/tokens").then().statusCode(201).extract().path("token");
        given().auth().oauth2(TestTokens.valid(user)).contentType(ContentType.JSON)
                .body(Map.of("token", token))
                .put("/api/v1/platforms/vercel/connection").then().statusCode(200);
        return new Connected(user, token);
    }

    /** {@link #staticSite} without extra files, as JSON bytes: for requests written by hand on the wire. */
    static byte[] staticSiteJson(String name) {
        try {
            return new ObjectMapper().writeValueAsBytes(staticSite(name, Map.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> staticSite(String name, Map<String, String> extraFiles) {
        Map<String, Object> files = new LinkedHashMap<>();
        files.put("index.html", Map.of("content", "<!doctype html><title>" + name + "</title><h1>Hello " + name
                + "</h1>", "encoding", "utf-8"));
        files.put("assets/pixel.bin", Map.of("content", Base64.getEncoder().encodeToString(new byte[] { 0, 1, 2,
                (byte) 0xff }), "encoding", "base64"));
        extraFiles.forEach((path, content) -> files.put(path, Map.of("content", content, "encoding", "utf-8")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("platform", "vercel");
        body.put("projectName", name);
        body.put("target", "preview");
        body.put("env", List.of(Map.of("key", "PUBLIC_TITLE", "value", "hello", "sensitive", false),
                Map.of("key", "API_SECRET", "value", "s3cr3t-value-42", "sensitive", true)));
        body.put("files", files);
        return body;
    }

    static Response deploy(String user, Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.valid(user)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/deployments");
    }

    /** One parsed SSE event. */
    record Sse(String id, String event, String data) {
    }

    static List<Sse> parse(String body) {
        return SseStreams.parse(body).stream().map(e -> new Sse(e.id(), e.event(), e.data())).toList();
    }

    /** Reads a whole (finished) SSE stream. */
    static List<Sse> readStream(String user, String deploymentId, String lastEventId) {
        var request = given().auth().oauth2(TestTokens.valid(user)).accept("text/event-stream");
        if (lastEventId != null) {
            request = request.header("Last-Event-ID", lastEventId);
        }
        String body = request.get("/api/v1/deployments/" + deploymentId + "/events").then().statusCode(200)
                .extract().asString();
        return parse(body);
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

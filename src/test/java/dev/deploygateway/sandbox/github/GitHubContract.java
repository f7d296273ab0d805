package dev.deploygateway.sandbox.github;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.deploygateway.sandbox.ContractProxy;
import dev.deploygateway.sandbox.OpenApiTraffic;
import dev.deploygateway.sandbox.RecordingProxy;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every test of a subclass talks to the GitHub sandbox through {@link ContractProxy}; afterwards every recorded
 * exchange with its API must conform to {@code contracts/github/openapi-subset.json}.
 */
public abstract class GitHubContract {

    public static final OpenApiTraffic TRAFFIC = new OpenApiTraffic(
            "src/test/resources/contracts/github/openapi-subset.json", "/sandbox/github", GitHubContract::repair,
            GitHubContract::oneSegment, GitHubContract::undocumented, GitHubContract::excused);
    /** The ref and tree parameters that may hold slashes ({@code x-multi-segment} in the document). */
    private static final Pattern MULTI_SEGMENT = Pattern.compile("^(/repos/[^/]+/[^/]+/git/(?:ref|refs|matching-refs"
            + "|trees))/(.+)$");
    private static final List<Pattern> UNDOCUMENTED = List.of(Pattern.compile("^/login/oauth/.*"),
            Pattern.compile("^/_sandbox/.*"), Pattern.compile("^/applications/.*"));

    @BeforeEach
    public void startRecording() {
        given().delete("/sandbox/github/_sandbox/rate-limit").then().statusCode(204);
        ContractProxy.clear();
    }

    @AfterEach
    public void everyExchangeMatchesTheContract() {
        assertThat(TRAFFIC.problems(ContractProxy.exchanges())).isEmpty();
    }

    /**
     * {@code GET /user} selects {@code private-user} or {@code public-user} by a discriminator,
     * {@code user_view_type}, that neither schema lists as required, which JSON Schema validators refuse as a syntax
     * error; marking it required in the mapped schemas is what the discriminator already implies.
     */
    static ObjectNode repair(ObjectNode document) {
        var schemas = (ObjectNode) document.path("components").path("schemas");
        for (String name : List.of("private-user", "public-user")) {
            var required = (ArrayNode) schemas.path(name).path("required");
            if (!required.toString().contains("\"user_view_type\"")) {
                required.add("user_view_type");
            }
        }
        return document;
    }

    /**
     * {@code heads/main} in a path is one {@code {ref}} parameter (the document marks it {@code x-multi-segment});
     * the validator matches one segment per parameter, so the slash is sent to it encoded, as Octokit sends it.
     */
    static String oneSegment(String path) {
        var m = MULTI_SEGMENT.matcher(path);
        return m.matches() ? m.group(1) + "/" + m.group(2).replace("/", "%2F") : path;
    }

    static boolean undocumented(String path) {
        return UNDOCUMENTED.stream().anyMatch(p -> p.matcher(path).matches());
    }

    /**
     * Gaps of the subset document: it leaves out statuses GitHub does answer on these operations (401 for a bad
     * token on repository routes, 403/429 rate-limit answers everywhere, 404 on git routes for a repository the
     * caller cannot see).
     */
    static boolean excused(RecordingProxy.Exchange exchange, String message) {
        return exchange.status() >= 400 && (message.startsWith("validation.response.status.unknown")
                || message.startsWith("validation.response.body.unexpected"));
    }

    /** A request that passes through the recording proxy. */
    public static RequestSpecification sandbox() {
        return given().baseUri(ContractProxy.baseUri()).port(-1);
    }

    public static RequestSpecification as(String token) {
        return sandbox().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    public static String mint(String login, String... orgs) {
        return given().contentType(ContentType.JSON).body(Map.of("login", login, "orgs", List.of(orgs)))
                .post("/sandbox/github/_sandbox/tokens").then().statusCode(201).extract().path("token");
    }

    public static String login(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    public static long stat(String name) {
        return ((Number) given().get("/sandbox/github/_sandbox/stats").then().statusCode(200).extract().path(name))
                .longValue();
    }

    public static String createRepository(String token, String name, boolean autoInit, boolean isPrivate) {
        return as(token).body(Map.of("name", name, "auto_init", autoInit, "private", isPrivate))
                .post("/sandbox/github/user/repos").then().statusCode(201).extract().path("full_name");
    }

    public static String blob(String token, String fullName, String content, String encoding) {
        return as(token).body(Map.of("content", content, "encoding", encoding))
                .post("/sandbox/github/repos/" + fullName + "/git/blobs").then().statusCode(201).extract()
                .path("sha");
    }

    public static String head(String token, String fullName) {
        return as(token).get("/sandbox/github/repos/" + fullName + "/git/ref/heads/main").then().statusCode(200)
                .extract().path("object.sha");
    }
}

package dev.deploygateway.frontend;

import static io.restassured.RestAssured.given;

import java.util.List;

import dev.deploygateway.deployment.SseStreams;
import dev.deploygateway.identity.TestTokens;

/**
 * A finished deployment's event log as the server has it: its SSE stream read from the start (the server replays
 * everything and closes after {@code end}), with a bearer token for the same user the browser signed in as. The
 * reference the page's rendering is compared to.
 */
final class ServerEventLog {

    private ServerEventLog() {
    }

    static List<SseStreams.Event> read(String userId, String deploymentId) {
        String body = given().baseUri(BrowserTestApp.baseUrl())
                .auth().oauth2(TestTokens.valid(userId))
                .accept("text/event-stream")
                .when().get("/api/v1/deployments/" + deploymentId + "/events")
                .then().statusCode(200)
                .extract().asString();
        List<SseStreams.Event> events = SseStreams.parse(body);
        if (events.isEmpty() || !events.get(events.size() - 1).event().equals("end")) {
            throw new IllegalStateException("the event stream did not end with an end event: " + events);
        }
        return events;
    }
}

package dev.deploygateway.frontend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.deploygateway.identity.TestTokens;

/**
 * A deployment's event log as the server has it: the SSE stream read from the start up to its {@code end} event,
 * with a bearer token for the same user the browser signed in as. The reference the page's rendering is compared to.
 */
final class ServerEventLog {

    /** One SSE event: its id, kind and raw JSON data. */
    record Event(String id, String kind, String data) {
    }

    private ServerEventLog() {
    }

    static List<Event> read(String userId, String deploymentId) {
        HttpRequest request = HttpRequest.newBuilder(
                URI.create(BrowserTestApp.baseUrl() + "/api/v1/deployments/" + deploymentId + "/events"))
                .header("Authorization", "Bearer " + TestTokens.valid(userId))
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(60))
                .build();
        try {
            HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("event stream answered " + response.statusCode());
            }
            List<Event> events = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String id = null;
                String kind = "message";
                StringBuilder data = new StringBuilder();
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isEmpty()) {
                        if (id != null || data.length() > 0) {
                            events.add(new Event(id, kind, data.toString()));
                            if (kind.equals("end")) {
                                return events;
                            }
                        }
                        id = null;
                        kind = "message";
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        kind = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).stripLeading());
                    }
                }
            }
            throw new IllegalStateException("event stream closed before its end event: " + events);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

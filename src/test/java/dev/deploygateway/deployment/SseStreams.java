package dev.deploygateway.deployment;

import java.util.ArrayList;
import java.util.List;

/** Parses a received {@code text/event-stream} body into events, as a browser's EventSource would. */
public final class SseStreams {

    private SseStreams() {
    }

    /** One event: its id (null when the event had none), its name and its data lines joined with LF. */
    public record Event(String id, String event, String data) {
    }

    public static List<Event> parse(String body) {
        List<Event> events = new ArrayList<>();
        for (String block : body.replace("\r\n", "\n").replace('\r', '\n').split("\n\n")) {
            String id = null;
            String event = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.isEmpty() || line.startsWith(":")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                switch (field) {
                    case "id" -> id = value;
                    case "event" -> event = value;
                    case "data" -> data.append(data.length() > 0 ? "\n" : "").append(value);
                    default -> {
                    }
                }
            }
            if (event != null) {
                events.add(new Event(id, event, data.toString()));
            }
        }
        return events;
    }
}

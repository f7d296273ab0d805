package dev.deploygateway.api.deployment;

import java.util.Locale;

/**
 * Which form of the events route a request asks for. SSE is the default (no {@code Accept}, {@code *}{@code /*},
 * {@code text/*}, {@code text/event-stream}); the JSON long poll only when {@code application/json} is asked for
 * and not ranked below {@code text/event-stream}. Anything else goes on to the REST layer, which answers 406.
 */
final class EventStreamNegotiation {

    private EventStreamNegotiation() {
    }

    static boolean wantsEventStream(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        double eventStream = -1;
        double json = -1;
        double wildcard = -1;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            double q = quality(parts);
            switch (type) {
                case "text/event-stream" -> eventStream = Math.max(eventStream, q);
                case "application/json" -> json = Math.max(json, q);
                case "*/*", "text/*" -> wildcard = Math.max(wildcard, q);
                default -> {
                }
            }
        }
        if (eventStream > 0 && eventStream >= json) {
            return true;
        }
        return json <= 0 && wildcard > 0;
    }

    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].trim();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}

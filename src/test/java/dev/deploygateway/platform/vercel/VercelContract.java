package dev.deploygateway.platform.vercel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.deploygateway.sandbox.OpenApiTraffic;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

/**
 * Validates recorded exchanges against Vercel's OpenAPI document. Streams ({@code application/stream+json}) are
 * validated line by line (keep-alive lines {@code {}} are not in the document and are skipped). Operations the
 * document does not describe (OAuth, rollback) are reported by {@link #undocumented}.
 */
final class VercelContract {

    static final String PREFIX = "/sandbox/vercel";
    private static final List<Pattern> UNDOCUMENTED = List.of(Pattern.compile("^/login/oauth/.*"),
            Pattern.compile("^/oauth/authorize$"), Pattern.compile("^/v2/oauth/access_token$"),
            Pattern.compile("^/v1/projects/[^/]+/rollback/[^/]+$"), Pattern.compile("^/_sandbox/.*"),
            Pattern.compile("^/sites/.*"), Pattern.compile("^/v2/now/files$"),
            Pattern.compile("^/v3/now/deployments/.*"), Pattern.compile("^/v1/teams$"),
            Pattern.compile("^/teams/[^/]+$"), Pattern.compile("^/v7/deployments$"), Pattern.compile("^/v9/projects$"),
            Pattern.compile("^/v11/deployments/[^/]+/builds$"));
    /** Members the current SDK (1.28.35) requires that the 2025-10 document does not list yet. */
    private static final Set<String> NEWER_MEMBERS = Set.of("\"alias\"",
            "\"integration\"", "\"integrationConfigurationId\"", "\"supportedProtocols\"");
    private static final Pattern NOT_ALLOWED = Pattern.compile(
            "properties which are not allowed by the schema: \\[(.*)]");
    private static OpenApiInteractionValidator validator;

    private VercelContract() {
    }

    static synchronized OpenApiInteractionValidator validator() {
        if (validator == null) {
            try {
                String spec = dedupeEnums(
                        Files.readString(Path.of("src/test/resources/contracts/vercel/openapi.json")));
                // The published document has a few structural slips (e.g. an undeclared path parameter on
                // /v3/teams/{teamId}/members) that make the strict loader refuse it; parse leniently instead.
                var options = new ParseOptions();
                options.setResolve(true);
                var api = new OpenAPIV3Parser().readContents(spec, null, options).getOpenAPI();
                validator = OpenApiInteractionValidator.createFor(api).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return validator;
    }

    /**
     * The document repeats values inside some {@code enum} arrays (e.g. a project's env {@code target}), which
     * JSON Schema forbids and which stops the validator from checking those responses at all; drop repeats.
     */
    private static String dedupeEnums(String spec) throws IOException {
        var mapper = new ObjectMapper();
        JsonNode root = mapper.readTree(spec);
        dedupe(root);
        return mapper.writeValueAsString(root);
    }

    private static void dedupe(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.get("enum") instanceof ArrayNode values) {
                var seen = new LinkedHashSet<JsonNode>();
                values.forEach(seen::add);
                values.removeAll();
                seen.forEach(values::add);
            }
            object.forEach(VercelContract::dedupe);
        } else if (node instanceof ArrayNode array) {
            array.forEach(VercelContract::dedupe);
        }
    }

    /**
     * Findings that say nothing about our traffic: the validator cannot parse non-JSON path parameters declared with
     * a schema, and the document leaves out error statuses (404, 429) and error bodies that Vercel does send.
     */
    private static boolean irrelevant(String key, int status) {
        return key.equals("validation.request.parameter.schema.invalidJson")
                || (status >= 400 && (key.equals("validation.response.status.unknown")
                        || key.equals("validation.response.body.unexpected")));
    }

    /**
     * Findings caused by defects of the generated document itself, each checked by hand (docs/platforms.md):
     * <ul>
     * <li>{@code POST /v1/storage/stores/integration/direct}: {@code store} forbids {@code id}/{@code name}, yet the
     * Vercel CLI reads {@code store.id} (the only way to connect the store), and {@code store.product} requires a
     * TypeScript brand artefact ({@code value.__@BRAND@…}) that no server sends.</li>
     * <li>{@code GET /v1/integrations/configurations}: {@code oneOf} two array schemas, one a subset of the other, so
     * an empty list matches both and can never validate.</li>
     * </ul>
     */
    private static boolean documentDefect(VercelRecordingProxy.Exchange exchange, String message) {
        String path = URI.create(exchange.uri()).getRawPath().substring(PREFIX.length());
        var notAllowed = NOT_ALLOWED.matcher(message);
        if (notAllowed.find() && NEWER_MEMBERS.containsAll(List.of(notAllowed.group(1).split(",")))) {
            return true; // the document is older than the platform (contracts/README.md)
        }
        if (path.equals("/v1/storage/stores/integration/direct")) {
            return message.contains("[Path '/store'] Object instance has properties which are not allowed by the "
                    + "schema: [\"id\",\"name\"]")
                    || message.contains("[Path '/store/product'] Object has missing required properties ([\"value\"])");
        }
        if (path.matches("/v13/deployments/[^/]+") && exchange.method().equals("GET")) {
            // oneOf a full and a "public" variant whose members are a subset of the full one: the full object
            // Vercel answers matches both.
            return message.contains("matched 2 out of 2");
        }
        return path.equals("/v1/integrations/configurations") && exchange.responseBody().length == 2
                && message.contains("matched 2 out of 2");
    }

    static boolean undocumented(String path) {
        return UNDOCUMENTED.stream().anyMatch(p -> p.matcher(path).matches());
    }

    /** Problems found in one exchange; empty when it conforms. */
    static List<String> problems(VercelRecordingProxy.Exchange exchange) {
        URI uri = URI.create(exchange.uri());
        String path = uri.getRawPath().substring(PREFIX.length());
        if (undocumented(path)) {
            return List.of();
        }
        var method = Request.Method.valueOf(exchange.method());
        var request = OpenApiTraffic.request(exchange, URLDecoder.decode(path, StandardCharsets.UTF_8));
        if (exchange.requestBody().length > 0) {
            String type = exchange.requestHeaders().getOrDefault("Content-Type", "");
            if (type.startsWith("application/json")) {
                request.withBody(new String(exchange.requestBody(), StandardCharsets.UTF_8));
            } else {
                request.withBody(exchange.requestBody());
            }
        }
        var problems = new ArrayList<String>();
        String contentType = exchange.responseHeaders().getOrDefault("Content-Type", "");
        String body = new String(exchange.responseBody(), StandardCharsets.UTF_8);
        if (contentType.startsWith("application/stream+json")) {
            collect(problems, exchange, validator().validateRequest(request.build()));
            for (String line : body.split("\n")) {
                if (line.isBlank() || line.equals("{}")) {
                    continue;
                }
                var response = SimpleResponse.Builder.status(exchange.status())
                        .withContentType("application/stream+json")
                        .withBody(line).build();
                collect(problems, exchange, validator().validateResponse(path, method, response));
            }
            return problems;
        }
        var response = SimpleResponse.Builder.status(exchange.status());
        if (!contentType.isEmpty()) {
            response.withContentType(contentType);
        }
        if (!body.isEmpty()) {
            response.withBody(body);
        }
        collect(problems, exchange, validator().validate(request.build(), response.build()));
        return problems;
    }

    private static void collect(List<String> problems, VercelRecordingProxy.Exchange exchange,
            ValidationReport report) {
        report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !irrelevant(m.getKey(), exchange.status()))
                .filter(m -> !documentDefect(exchange, m.getMessage()))
                .forEach(m -> problems.add(exchange.method() + " " + exchange.uri() + " → " + exchange.status() + ": "
                        + m.getKey() + " " + m.getMessage()));
    }
}

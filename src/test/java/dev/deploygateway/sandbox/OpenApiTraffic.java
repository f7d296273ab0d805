package dev.deploygateway.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.deploygateway.sandbox.RecordingProxy.Exchange;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

/**
 * Checks recorded HTTP exchanges against a platform's published OpenAPI document (GitHub's subset, Render's):
 * requests and responses of every documented operation under {@code prefix}. Paths the document does not describe
 * (OAuth pages, sandbox controls) are passed over by {@code undocumented}; {@code excused} names findings that are
 * defects or gaps of the document itself, each explained where it is declared.
 */
public final class OpenApiTraffic {

    private final String prefix;
    private final OpenApiInteractionValidator validator;
    private final Predicate<String> undocumented;
    private final BiPredicate<Exchange, String> excused;
    private final UnaryOperator<String> rewrite;

    /** As below, with paths validated as they were sent. */
    public OpenApiTraffic(String document, String prefix, UnaryOperator<ObjectNode> repair,
            Predicate<String> undocumented, BiPredicate<Exchange, String> excused) {
        this(document, prefix, repair, UnaryOperator.identity(), undocumented, excused);
    }

    /**
     * @param repair fixes structural slips of the document that stop the validator; each explained by its caller
     * @param rewrite turns a raw path into the spelling the validator can match (e.g. a multi-segment parameter)
     */
    public OpenApiTraffic(String document, String prefix, UnaryOperator<ObjectNode> repair,
            UnaryOperator<String> rewrite, Predicate<String> undocumented, BiPredicate<Exchange, String> excused) {
        this.rewrite = rewrite;
        this.prefix = prefix;
        this.undocumented = undocumented;
        this.excused = excused;
        try {
            var mapper = new ObjectMapper();
            ObjectNode root = repair.apply((ObjectNode) mapper.readTree(Files.readString(Path.of(document))));
            var options = new ParseOptions();
            options.setResolve(true);
            var api = new OpenAPIV3Parser().readContents(mapper.writeValueAsString(root), null, options)
                    .getOpenAPI();
            this.validator = OpenApiInteractionValidator.createFor(api).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The exchange's path below the prefix, or null when it is not one of this platform's. */
    public String path(Exchange exchange) {
        String raw = URI.create(exchange.uri()).getRawPath();
        return raw.startsWith(prefix) ? raw.substring(prefix.length()) : null;
    }

    /** Problems found in the exchanges; empty when all conform. */
    public List<String> problems(List<Exchange> exchanges) {
        var problems = new ArrayList<String>();
        for (Exchange exchange : exchanges) {
            String path = path(exchange);
            if (path == null || undocumented.test(path)) {
                continue;
            }
            var request = request(exchange, rewrite.apply(path));
            if (exchange.requestBody().length > 0) {
                request.withBody(new String(exchange.requestBody(), StandardCharsets.UTF_8));
            }
            var response = SimpleResponse.Builder.status(exchange.status());
            String type = exchange.responseHeaders().getOrDefault("Content-Type", "");
            if (!type.isEmpty()) {
                response.withContentType(type);
            }
            if (exchange.responseBody().length > 0) {
                response.withBody(new String(exchange.responseBody(), StandardCharsets.UTF_8));
            }
            ValidationReport report = validator.validate(request.build(), response.build());
            report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .filter(m -> !excused.test(exchange, m.getKey() + " " + m.getMessage()))
                    .forEach(m -> problems.add(exchange.method() + " " + exchange.uri() + " → " + exchange.status()
                            + ": " + m.getKey() + " " + m.getMessage()));
        }
        return problems;
    }

    /** The exchange's request, for the validator: its method, headers (but its length) and query, at {@code path}. */
    public static SimpleRequest.Builder request(Exchange exchange, String path) {
        var request = new SimpleRequest.Builder(Request.Method.valueOf(exchange.method()), path);
        exchange.requestHeaders().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("content-length")) {
                request.withHeader(k, v);
            }
        });
        String query = URI.create(exchange.uri()).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                request.withQueryParam(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return request;
    }
}

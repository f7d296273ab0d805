package dev.deploygateway.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The sample projects shipped in the jar under {@code samples/<name>/...}. Which files belong to which sample
 * comes from {@code samples/manifest.json}, because a classpath folder cannot be listed reliably (inside a jar,
 * and not at all in a native image). Loaded once, on first use; a missing file is a packaging bug and fails
 * loudly.
 */
@ApplicationScoped
public class SampleScaffolds {

    static final String ROOT = "samples/";

    private volatile Map<String, Sample> samples;

    /** Every sample, in manifest order. */
    public List<Sample> list() {
        return List.copyOf(loaded().values());
    }

    public Optional<Sample> find(String name) {
        return Optional.ofNullable(loaded().get(name));
    }

    private Map<String, Sample> loaded() {
        Map<String, Sample> current = samples;
        if (current == null) {
            synchronized (this) {
                if (samples == null) {
                    samples = load();
                }
                current = samples;
            }
        }
        return current;
    }

    static Map<String, Sample> load() {
        // The tree model needs no reflection, so this also works in a native image.
        JsonNode manifest;
        try (InputStream in = resource(ROOT + "manifest.json")) {
            manifest = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var result = new LinkedHashMap<String, Sample>();
        for (JsonNode entry : manifest.path("samples")) {
            String name = entry.path("name").asText();
            var files = new LinkedHashMap<String, byte[]>();
            for (JsonNode file : entry.path("files")) {
                try (InputStream in = resource(ROOT + name + "/" + file.asText())) {
                    files.put(file.asText(), in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            result.put(name, new Sample(name, entry.path("description").asText(), SourceBundle.of(files)));
        }
        return Collections.unmodifiableMap(result);
    }

    private static InputStream resource(String path) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Sample resource missing from the build: " + path);
        }
        return in;
    }
}

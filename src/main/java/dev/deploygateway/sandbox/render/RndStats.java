package dev.deploygateway.sandbox.render;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/** Counters tests assert on ({@code GET /_sandbox/stats}). */
@ApplicationScoped
class RndStats {

    static final String SERVICES = "servicesCreated";
    static final String DATABASES = "databasesCreated";
    static final String REFUSED = "servicesRefused";
    static final String SOCKETS = "logSocketsOpened";

    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

    void increment(String name) {
        counters.computeIfAbsent(name, n -> new AtomicLong()).incrementAndGet();
    }

    Map<String, Long> snapshot() {
        var out = new TreeMap<String, Long>();
        for (String name : new String[] { SERVICES, DATABASES, REFUSED, SOCKETS }) {
            out.put(name, 0L);
        }
        counters.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}

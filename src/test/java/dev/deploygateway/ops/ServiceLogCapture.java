package dev.deploygateway.ops;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures everything the service logs during one test, at every level, so tests can assert that no secret was
 * written. The test's own HTTP client wire log (which prints the requests the test sends) is left out.
 * Use with {@code @RegisterExtension final ServiceLogCapture logs = new ServiceLogCapture();}.
 */
public final class ServiceLogCapture implements BeforeEachCallback, AfterEachCallback {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private Level previous;
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
            if (logger.startsWith("org.apache.http")) {
                return;
            }
            Object[] params = record.getParameters();
            lines.add(String.valueOf(record.getMessage()) + (params == null ? "" : List.of(params).toString())
                    + (record.getThrown() == null ? "" : String.valueOf(record.getThrown())));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** Lines logged so far in this test: message, parameters and any throwable. */
    public List<String> lines() {
        return lines;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Logger root = Logger.getLogger("");
        previous = root.getLevel();
        root.setLevel(Level.ALL);
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Logger root = Logger.getLogger("");
        root.removeHandler(handler);
        root.setLevel(previous);
    }
}

package dev.deploygateway.api.problem;

import java.io.IOException;

/**
 * Recognises a request body the REST layer's multipart parser could not read because the client sent a broken
 * one (truncated, no closing boundary, malformed part headers). The parser reports those as a bare
 * {@link IOException} or its own {@code MalformedMessageException}, indistinguishable by type from a server-side
 * I/O failure; what tells them apart is where they were raised: a client's broken body makes the parser itself
 * throw, while a disk or socket failure surfaces from the JDK (or arrives wrapped, with a cause).
 */
final class UnreadableBody {

    private static final String MULTIPART_PARSER = "org.jboss.resteasy.reactive.server.core.multipart.";

    private UnreadableBody() {
    }

    static boolean isClientFault(Throwable failure) {
        if (failure.getClass().getName().startsWith(MULTIPART_PARSER)) {
            return true;
        }
        if (!(failure instanceof IOException) || failure.getCause() != null) {
            return false;
        }
        StackTraceElement[] trace = failure.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith(MULTIPART_PARSER);
    }
}

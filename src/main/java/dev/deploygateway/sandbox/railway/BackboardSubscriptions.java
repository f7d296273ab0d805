package dev.deploygateway.sandbox.railway;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.reactivestreams.FlowAdapters;
import org.reactivestreams.Publisher;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * The root fields of {@code Subscription} the sandbox answers, as event streams graphql-java maps through the
 * subscription's selection: {@code buildLogs} (first the newest {@code limit} lines, then one event per new line;
 * completes once the deployment is terminal) and {@code deployment} (the current object, then every status change;
 * completes when terminal).
 */
@ApplicationScoped
class BackboardSubscriptions {

    private final BackboardStore store;

    BackboardSubscriptions(BackboardStore store) {
        this.store = store;
    }

    Publisher<Object> resolve(BackboardRequest request, BackboardField f) {
        var caller = request.caller();
        BackboardDeployment deployment = switch (f.name()) {
            case "buildLogs" -> store.deployment(f.string("deploymentId"), caller);
            case "deployment" -> store.deployment(f.string("id"), caller);
            default -> throw BackboardError.notImplemented("Subscription", f.name());
        };
        request.follows(deployment);
        Multi<Object> events = "buildLogs".equals(f.name())
                ? buildLogs(deployment, f.args().get("limit") instanceof Number n ? n.intValue() : 500,
                        f.string("filter"))
                : status(deployment);
        return FlowAdapters.toPublisher(events);
    }

    private static Multi<Object> buildLogs(BackboardDeployment deployment, int limit, String filter) {
        return follow(deployment, (emitter, backlog) -> {
            List<Object> matching = lines(backlog, filter);
            emitter.emit(matching.subList(Math.max(0, matching.size() - limit), matching.size()));
        }, true, filter);
    }

    private static Multi<Object> status(BackboardDeployment deployment) {
        return follow(deployment, (emitter, backlog) -> emitter.emit(BackboardJson.deployment(deployment)), false,
                null);
    }

    private interface First {
        void emit(MultiEmitter<? super Object> emitter,
                List<BackboardDeployment.LogLine> backlog);
    }

    /** Registers a follower and takes the backlog atomically (nothing falls between), then relays until terminal. */
    private static Multi<Object> follow(BackboardDeployment deployment, First first, boolean logs, String filter) {
        return Multi.createFrom().emitter(emitter -> {
            var follower = new BackboardDeployment.Follower() {
                @Override
                public void lines(List<BackboardDeployment.LogLine> lines) {
                    List<Object> matching = BackboardSubscriptions.lines(lines, filter);
                    if (logs && !matching.isEmpty()) {
                        emitter.emit(matching);
                    }
                }

                @Override
                public void status(BackboardDeployment d) {
                    if (!logs) {
                        emitter.emit(BackboardJson.deployment(d));
                    }
                    if (d.terminal()) {
                        emitter.complete();
                    }
                }
            };
            emitter.onTermination(() -> deployment.unfollow(follower));
            // Under the deployment's lock, so a line logged meanwhile cannot overtake the backlog.
            synchronized (deployment) {
                first.emit(emitter, deployment.follow(follower));
                if (deployment.terminal()) {
                    emitter.complete();
                }
            }
        });
    }

    private static List<Object> lines(List<BackboardDeployment.LogLine> lines, String filter) {
        return lines.stream().filter(l -> filter == null || filter.isBlank() || l.message().contains(filter))
                .map(l -> (Object) BackboardJson.log(l)).toList();
    }
}

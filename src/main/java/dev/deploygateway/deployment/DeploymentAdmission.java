package dev.deploygateway.deployment;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;
import dev.deploygateway.ratelimit.DeploymentRateLimiter;
import dev.deploygateway.ratelimit.Quota;
import dev.deploygateway.ratelimit.RateLimitedException;
import dev.deploygateway.store.ScriptReply;
import dev.deploygateway.store.StoreUnavailableException;
import io.smallrye.mutiny.Uni;

/**
 * Turns a valid request into a created deployment, exactly once: the deployment is entered in the monitors'
 * set, then admitted and created in one atomic script (record, lease, history, idempotency binding). Every
 * outcome leaves the store consistent: refused → nothing but the set entry, removed again; another request
 * with the same {@code Idempotency-Key} won → its deployment; the answer lost (a timeout, which may have run) →
 * settled by a second script that keeps the creation if it happened or makes sure it never will, and when even
 * that cannot reach the store the creation is revoked in the background. So the user's slot is taken exactly
 * when a deployment exists, and a 503 never leaves a slot or a half-made deployment behind.
 */
@ApplicationScoped
class DeploymentAdmission {

    private static final Logger LOG = Logger.getLogger(DeploymentAdmission.class);
    private static final Duration REVOKE_RETRY = Duration.ofMillis(500);
    private static final int REVOKE_ATTEMPTS = 120;

    private final DeploymentRepository repository;
    private final DeploymentOwnership ownership;
    private final DeploymentRateLimiter limiter;

    DeploymentAdmission(DeploymentRepository repository, DeploymentOwnership ownership,
            DeploymentRateLimiter limiter) {
        this.repository = repository;
        this.ownership = ownership;
        this.limiter = limiter;
    }

    /** The outcome: a new deployment (with the quota after it), or the one an idempotency key already names. */
    sealed interface Outcome {
        DeploymentRecord record();
    }

    /** Created now; its lease (generation 1) was taken at {@code leaseTakenAtNanos} at the latest. */
    record Created(DeploymentRecord record, Quota quota, long leaseTakenAtNanos) implements Outcome {
    }

    /** The idempotency key was already bound to this deployment. */
    record Replayed(DeploymentRecord record) implements Outcome {
    }

    Uni<Outcome> admit(DeploymentRecord record, Optional<String> idempotencyKey, String requestDigest) {
        DeploymentRef ref = record.ref();
        String lease = ownership.firstLeaseValue();
        long started = System.nanoTime();
        return repository.markActive(ref, record.deadline().toEpochMilli())
                .chain(() -> repository.create(record, lease, idempotencyKey, requestDigest)
                        .onFailure().recoverWithUni(lost -> settle(ref, lease, idempotencyKey, requestDigest, lost)))
                .chain(reply -> outcome(record, reply, requestDigest, started));
    }

    private Uni<Outcome> outcome(DeploymentRecord record, ScriptReply reply, String requestDigest, long started) {
        switch (reply.outcome()) {
            case CreationScripts.CREATED -> {
                limiter.record(true);
                Uni<Quota> quota = reply.size() >= 4
                        ? Uni.createFrom().item(limiter.quota(reply.number(1), reply.number(2), reply.number(3)))
                        : limiter.info(record.userId());
                return quota.map(q -> new Created(record, q, started));
            }
            case CreationScripts.REFUSED -> {
                limiter.record(false);
                Quota quota = limiter.quota(reply.number(1), reply.number(2), reply.number(3));
                return forget(record.ref()).chain(() -> Uni.createFrom().failure(new RateLimitedException(quota)));
            }
            case CreationScripts.DUPLICATE -> {
                IdempotencyBinding bound = repository.readBinding(reply.text(1));
                return forget(record.ref()).chain(() -> replayed(record.userId(), bound, requestDigest));
            }
            default -> {
                return forget(record.ref()).chain(() -> Uni.createFrom().failure(
                        new StoreUnavailableException(Duration.ofSeconds(1), null)));
            }
        }
    }

    /** The deployment an idempotency key names, when the request is the same one. */
    Uni<Outcome> replayed(String userId, IdempotencyBinding bound, String requestDigest) {
        if (!bound.requestDigest().equals(requestDigest)) {
            return Uni.createFrom().failure(new GatewayException(ErrorCode.CONFLICT,
                    "This Idempotency-Key was already used for a different request."));
        }
        return repository.findOwned(userId, bound.deploymentId()).map(found -> found.<Outcome>map(Replayed::new)
                .orElseThrow(() -> new GatewayException(ErrorCode.CONFLICT, "The deployment this Idempotency-Key "
                        + "created no longer exists; send the request with a new key.")));
    }

    /**
     * The creation's answer was lost. Ask again, atomically: keep it if it happened, else make sure it never
     * will. When the store cannot answer that either, the caller gets 503 and the creation is revoked later.
     */
    private Uni<ScriptReply> settle(DeploymentRef ref, String lease, Optional<String> key, String digest,
            Throwable lost) {
        RuntimeException failure = lost instanceof RuntimeException r ? r
                : new StoreUnavailableException(Duration.ofSeconds(1), lost);
        return repository.settle(ref, lease, key, digest, CreationScripts.SETTLE)
                .onFailure().invoke(e -> {
                    // Unknown whether it happened: the set entry stays, so if it did, the monitor fails and
                    // refunds it should the revocation below not get through either.
                    limiter.recordUnavailable();
                    revokeLater(ref, lease, key, digest);
                })
                .onFailure().transform(e -> failure)
                .chain(outcome -> {
                    if (CreationScripts.CREATED.equals(outcome)) {
                        return Uni.createFrom().item(ScriptReply.of(outcome));
                    }
                    limiter.recordUnavailable();
                    return forget(ref).chain(() -> Uni.createFrom().failure(failure));
                });
    }

    private void revokeLater(DeploymentRef ref, String lease, Optional<String> key, String digest) {
        repository.settle(ref, lease, key, digest, CreationScripts.REVOKE)
                .chain(() -> repository.deactivate(ref))
                .onFailure().retry().withBackOff(REVOKE_RETRY, Duration.ofSeconds(5)).atMost(REVOKE_ATTEMPTS)
                .subscribe().with(ignored -> LOG.infof("deployment %s: creation with a lost answer revoked",
                        ref.id()),
                        e -> LOG.errorf("deployment %s: could not revoke a creation whose answer was "
                                + "lost; the monitor will fail and refund it if it happened", ref.id()));
    }

    /** Removes the set entry of a creation that did not happen (best effort: the monitor removes leftovers). */
    private Uni<Void> forget(DeploymentRef ref) {
        return repository.deactivate(ref).onFailure().recoverWithNull();
    }
}

package dev.deploygateway.deployment;

import java.util.Optional;

import dev.deploygateway.events.EventLog;
import dev.deploygateway.store.StoreKeys;

/**
 * Which deployment, and whose: every key of a deployment sits under its owner's hash tag, so knowing the owner
 * is knowing where the deployment lives (a foreign id simply does not exist under the caller's tag).
 */
public record DeploymentRef(String userId, String id) {

    String recordKey() {
        return StoreKeys.deployment(userId, id, "record");
    }

    String leaseKey() {
        return StoreKeys.deployment(userId, id, "lease");
    }

    /** Set when a creation whose answer was lost is revoked, so the creation can never happen later. */
    String revokedKey() {
        return StoreKeys.deployment(userId, id, "revoked");
    }

    String eventsKey() {
        return EventLog.key(userId, id);
    }

    /** The member of the cluster-wide active set: the id first (it has no spaces), then the owner. */
    String activeMember() {
        return id + " " + userId;
    }

    static Optional<DeploymentRef> fromActiveMember(String member) {
        int space = member.indexOf(' ');
        if (space <= 0 || space == member.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new DeploymentRef(member.substring(space + 1), member.substring(0, space)));
    }
}

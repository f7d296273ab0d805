package dev.deploygateway.deployment;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the parts of one run ({@link DeploymentRun}, {@link RunWatch}, {@link RunEnding}) share: the record it
 * started from, its journal, and the three facts they update together: whether the platform was called, whether the
 * run has finished, and the URL the platform gave.
 */
record RunState(DeploymentRecord record, DeploymentJournal journal, AtomicBoolean platformCalled,
        AtomicBoolean finished, AtomicReference<Optional<String>> url) {

    static RunState of(DeploymentRecord record, DeploymentJournal journal) {
        return new RunState(record, journal, new AtomicBoolean(record.platformCalled()), new AtomicBoolean(),
                new AtomicReference<>(record.url()));
    }
}

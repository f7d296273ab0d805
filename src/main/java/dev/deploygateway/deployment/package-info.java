/**
 * Deployments: the record and its normalised state machine ({@code PENDING → UPLOADING → QUEUED → BUILDING →
 * DEPLOYING → READY}, terminal {@code READY | FAILED | CANCELED | TIMED_OUT}), the pipeline that walks one
 * deployment through the platform SPI (project, environment, database, upload + trigger, watch), the monitor
 * that makes exactly one instance own each running deployment through a renewed lease and takes over orphaned
 * ones, and history, cancel and redeploy. Every read goes through the owner ({@code userId}): another user's
 * deployment does not exist.
 */
package dev.deploygateway.deployment;

package dev.deploygateway.platform;

import java.net.URI;
import java.util.Optional;

/**
 * What a project's production serves now (after a deploy to production, a promote or a rollback).
 *
 * @param deploymentId the platform's id of the deployment production serves
 * @param url the production address (Vercel: the project's production domain), when the platform names one
 */
public record ProductionDeployment(String deploymentId, Optional<URI> url) {
}

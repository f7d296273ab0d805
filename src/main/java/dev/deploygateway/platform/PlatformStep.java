package dev.deploygateway.platform;

/** The step of a deployment (or connection) in which a platform call failed; kept from the seed's vocabulary. */
public enum PlatformStep {
    AUTH, CHECK, CREATE, UPLOAD, CONFIGURE, BUILD, DEPLOY, WATCH, MANAGE
}

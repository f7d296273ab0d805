/**
 * Render behind the platform SPI: the Quarkus REST client {@code RenderApi} (records in {@code RenderWire}, built
 * against {@code contracts/render/openapi.json}), its call policy and error mapping (Render's {@code {id, message}},
 * 429 with {@code Retry-After}, "cannot read the repository"), services created from the repository the source host
 * pushed to, deploys, the one state table ({@code RenderStates}), build logs over the log-subscription websocket with
 * {@code GET /v1/logs} as resume and fallback, cancel, rollback and Postgres.
 */
package dev.deploygateway.platform.render;

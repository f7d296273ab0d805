package dev.deploygateway.sandbox.railway;

/** The subscriptions src/test/node/conformance/railway-ws.js sends, for replaying the frames it received. */
final class RailwayWsDocuments {

    static final String LOGS = "subscription BuildLogs($deploymentId: String!, $filter: String, $limit: Int = 500) "
            + "{ buildLogs(deploymentId: $deploymentId, filter: $filter, limit: $limit) { ...LogFields } } "
            + "fragment LogFields on Log { __typename timestamp message severity attributes { key value } }";
    static final String STATUS = "subscription Deployment($id: String!) { deployment(id: $id) { __typename id status "
            + "} }";

    private RailwayWsDocuments() {
    }
}

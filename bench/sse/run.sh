#!/usr/bin/env bash
# On-demand SSE fan-out benchmark (not part of ./mvnw verify); see bench/sse/README.md.
# Starts the packaged gateway (demo profile, in-memory store, Vercel sandbox with slow steps) and the baseline
# (a bare Vert.x SSE server, bench/sse/src/.../SseBaseline.java) on free ports, then runs the harness
# (SseFanOut.java): gateway scenarios A (1 viewer), B (K viewers, lag), C (K idle viewers, memory), and the
# baseline with K viewers and B's events.
# Env: K (10000), RAMP_CONCURRENCY (200 connects in flight), STEP_DELAY (2500ms per sandbox step; ~11 steps),
#      APP_JAVA_OPTS (-Xms1g -Xmx1g -XX:+AlwaysPreTouch, for the gateway and the baseline alike: a fixed,
#      pre-touched heap, so RSS growth is what lives outside the heap), CLIENT_JAVA_OPTS (-Xmx2g),
#      GATEWAY_EXTRA_OPTS (none; e.g. a flight recording of the gateway alone), RESULTS (bench/sse/results.md).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
K="${K:-10000}"
RAMP_CONCURRENCY="${RAMP_CONCURRENCY:-200}"
STEP_DELAY="${STEP_DELAY:-2500ms}"
APP_JAVA_OPTS="${APP_JAVA_OPTS:--Xms1g -Xmx1g -XX:+AlwaysPreTouch}"
CLIENT_JAVA_OPTS="${CLIENT_JAVA_OPTS:--Xmx2g}"
GATEWAY_EXTRA_OPTS="${GATEWAY_EXTRA_OPTS:-}"
RESULTS="${RESULTS:-$HERE/results.md}"
COMMAND="K=$K RAMP_CONCURRENCY=$RAMP_CONCURRENCY STEP_DELAY=$STEP_DELAY APP_JAVA_OPTS='$APP_JAVA_OPTS' bench/sse/run.sh"
WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Each viewer is one socket in a server and one in the client (every process inherits this limit).
NEED=$((K + 2000))
if (( $(ulimit -n) < NEED )); then
  ulimit -n "$NEED" 2>/dev/null || ulimit -n "$(ulimit -Hn)"
fi
echo "open files limit: $(ulimit -n) (need ~$NEED per process)"

JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
if [[ ! -f "$JAR" || -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$JAR" -print -quit)" ]]; then
  echo "Packaging the gateway..."
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
fi
# The harness and the baseline use the gateway's own Vert.x and Netty jars (the same versions).
CP="$(find "$ROOT/target/quarkus-app/lib/main" -name 'io.vertx.vertx-core-*.jar' -o -name 'io.netty.netty-*.jar' \
  -o -name 'com.fasterxml.jackson.core.jackson-core-*.jar' | tr '\n' ':')"
javac -d "$WORK/classes" -cp "$CP" "$HERE"/src/dev/deploygateway/bench/*.java

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
PORT="$(free_port)"
BASELINE_PORT="$(free_port)"
BASE="http://localhost:$PORT"
LOOPS=$(( $(nproc) * 2 ))   # Quarkus's default number of event loops; the baseline gets as many
echo "Starting the gateway on $BASE (step delay $STEP_DELAY, $APP_JAVA_OPTS)..."
# shellcheck disable=SC2086
QUARKUS_PROFILE=demo PORT="$PORT" ALLOWED_ORIGINS="$BASE" SANDBOX_VERCEL_STEP_DELAY="$STEP_DELAY" \
  MAX_DEPLOYMENTS_PER_HOUR=100 QUARKUS_LOG_CONSOLE_LEVEL=WARN \
  java $APP_JAVA_OPTS $GATEWAY_EXTRA_OPTS -jar "$JAR" >"$WORK/app.log" 2>&1 &
APP_PID=$!
PIDS+=("$APP_PID")
# shellcheck disable=SC2086
java $APP_JAVA_OPTS -cp "$WORK/classes:$CP" dev.deploygateway.bench.SseBaseline "$BASELINE_PORT" "$LOOPS" \
  >"$WORK/baseline.log" 2>&1 &
BASELINE_PID=$!
PIDS+=("$BASELINE_PID")
for _ in $(seq 1 120); do
  curl -sf "$BASE/q/health/ready" >/dev/null 2>&1 && curl -sf "http://127.0.0.1:$BASELINE_PORT/stats" >/dev/null \
    2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "gateway exited:"; tail -30 "$WORK/app.log"; exit 1; }
  kill -0 "$BASELINE_PID" 2>/dev/null || { echo "baseline exited:"; tail -30 "$WORK/baseline.log"; exit 1; }
  sleep 0.5
done
curl -sf "$BASE/q/health/ready" >/dev/null || { echo "gateway not ready:"; tail -30 "$WORK/app.log"; exit 1; }
echo "gateway pid $APP_PID, baseline pid $BASELINE_PID ready; load average $(cut -d' ' -f1-3 /proc/loadavg)"

# shellcheck disable=SC2086
if ! java $CLIENT_JAVA_OPTS -cp "$WORK/classes:$CP" dev.deploygateway.bench.SseFanOut \
    "$BASE" "$APP_PID" "$BASELINE_PORT" "$BASELINE_PID" "$K" "$RAMP_CONCURRENCY" "$RESULTS" "$COMMAND"; then
  echo "harness failed; gateway log tail:"; tail -40 "$WORK/app.log"; exit 1
fi
if grep -q "ERROR" "$WORK/app.log"; then
  echo "--- gateway ERROR lines:"; grep "ERROR" "$WORK/app.log" | head -20
fi
echo "results written to $RESULTS"

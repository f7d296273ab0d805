#!/usr/bin/env bash
# On-demand SSE fan-out benchmark (not part of ./mvnw verify); see bench/sse/README.md.
# Starts the packaged gateway (demo profile, in-memory store, Vercel sandbox with slow steps) on a free port and
# runs bench/sse/src/.../SseFanOut.java against it: scenario A (1 viewer) and B (K viewers) of one deployment each.
# Env: K (10000), RAMP_CONCURRENCY (200 connects in flight), STEP_DELAY (max(2500, 1.5*K) ms per sandbox step; ~11 steps per build),
#      APP_JAVA_OPTS (-Xmx2g), CLIENT_JAVA_OPTS (-Xmx2g), RESULTS (bench/sse/results.md).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
K="${K:-10000}"
RAMP_CONCURRENCY="${RAMP_CONCURRENCY:-200}"
# The build must outlast the ramp so that all K viewers are attached at once (~80 connects/s on a busy 2-core box).
STEP_DELAY="${STEP_DELAY:-$(( K * 3 / 2 > 2500 ? K * 3 / 2 : 2500 ))ms}"
APP_JAVA_OPTS="${APP_JAVA_OPTS:--Xmx2g}"
CLIENT_JAVA_OPTS="${CLIENT_JAVA_OPTS:--Xmx2g}"
RESULTS="${RESULTS:-$HERE/results.md}"
WORK="$(mktemp -d)"
APP_PID=""
cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Each viewer is one socket in the app and one in the client (both processes inherit this limit).
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
javac -d "$WORK/classes" "$HERE/src/dev/deploygateway/bench/SseFanOut.java"

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
BASE="http://localhost:$PORT"
echo "Starting the gateway on $BASE (step delay $STEP_DELAY, $APP_JAVA_OPTS)..."
# shellcheck disable=SC2086
QUARKUS_PROFILE=demo PORT="$PORT" ALLOWED_ORIGINS="$BASE" SANDBOX_VERCEL_STEP_DELAY="$STEP_DELAY" \
  MAX_DEPLOYMENTS_PER_HOUR=100 QUARKUS_LOG_CONSOLE_LEVEL=WARN \
  java $APP_JAVA_OPTS -jar "$JAR" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -sf "$BASE/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "gateway exited:"; tail -30 "$WORK/app.log"; exit 1; }
  sleep 0.5
done
curl -sf "$BASE/q/health/ready" >/dev/null || { echo "gateway not ready:"; tail -30 "$WORK/app.log"; exit 1; }
echo "gateway pid $APP_PID ready"

# shellcheck disable=SC2086
if ! java $CLIENT_JAVA_OPTS -cp "$WORK/classes" dev.deploygateway.bench.SseFanOut \
    "$BASE" "$APP_PID" "$K" "$RAMP_CONCURRENCY" "$RESULTS"; then
  echo "harness failed; gateway log tail:"; tail -40 "$WORK/app.log"; exit 1
fi
if grep -q "ERROR" "$WORK/app.log"; then
  echo "--- gateway ERROR lines:"; grep "ERROR" "$WORK/app.log" | head -20
fi
echo "results written to $RESULTS"

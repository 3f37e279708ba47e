#!/usr/bin/env bash
# Emulator GetFunction throughput against moto_server, measured in the same run with wrk (2 threads x 16
# connections, 10 s each, after a 3 s warm-up), on the same function, with a Lambda-scoped Authorization header
# (moto routes unsigned requests to S3; the emulator refuses unsigned requests and checks the signature's form, not its value).
#
#   ./mvnw install -DskipTests -Dinvoker.skip && benchmarks/emulator/run.sh
#
# PIN=1 runs each server on CPU 0 only and wrk on CPU 1 only (taskset), instead of sharing both cores.
#
# Needs wrk (apt-get install wrk), moto_server and the AWS CLI. The emulator runs in its own JVM
# (lambda:emulator); the servers take turns, so the load generator only ever competes with one of them.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=$(mktemp -d)
EMU_PORT=19191
MOTO_PORT=19192
SERVER_CPU=(); LOAD_CPU=()
if [ "${PIN:-0}" = 1 ]; then SERVER_CPU=(taskset -c 0); LOAD_CPU=(taskset -c 1); fi
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_DEFAULT_REGION=us-east-1
cleanup() { kill "${EMU_PID:-}" "${MOTO_PID:-}" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

(cd examples/hello-function && "$ROOT/mvnw" -B -q package -Dinvoker.skip >/dev/null)
ZIP=$ROOT/examples/hello-function/target/hello-function-1.0.0-SNAPSHOT-lambda.zip

(cd "$WORK" && exec "${SERVER_CPU[@]}" "$ROOT/mvnw" -B -q dev.lambdamaven:lambda-maven-plugin:0.1.0-SNAPSHOT:emulator \
    -Dlambda.emulator.port=$EMU_PORT -Dlambda.emulator.home="$WORK/state" > "$WORK/emulator.log" 2>&1) &
EMU_PID=$!
"${SERVER_CPU[@]}" moto_server -p $MOTO_PORT > "$WORK/moto.log" 2>&1 &
MOTO_PID=$!
for i in $(seq 60); do
  curl -s -o /dev/null "http://127.0.0.1:$EMU_PORT/" && curl -s -o /dev/null "http://127.0.0.1:$MOTO_PORT/" && break
  sleep 0.5
done

create() {
  aws --endpoint-url "http://127.0.0.1:$1" lambda create-function --function-name bench --runtime java17 \
      --handler com.example.hello.HelloHandler::handleRequest --role arn:aws:iam::123456789012:role/bench \
      --zip-file "fileb://$ZIP" > /dev/null
}
create $EMU_PORT
aws --endpoint-url "http://127.0.0.1:$MOTO_PORT" iam create-role --role-name bench --assume-role-policy-document '{}' > /dev/null
create $MOTO_PORT

AUTH="Authorization: AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=$(printf '0%.0s' {1..64})"
measure() {
  local url="http://127.0.0.1:$1/2015-03-31/functions/bench"
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" "$url")" = 200 ] || { echo "GetFunction failed on port $1" >&2; exit 1; }
  "${LOAD_CPU[@]}" wrk -t2 -c16 -d3s -H "$AUTH" "$url" > /dev/null
  "${LOAD_CPU[@]}" wrk -t2 -c16 -d10s --latency -H "$AUTH" "$url"
}
E=$(measure $EMU_PORT)
M=$(measure $MOTO_PORT)
rps() { echo "$1" | awk '/Requests\/sec/ {print $2}'; }
pct() { echo "$1" | awk -v p="$2" '$1 == p {print $2}'; }
printf 'emulator GetFunction: %8.0f requests/s  p50 %s  p99 %s\n' "$(rps "$E")" "$(pct "$E" 50%)" "$(pct "$E" 99%)"
printf 'moto_server (baseline): %6.0f requests/s  p50 %s  p99 %s\n' "$(rps "$M")" "$(pct "$M" 50%)" "$(pct "$M" 99%)"
awk -v e="$(rps "$E")" -v m="$(rps "$M")" 'BEGIN {printf "ratio: %.1fx (target >= 20x)\n", e / m}'

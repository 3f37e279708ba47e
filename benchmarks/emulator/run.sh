#!/usr/bin/env bash
# The emulator's front door: GetFunction requests per second against nginx serving the same JSON body as a
# static file (the box's limit for an HTTP answer), with moto_server beside them, all in the same run.
#
#   ./mvnw -B package -DskipTests -Dinvoker.skip && benchmarks/emulator/run.sh
#
# For each server, unpinned (server and wrk share both cores) and pinned (server on CPU 0, wrk on CPU 1): start
# the server (the emulator on a copy of a state that holds the function; moto, in memory, has it created within
# its window), then wrk 2 threads x 16 connections for 3 s of warm-up and 5 s measured, so the measured window
# ends within 10 s of the start (the target: at least half of nginx's rate, within 10 s of
# start). ROUNDS=3 (default 1) repeats the whole set and prints the median. The emulator is the runnable jar
# (its in-process start is in start.sh); requests carry a Lambda-scoped Authorization header (the emulator
# refuses unsigned requests and checks the signature's form, not its value; moto routes unsigned ones to S3).
#
# Needs wrk and nginx (apt-get install wrk nginx), moto_server and the AWS CLI. Timings on a shared machine are
# noisy: compare the ratios of one run, not runs of different days.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=$(mktemp -d)
PORT=19191
ROUNDS=${ROUNDS:-1}
JAR=$(ls "$ROOT"/plugin/target/lambda-maven-plugin-*-emulator.jar 2>/dev/null | head -1)
[ -n "$JAR" ] || { echo "no emulator jar: ./mvnw -B package -DskipTests -Dinvoker.skip first" >&2; exit 1; }
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_DEFAULT_REGION=us-east-1
cleanup() { stop; rm -rf "$WORK"; }
stop() {
  [ -n "${PID:-}" ] || return 0
  kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true; rm -f "$WORK/nginx.pid"
}
trap cleanup EXIT

(cd examples/hello-function && "$ROOT/mvnw" -B -q package -Dinvoker.skip >/dev/null)
ZIP=$ROOT/examples/hello-function/target/hello-function-1.0.0-SNAPSHOT-lambda.zip
AUTH="Authorization: AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=$(printf '0%.0s' {1..64})"
URL="http://127.0.0.1:$PORT/2015-03-31/functions/bench"

create() {
  aws --endpoint-url "http://127.0.0.1:$PORT" lambda create-function --function-name bench --runtime java17 \
      --handler com.example.hello.HelloHandler::handleRequest --role arn:aws:iam::123456789012:role/bench \
      --zip-file "fileb://$ZIP" > /dev/null
}
wait_up() { for _ in $(seq 500); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && return 0; sleep 0.02; done; return 1; }

# start_<server> CPU-PREFIX...: starts it on $PORT, ready for GetFunction bench
start_emulator() { # on a copy of the seed state, which holds the function: only the server's start is timed
  local home="$WORK/state-$RANDOM"
  cp -r "$WORK/seed" "$home"
  "$@" java -jar "$JAR" --port $PORT --home "$home" > "$WORK/emulator.log" 2>&1 & PID=$!
  wait_up
}
start_moto() {
  "$@" moto_server -p $PORT > "$WORK/moto.log" 2>&1 & PID=$!
  wait_up
  aws --endpoint-url "http://127.0.0.1:$PORT" iam create-role --role-name bench --assume-role-policy-document '{}' > /dev/null
  create
}
start_nginx() {
  mkdir -p "$WORK/html/2015-03-31/functions" "$WORK/logs"
  cp "$WORK/body.json" "$WORK/html/2015-03-31/functions/bench"
  chmod a+rX "$WORK" && chmod -R a+rX "$WORK/html" # nginx's workers may run as another user
  cat > "$WORK/nginx.conf" <<EOF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/logs; proxy_temp_path $WORK/logs; fastcgi_temp_path $WORK/logs;
  uwsgi_temp_path $WORK/logs; scgi_temp_path $WORK/logs;
  default_type application/json;
  server { listen 127.0.0.1:$PORT; root $WORK/html; location / { } }
}
EOF
  "$@" nginx -p "$WORK" -c "$WORK/nginx.conf" -g 'daemon off;' & PID=$!
  wait_up
}

# measure SERVER PIN: requests/s of the 5 s window after 3 s of warm-up
measure() {
  local server=$1 pin=$2 serve=() load=()
  if [ "$pin" = pinned ]; then serve=(taskset -c 0); load=(taskset -c 1); fi
  local started; started=$(date +%s%3N)
  "start_$server" "${serve[@]}"
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" "$URL")" = 200 ] || { echo "GetFunction failed on $server" >&2; exit 1; }
  "${load[@]}" wrk -t2 -c16 -d3s -H "$AUTH" "$URL" > /dev/null
  local out; out=$("${load[@]}" wrk -t2 -c16 -d5s --latency -H "$AUTH" "$URL")
  local ended; ended=$(date +%s%3N)
  stop
  echo "$out" | awk -v s=$(( ended - started )) '/Requests\/sec/ {r=$2} $1 == "50%" {p50=$2} $1 == "99%" {p99=$2} END {print r, p50, p99, s / 1000}'
}

# the seed state holds the function, and the emulator's own GetFunction answer is nginx's static body
java -jar "$JAR" --port $PORT --home "$WORK/seed" > "$WORK/emulator.log" 2>&1 & PID=$!
wait_up; create
curl -s -H "$AUTH" "$URL" > "$WORK/body.json"
stop
echo "body: $(wc -c < "$WORK/body.json") bytes (the emulator's GetFunction answer)"

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for pin in unpinned pinned; do
  for server in nginx emulator moto; do : > "$WORK/$server-$pin"; done
  for _ in $(seq "$ROUNDS"); do
    for server in nginx emulator moto; do measure $server $pin >> "$WORK/$server-$pin"; done
  done
  for server in nginx emulator moto; do
    printf '%-8s %-8s %9.0f requests/s  p50 %-8s p99 %-8s (window ended %.1f s after start)\n' "$server" "$pin" \
        "$(cut -d' ' -f1 "$WORK/$server-$pin" | median)" $(tail -1 "$WORK/$server-$pin" | cut -d' ' -f2-4)
  done
  awk -v e="$(cut -d' ' -f1 "$WORK/emulator-$pin" | median)" -v n="$(cut -d' ' -f1 "$WORK/nginx-$pin" | median)" \
      -v m="$(cut -d' ' -f1 "$WORK/moto-$pin" | median)" \
      -v p=$pin 'BEGIN {printf "%s: emulator/nginx %.2f (target >= 0.5), emulator/moto %.1fx\n", p, e / n, e / m}'
done

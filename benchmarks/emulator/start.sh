#!/usr/bin/env bash
# Emulator start time, 5 runs each on a new state directory:
#  - in-process: what `lambda:emulator` logs as "started in N ms" (Emulator.start inside the Maven JVM, the
#    same start a build's embedded emulator makes);
#  - process launch to first answered request, `mvn lambda:emulator` (Maven's own start-up included) against
#    `moto_server` launched beside it as the baseline.
#
#   ./mvnw install -DskipTests -Dinvoker.skip && benchmarks/emulator/start.sh
#
# Needs moto_server (pip install 'moto[server]') and curl.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=$(mktemp -d)
PORT=19193
RUNS=${RUNS:-5}
cleanup() { kill "${PID:-}" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

now_ms() { date +%s%3N; }
# launches "$@" in the background and prints the milliseconds until http://127.0.0.1:$PORT/ answers
first_answer_ms() {
  local start; start=$(now_ms)
  "$@" > "$WORK/server.log" 2>&1 &
  PID=$!
  until curl -s -o /dev/null "http://127.0.0.1:$PORT/"; do sleep 0.01; done
  echo $(( $(now_ms) - start ))
  kill "$PID"; wait "$PID" 2>/dev/null || true
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for i in $(seq "$RUNS"); do
  first_answer_ms "$ROOT/mvnw" -B -o dev.lambdamaven:lambda-maven-plugin:0.1.0-SNAPSHOT:emulator \
      -Dlambda.emulator.port=$PORT -Dlambda.emulator.home="$WORK/state-$i" >> "$WORK/emulator.ms"
  grep -o 'started in [0-9]* ms' "$WORK/server.log" | awk '{print $3}' >> "$WORK/in-process.ms"
  first_answer_ms moto_server -p $PORT >> "$WORK/moto.ms"
done
E=$(median < "$WORK/emulator.ms"); M=$(median < "$WORK/moto.ms"); P=$(median < "$WORK/in-process.ms")
printf 'emulator start in process (Emulator.start in Maven), median of %d: %5d ms   (target < 500 ms)\n' "$RUNS" "$P"
printf 'mvn lambda:emulator, launch to first answer:          %5d ms\n' "$E"
printf 'moto_server (baseline), launch to first answer:       %5d ms\n' "$M"
awk -v e="$E" -v m="$M" 'BEGIN {printf "ratio mvn lambda:emulator / moto_server: %.2f\n", e / m}'

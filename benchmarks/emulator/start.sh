#!/usr/bin/env bash
# Emulator start time, 5 runs each on a new state directory:
#  - in-process: what `lambda:emulator` logs as "started in N ms" (Emulator.start inside the Maven JVM, the
#    same start a build's embedded emulator makes);
#  - process launch to first answered request: the runnable emulator jar (`java -jar ...-emulator.jar`) and
#    `mvn lambda:emulator` (Maven's own start-up included), against `moto_server` launched beside them as the
#    baseline (target: the jar answers sooner than moto_server).
#
#   ./mvnw install -DskipTests -Dinvoker.skip && benchmarks/emulator/start.sh
#   (or ./mvnw package -DskipTests -Dinvoker.skip, and SKIP_MVN=1 to leave out the Maven goal, which needs install;
#   JAR_OPTS='-XX:TieredStopAtLevel=1 -XX:+UseSerialGC' measures the jar with those JVM options)
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

VERSION=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
JAR="$ROOT/plugin/target/lambda-maven-plugin-$VERSION-emulator.jar"
[ -f "$JAR" ] || { echo "no $JAR: run ./mvnw package -DskipTests -Dinvoker.skip first" >&2; exit 1; }

for i in $(seq "$RUNS"); do
  # a state directory of its own for each launch: the first start on a directory is the slower one
  # shellcheck disable=SC2086 # JAR_OPTS is a list of JVM options
  first_answer_ms java ${JAR_OPTS:-} -jar "$JAR" --port $PORT --home "$WORK/jar-$i" >> "$WORK/jar.ms"
  if [ -z "${SKIP_MVN:-}" ]; then
    # outside any project, as a CI step or a developer starting it by hand would
    first_answer_ms env -C "$WORK" "$ROOT/mvnw" -B -o dev.lambdamaven:lambda-maven-plugin:$VERSION:emulator \
        -Dlambda.emulator.port=$PORT -Dlambda.emulator.home="$WORK/state-$i" >> "$WORK/emulator.ms"
    grep -o 'started in [0-9]* ms' "$WORK/server.log" | awk '{print $3}' >> "$WORK/in-process.ms"
  fi
  first_answer_ms moto_server -p $PORT >> "$WORK/moto.ms"
done
J=$(median < "$WORK/jar.ms"); M=$(median < "$WORK/moto.ms")
if [ -z "${SKIP_MVN:-}" ]; then
  E=$(median < "$WORK/emulator.ms"); P=$(median < "$WORK/in-process.ms")
  printf 'emulator start in process (Emulator.start in Maven), median of %d: %5d ms   (target < 500 ms)\n' "$RUNS" "$P"
  printf 'mvn lambda:emulator, launch to first answer:          %5d ms\n' "$E"
fi
printf 'java %s-jar ...-emulator.jar, launch to first answer:   %5d ms\n' "${JAR_OPTS:+$JAR_OPTS }" "$J"
printf 'moto_server (baseline), launch to first answer:       %5d ms\n' "$M"
awk -v j="$J" -v m="$M" 'BEGIN {printf "ratio emulator jar / moto_server: %.2f (target < 1)\n", j / m}'
if [ -z "${SKIP_MVN:-}" ]; then
  awk -v e="$E" -v m="$M" 'BEGIN {printf "ratio mvn lambda:emulator / moto_server: %.2f\n", e / m}'
fi

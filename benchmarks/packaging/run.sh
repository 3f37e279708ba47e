#!/usr/bin/env bash
# Packaging benchmark: lambda:package-function on a handler with about 48 MB of dependency jars, each run in a
# fresh Maven JVM as in a real build (the goal's time includes what Maven does to load the plugin the first time),
# against the baseline measured in the same run and interleaved with it: `zip -0` (store only, like the jars in
# a Lambda zip) of the same files in the same layout.
#
#   benchmarks/packaging/run.sh             # 5 runs; SKIP_BUILD=1 reuses target/lambda-maven-plugin-*.jar
#
# A goal's time is the gap between its start line and the next goal's start line in the timestamped log.
# Targets (docs/packaging.md): the goal within 2x zip -0 when it writes the zip, ~0 when the zip is up to date.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../plugin-repo.sh"
RUNS=${RUNS:-5}
cd "$HERE"
MAVEN=("$MVN" -B -o "${REPO_ARGS[@]}")
"${MAVEN[@]}" -q dependency:resolve -DincludeScope=runtime >/dev/null 2>&1 \
  || "$MVN" -B -q "${REPO_ARGS[@]}" dependency:resolve -DincludeScope=runtime >/dev/null # first run: download
"${MAVEN[@]}" -q compile >/dev/null

# the same files, in the same layout, for zip -0
STAGE=target/zip-stage
rm -rf "$STAGE" && mkdir -p "$STAGE/lib"
cp -R target/classes/. "$STAGE/"
"${MAVEN[@]}" -q dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$PWD/$STAGE/lib" >/dev/null

ms_between() { # two HH:MM:SS.mmm stamps
  awk -v a="$1" -v b="$2" 'BEGIN { split(a, x, /[:.]/); split(b, y, /[:.]/);
    print ((y[1] - x[1]) * 3600 + (y[2] - x[2]) * 60 + (y[3] - x[3])) * 1000 + (y[4] - x[4]) }'
}
goal_ms() { # $1: the goal to time, then the goals of one fresh Maven JVM; prints the goal's time
  local timed=$1; shift
  "${MAVEN[@]}" -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS \
    "$@" > target/bench.log 2>&1 || { tail -30 target/bench.log; exit 1; }
  local from to
  from=$(grep -n -m1 -- "--- lambda:.*:$timed" target/bench.log | cut -d: -f1)
  to=$(tail -n +"$((from + 1))" target/bench.log | grep -m1 -E -- '--- |BUILD SUCCESS' | cut -c1-12)
  ms_between "$(sed -n "${from}p" target/bench.log | cut -c1-12)" "$to"
}
zip_ms() {
  local start end
  rm -f target/zip0.zip
  start=$(date +%s%N)
  (cd "$STAGE" && zip -q -0 -r -X ../zip0.zip .)
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

zips=() fresh=() current=() loaded=() plugin=()
for r in $(seq 1 "$RUNS"); do
  zips+=("$(zip_ms)")
  rm -rf target/lambda target/*-lambda.zip
  fresh+=("$(goal_ms package-function lambda:package-function)")
  grep -q 'Function zip .* is up to date' target/bench.log && { echo "the first run found the zip up to date" >&2; exit 1; }
  current+=("$(goal_ms package-function lambda:package-function)")
  grep -q 'Function zip .* is up to date' target/bench.log || { echo "the second run rewrote the zip" >&2; exit 1; }
  # what Maven spends loading and configuring the goal: the same goal, skipped
  plugin+=("$(goal_ms package-function lambda:package-function -Dlambda.package-function.skip)")
  loaded+=("$(goal_ms package-function lambda:help lambda:package-function)")
done
Z=$(median "${zips[@]}") F=$(median "${fresh[@]}") U=$(median "${current[@]}")
P=$(median "${plugin[@]}") L=$(median "${loaded[@]}")
echo "packaging benchmark: median of $RUNS runs, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'zip -0 of the same files (baseline):    %5d ms\n' "$Z"
printf 'package-function, writing the zip:      %5d ms   ratio %.2f (target <= 2)\n' "$F" "$(echo "$F / $Z" | bc -l)"
printf 'package-function, zip up to date:       %5d ms   ratio %.2f (target ~0)\n' "$U" "$(echo "$U / $Z" | bc -l)"
printf '  of which Maven loading the plugin:     %5d ms   (the goal skipped: -Dlambda.package-function.skip)\n' "$P"
printf '  up to date, plugin already loaded:     %5d ms   ratio %.2f (after lambda:help in the same JVM)\n' "$L" \
  "$(echo "$L / $Z" | bc -l)"
echo "input: $(du -sm "$STAGE/lib" | cut -f1) MB of runtime jars; zips: package-function $(stat -c %s target/packaging-bench-1.0-lambda.zip) B, zip -0 $(stat -c %s target/zip0.zip) B"

#!/usr/bin/env bash
# Packaging benchmark: lambda:package-function against maven-assembly-plugin (the baseline) on the same
# input (a handler with about 45 MB of dependency jars) and the same layout, in the same Maven JVM.
#
#   ./mvnw install -DskipTests -Dinvoker.skip && benchmarks/packaging/run.sh
#
# One Maven invocation runs, after a warm-up of each, five fresh package-function runs interleaved with
# five assembly:single runs, then the five package-function runs again (now up to date). Each goal's time
# is the gap between its start line and the next goal's start line in the timestamped log.
set -euo pipefail
cd "$(dirname "$0")"
MVN=../../mvnw
$MVN -B -q dependency:resolve -DincludeScope=runtime >/dev/null
$MVN -B -q compile >/dev/null
rm -rf target/lambda target/*.zip

goals=(lambda:package-function@warm assembly:single)
for r in 1 2 3 4 5; do goals+=(lambda:package-function@r$r assembly:single); done
for r in 1 2 3 4 5; do goals+=(lambda:package-function@r$r); done
goals+=(lambda:help)

$MVN -B -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS \
  "${goals[@]}" > target/bench.log || { tail -30 target/bench.log; exit 1; }

awk '
  / --- / && /@ packaging-bench ---/ {
    split($1, t, /[:.]/); now = ((t[1] * 60 + t[2]) * 60 + t[3]) * 1000 + t[4]
    if (name != "") { d = now - start; times[name, ++count[name]] = d }
    name = ($0 ~ /assembly:/) ? "assembly" : ($0 ~ /package-function \(warm\)/) ? "warm" : ($0 ~ /package-function/) ? "lambda" : ""
    start = now
  }
  function median(key, from, to,    a, n, i, j, x) {
    n = 0; for (i = from; i <= to; i++) a[++n] = times[key, i]
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { x = a[i]; a[i] = a[j]; a[j] = x }
    return a[int((n + 1) / 2)]
  }
  END {
    A = median("assembly", 2, 6); L = median("lambda", 1, 5); U = median("lambda", 6, 10)
    printf "maven-assembly-plugin (baseline): %5d ms (median of 5)\n", A
    printf "package-function:                 %5d ms   ratio %.2f (target <= 0.25)\n", L, L / A
    printf "package-function, up to date:     %5d ms   ratio %.2f (target ~0)\n", U, U / A
  }' target/bench.log
lib=$(unzip -l target/packaging-bench-1.0-r1.zip 'lib/*' | tail -1 | awk '{print $1}')
echo "input: $((lib / 1024 / 1024)) MB of runtime jars; zips: package-function $(stat -c %s target/packaging-bench-1.0-r1.zip) B, assembly $(stat -c %s target/packaging-bench-1.0-assembly.zip) B"

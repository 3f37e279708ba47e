#!/usr/bin/env bash
# lambda:dev change-to-live time: from saving a source file to the first invoke that answers with the new code,
# for a small Java function, measured from outside (a signed Invoke through curl, polled every 20 ms). The
# baseline, in the same run: the same change through the fast loop without lambda:dev (docs/invoke.md): a
# background emulator from lambda:emulator-start, then `mvn -o package lambda:publish-version` per change.
# Both include the new code's cold start (a new execution environment, as on AWS after a code update).
#
#   ./mvnw install -DskipTests -Dinvoker.skip && benchmarks/dev/run.sh
#   (without install: after ./mvnw verify, LOCAL_REPO=plugin/target/local-repo uses the ITs' local repository)
#
# Needs curl 7.75+ (--aws-sigv4).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
RUNS=${RUNS:-5}
WORK=$(mktemp -d)
VERSION=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
MVN=("$ROOT/mvnw" -B -o)
if [ -n "${LOCAL_REPO:-}" ]; then
  REPO=$(cd "$LOCAL_REPO" && pwd)
  sed "s|@localRepositoryUrl@|file://$REPO|" it/settings.xml > "$WORK/settings.xml"
  MVN+=(-s "$WORK/settings.xml" -Dmaven.repo.local="$REPO")
fi
DEV_PID=
cleanup() {
  [ -n "$DEV_PID" ] && kill "$DEV_PID" 2>/dev/null && wait "$DEV_PID" 2>/dev/null
  "${MVN[@]}" -f "$WORK/fn/pom.xml" lambda:emulator-stop > /dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

mkdir -p "$WORK/fn/src/main/java/bench"
cat > "$WORK/fn/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>bench-fn</artifactId>
  <version>1.0</version>
  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <maven.compiler.release>17</maven.compiler.release>
    <lambda.emulator.home>$WORK/state</lambda.emulator.home>
  </properties>
  <dependencies>
    <dependency><groupId>com.amazonaws</groupId><artifactId>aws-lambda-java-core</artifactId><version>1.4.0</version></dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>dev.lambdamaven</groupId>
        <artifactId>lambda-maven-plugin</artifactId>
        <version>$VERSION</version>
        <configuration>
          <handler>bench.Word::handleRequest</handler>
          <emulatorHome>$WORK/state</emulatorHome>
          <home>$WORK/state</home>
        </configuration>
        <executions><execution><goals><goal>package-function</goal></goals></execution></executions>
      </plugin>
    </plugins>
  </build>
</project>
POM
SRC="$WORK/fn/src/main/java/bench/Word.java"
write_word() {
  cat > "$SRC.tmp" <<JAVA
package bench;
public class Word implements com.amazonaws.services.lambda.runtime.RequestHandler<Object, String> {
    public String handleRequest(Object event, com.amazonaws.services.lambda.runtime.Context context) { return "$1"; }
}
JAVA
  mv "$SRC.tmp" "$SRC" # one write, as an editor's save
}
now_ms() { date +%s%3N; }
endpoint() { sed -n 's/.*"endpoint":"\([^"]*\)".*/\1/p' "$WORK/state/endpoint.json"; }
invoke() {
  curl -s --aws-sigv4 "aws:amz:us-east-1:lambda" --user test:test -X POST -d '{}' \
      "$(endpoint)/2015-03-31/functions/bench-fn/invocations" || true
}
# prints the milliseconds from now until an invoke answers "$1"
await_answer() {
  local start=$1
  until [ "$(invoke)" = "\"$2\"" ]; do sleep 0.02; done
  echo $(( $(now_ms) - start ))
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# lambda:dev
write_word v0
"${MVN[@]}" -q -f "$WORK/fn/pom.xml" package > /dev/null
"${MVN[@]}" -f "$WORK/fn/pom.xml" lambda:dev > "$WORK/dev.log" 2>&1 &
DEV_PID=$!
until grep -q 'Watching for changes' "$WORK/dev.log"; do
  kill -0 "$DEV_PID" 2>/dev/null || { cat "$WORK/dev.log"; exit 1; }
  sleep 0.05
done
await_answer "$(now_ms)" v0 > /dev/null
for i in $(seq "$RUNS"); do
  t=$(now_ms); write_word "dev$i"; await_answer "$t" "dev$i" >> "$WORK/dev.ms"
done
kill "$DEV_PID"; wait "$DEV_PID" 2>/dev/null || true; DEV_PID=

# baseline: background emulator + mvn package lambda:publish-version per change
"${MVN[@]}" -q -f "$WORK/fn/pom.xml" lambda:emulator-start -Dlambda.emulator.port=0 > /dev/null
for i in $(seq "$RUNS"); do
  t=$(now_ms); write_word "mvn$i"
  "${MVN[@]}" -q -f "$WORK/fn/pom.xml" package lambda:publish-version > /dev/null
  await_answer "$t" "mvn$i" >> "$WORK/mvn.ms"
done

D=$(median < "$WORK/dev.ms"); B=$(median < "$WORK/mvn.ms")
grep -o 'Live (Word.java): .*' "$WORK/dev.log" | sed 's/^/  lambda:dev log: /' | tail -n "$RUNS"
printf 'lambda:dev, save to new answer, median of %d:                        %5d ms   (target: about 1 s)\n' "$RUNS" "$D"
printf 'baseline: mvn -o package lambda:publish-version on a warm emulator:  %5d ms\n' "$B"
awk -v d="$D" -v b="$B" 'BEGIN {printf "ratio lambda:dev / baseline: %.2f\n", d / b}'

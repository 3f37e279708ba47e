#!/usr/bin/env bash
# Sourced by the benchmarks: builds the plugin (unless SKIP_BUILD=1) and installs it into a local repository of
# its own, benchmarks/target/repo, whose tail is the user's ~/.m2/repository (read only). Nothing is written to
# ~/.m2. Sets MVN (the project's wrapper) and REPO_ARGS (to pass to every Maven run of a benchmark).
set -euo pipefail
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_ROOT="$(dirname "$BENCH_ROOT")"
MVN="$PROJECT_ROOT/mvnw"
BENCH_REPO="$BENCH_ROOT/target/repo"
REPO_ARGS=(-Dmaven.repo.local="$BENCH_REPO" -Dmaven.repo.local.tail="${MAVEN_REPO_TAIL:-$HOME/.m2/repository}")
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  (cd "$PROJECT_ROOT" && "$MVN" -B -o -q package -DskipTests -Dinvoker.skip)
fi
plugin_jar=$(ls "$PROJECT_ROOT"/plugin/target/lambda-maven-plugin-*.jar | grep -E '/lambda-maven-plugin-[0-9.]+(-SNAPSHOT)?\.jar$' | head -1)
# the plugin jar (shaded: one artifact) with the pom it is published with, and that pom's parent
(cd "$PROJECT_ROOT" && "$MVN" -B -o -q -N install:install-file -Dfile=pom.xml -DpomFile=pom.xml -Dpackaging=pom \
  -DlocalRepositoryPath="$BENCH_REPO")
(cd "$PROJECT_ROOT" && "$MVN" -B -o -q -N install:install-file -Dfile="$plugin_jar" \
  -DpomFile=plugin/target/dependency-reduced-pom.xml -DlocalRepositoryPath="$BENCH_REPO")

#!/usr/bin/env bash
# Builds the benchmark jar and runs every Warden benchmark, then writes BENCHMARKS.md at the repository root.
#
#   bash benchmarks/run.sh            # the documented run: about 15 to 20 minutes on 2 cores
#   bash benchmarks/run.sh --quick    # a smoke run of the same code, a few minutes; its figures mean nothing
#   bash benchmarks/run.sh --help     # the options, passed on to the benchmark jar
#   bash benchmarks/run.sh --jpa-spring [--quick|--help|...]
#                                     # only items 8 and 9 (JPA, Spring Data, the Spring Security bridge, a few
#                                     # minutes): rewrites their section of BENCHMARKS.md and nothing else; the
#                                     # full run keeps that section
#
# Not part of `mvn verify`: that only builds this module and runs its sanity tests.
set -euo pipefail
cd "$(dirname "$0")/.."

main="-jar benchmarks/target/warden-benchmarks.jar"
modules="annotations runtime processor benchmarks pom.xml"
if [[ "${1:-}" == "--jpa-spring" ]]; then
  shift
  main="-cp benchmarks/target/warden-benchmarks.jar dev.warden.benchmarks.JpaSpringReport"
  modules="annotations runtime processor jpa spring benchmarks pom.xml"
  command_prefix="bash benchmarks/run.sh --jpa-spring"
else
  command_prefix="bash benchmarks/run.sh"
fi

if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then
  if [[ -f benchmarks/target/warden-benchmarks.jar ]]; then
    exec java $main --help
  fi
fi

# Build the benchmark module and what it needs (annotations, runtime, processor, jpa, spring); run no module's
# tests. -DskipTests, not -Dmaven.test.skip: warden-jpa's build needs the processor's test jar.
mvn -B -q -pl benchmarks -am package -DskipTests

command="$command_prefix${*:+ $*}"
revision="unknown"
if git rev-parse --short HEAD >/dev/null 2>&1; then
  revision="commit $(git rev-parse --short HEAD)"
  # shellcheck disable=SC2086
  changed="$(git status --porcelain --untracked-files=no -- $modules | wc -l)"
  if [[ "$changed" != "0" ]]; then
    revision="$revision, with uncommitted changes in $changed file(s) of the modules it builds"
  fi
fi
# shellcheck disable=SC2086
exec java $main --command "$command" --revision "$revision" "$@"

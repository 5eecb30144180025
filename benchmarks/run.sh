#!/usr/bin/env bash
# Builds the benchmark jar and runs every Warden benchmark, then writes BENCHMARKS.md at the repository root.
#
#   bash benchmarks/run.sh            # the documented run: about 15 to 20 minutes on 2 cores
#   bash benchmarks/run.sh --quick    # a smoke run of the same code, a few minutes; its figures mean nothing
#   bash benchmarks/run.sh --help     # the options, passed on to the benchmark jar
#
# Not part of `mvn verify`: that only builds this module and runs its sanity tests.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then
  if [[ -f benchmarks/target/warden-benchmarks.jar ]]; then
    exec java -jar benchmarks/target/warden-benchmarks.jar --help
  fi
fi

# Build the benchmark module and what it needs (annotations, runtime, processor); skip every module's tests.
mvn -B -q -pl benchmarks -am package -Dmaven.test.skip=true

command="bash benchmarks/run.sh${*:+ $*}"
revision="unknown"
if git rev-parse --short HEAD >/dev/null 2>&1; then
  revision="commit $(git rev-parse --short HEAD)"
  changed="$(git status --porcelain --untracked-files=no -- annotations runtime processor benchmarks pom.xml | wc -l)"
  if [[ "$changed" != "0" ]]; then
    revision="$revision, with uncommitted changes in $changed file(s) of the modules it builds"
  fi
fi
exec java -jar benchmarks/target/warden-benchmarks.jar --command "$command" --revision "$revision" "$@"

#!/usr/bin/env bash
# Builds the solution and runs the whole test suite (unit and distributed tests against real
# RabbitMQ and Redis processes). Ends with a line "N passed, N failed"; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

echo "test: building…"
if ! dotnet build Mensageria.sln -nologo -v quiet -clp:ErrorsOnly; then
  echo "test: the build failed; see the errors above." >&2
  exit 1
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
echo "test: running the tests (each distributed test class starts the app: RabbitMQ, Redis and the services)…"
dotnet test --project Mensageria.Tests --no-build --output Detailed --results-directory "$results" 2>&1 | tee "$results/output.txt"
status=${PIPESTATUS[0]}

# Microsoft.Testing.Platform's summary: lines "  total: N", "  failed: N", "  succeeded: N".
count() { grep -E "^\s+$1: [0-9]+\s*$" "$results/output.txt" | tail -n 1 | grep -Eo '[0-9]+'; }
passed=$(count succeeded)
failed=$(count failed)
if [ -z "$passed" ] || [ -z "$failed" ]; then
  echo "test: the test run printed no summary (exit code $status); see the output above." >&2
  exit 1
fi
# The app's own console output can follow a failure by thousands of lines: repeat each failed test's
# name and first lines of its message here, so that the end of the output says what failed.
if [ "$failed" -ne 0 ]; then
  echo "test: the failed tests, with the start of what each said:"
  awk '/^(passed|failed|skipped) / { inside = /^failed /; if (inside) block++ } inside && shown[block]++ < 25' "$results/output.txt"
fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]

#!/usr/bin/env bash
# The crash matrix: RabbitMQ, Redis, the API, a worker and the app host itself, each killed with
# SIGKILL while orders arrive at a steady rate, then started again through Aspire; and one node of a
# three-node RabbitMQ cluster, twice (the API's node, the queue leader's). Prints the tables
# of docs/reliability.md from this machine's run; exits non-zero if any case lost or repeated anything.
# Needs what ./eng/setup.sh installs.
set -uo pipefail
cd "$(dirname "$0")/.."

echo "chaos: building…"
if ! dotnet build Mensageria.sln -nologo -v quiet -clp:ErrorsOnly; then
  echo "chaos: the build failed; see the errors above." >&2
  exit 1
fi

tests=Mensageria.Tests/bin/Debug/net10.0
rm -rf "$tests/reliability"
echo "chaos: seven crashes under load, one after another (about five minutes)…"
(cd "$tests" && ./Mensageria.Tests -namespace Mensageria.Tests.Reliability)
status=$?

echo
echo "| Fault | Placed | Accepted (202) | Refused (503 + Retry-After) | Unanswered, settled by retry | Completed | Rejected | Lost | Duplicated | Accepting again after the kill |"
echo "|---|---|---|---|---|---|---|---|---|---|"
cat "$tests"/reliability/*.md 2>/dev/null
cat "$tests"/reliability/*.note.txt 2>/dev/null
if [ "$status" -ne 0 ]; then
  echo "chaos: a case failed (exit code $status); its message is above." >&2
fi
exit "$status"

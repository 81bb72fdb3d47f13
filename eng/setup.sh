#!/usr/bin/env bash
# Installs what Mensageria needs on a fresh Debian or Ubuntu machine, once: RabbitMQ and Redis
# (run by the app host as private processes) and Chromium (for the browser tests). Works as root
# and as a normal user with sudo. Checks for the .NET 10 SDK, which it cannot install from apt.
set -euo pipefail

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]} (Debian packages)…"
  sudo_if_needed apt-get update -qq
  # Ubuntu ships Chromium only as a snap, not as the `chromium` package: install what apt has.
  if [[ " ${missing[*]} " == *" chromium "* ]] && ! apt-cache show chromium >/dev/null 2>&1; then
    missing=("${missing[@]/chromium/}")
    echo "setup: warning: apt has no 'chromium' package here; the browser tests need /usr/bin/chromium." >&2
  fi
  # Installing rabbitmq-server or redis-server may start their system services where systemd runs;
  # Mensageria does not use them: it runs its own private servers on free ports.
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${missing[*]} >/dev/null
  echo "setup: installed ${missing[*]}"
else
  echo "setup: rabbitmq-server, redis-server and chromium are installed"
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET SDK is missing. Install the .NET 10 SDK (Microsoft's packages or dotnet-install.sh), then run this again." >&2
  exit 1
fi
# Asked from / so that this repository's global.json cannot turn an old SDK into a confusing error.
sdk_version=$(cd / && dotnet --version)
if [ "${sdk_version%%.*}" -lt 10 ]; then
  echo "setup: found .NET SDK $sdk_version; Mensageria needs the .NET 10 SDK or later." >&2
  exit 1
fi
echo "setup: .NET SDK $sdk_version"

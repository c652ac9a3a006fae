#!/usr/bin/env bash
# Lints the OpenAPI document the app serves (/openapi/v1.json) with the pinned Redocly CLI of package-lock.json.
#   tools/openapi-lint/lint.sh [path/to/ReferralPortal.Web.dll]
# Installs Node.js and npm with apt-get when missing, installs the linter into tools/openapi-lint/node_modules
# (npm ci: exactly the lockfile), starts the built app on a throw-away SQLite file, fetches the document and lints
# it. Exit status: the linter's (non-zero on any error), or 2 when the document could not be produced.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dll="${1:-$root/src/ReferralPortal.Web/bin/Debug/net10.0/ReferralPortal.Web.dll}"

if ! command -v npm >/dev/null 2>&1; then
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm
fi
(cd "$here" && npm ci --ignore-scripts --no-audit --no-fund >/dev/null)

work=$(mktemp -d "${TMPDIR:-/tmp}/referralportal-openapi.XXXXXX")
port=$((20000 + RANDOM % 20000))
ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$port" \
  ConnectionStrings__Referrals="Data Source=$work/referrals.db" Seed__Demo=false Serilog__MinimumLevel__Default=Warning \
  Jobs__ReviewWindow__Enabled=false Email__OutboxEnabled=false \
  dotnet "$dll" >"$work/app.log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true; rm -rf "$work"' EXIT

# Wait for the app to answer (at most about a minute), then fetch the document.
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/openapi/v1.json" -o "$work/openapi.json" 2>/dev/null; then break; fi
  if ! kill -0 "$app" 2>/dev/null; then cat "$work/app.log" >&2; exit 2; fi
  sleep 0.5
done
[[ -s "$work/openapi.json" ]] || { echo "The app did not serve /openapi/v1.json." >&2; cat "$work/app.log" >&2; exit 2; }

cd "$here"
npx --no-install redocly lint --config "$here/redocly.yaml" "$work/openapi.json"

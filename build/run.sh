#!/usr/bin/env bash
# Starts CommunityWorkforce on http://127.0.0.1:5080 with the embedded SQLite database and demo data.
#   CW_URLS       listen address         (default http://127.0.0.1:5080)
#   CW_DATA       data folder            (default <repo>/data: database, signing key)
#   CW_SEED_DEMO  seed the demo street   (default true)
# Any further arguments go to the host as configuration, e.g. --Database:Provider=SqlServer.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
URLS=${CW_URLS:-http://127.0.0.1:5080}
DATA=${CW_DATA:-$ROOT/data}

if [ -f client/package.json ]; then
  if [ ! -d client/node_modules ] || [ client/package-lock.json -nt client/node_modules/.package-lock.json ]; then
    echo "==> Installing client packages"
    (cd client && npm ci --no-audit --no-fund)
  fi
  stamp=client/dist/index.html
  if [ ! -f "$stamp" ] || [ -n "$(find client/src client/index.html client/package.json client/vite.config.ts -newer "$stamp" 2>/dev/null | head -n 1)" ]; then
    echo "==> Building the client"
    (cd client && npm run build)
  fi
fi

# After the client: the API's build registers client/dist as its static web assets (docs/adr/0005-static-assets.md).
echo "==> Building the API (Release)"
dotnet build api/CommunityWorkforce.Api/CommunityWorkforce.Api.csproj -c Release -nologo -v quiet

cat <<MSG
==> CommunityWorkforce starts on ${URLS}
    Web app:  ${URLS}/            API docs: ${URLS}/swagger
    Health:   ${URLS}/health/ready
    Data:     ${DATA}
    Demo accounts (password Demo2026cw): admin, hr.linfen, leader.linfen, worker.demo
MSG
exec dotnet api/CommunityWorkforce.Api/bin/Release/net10.0/CommunityWorkforce.Api.dll \
  --urls "$URLS" --Data:Folder="$DATA" --Seed:Demo="${CW_SEED_DEMO:-true}" "$@"

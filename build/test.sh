#!/usr/bin/env bash
# Everything CI runs: build with warnings as errors, every NUnit suite, the client's type-check, unit tests and
# build, the API-types drift check, the OpenAPI lint, and the browser journeys against the real host on a fresh
# database. Ends with one line "N passed, N failed" and exits non-zero on any failure.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
OUT=$(mktemp -d)
PASSED=0
FAILED=0
STEP_FAILURES=()
FAILED_TESTS=()
HOST_PID=""

cleanup() {
  if [ -n "$HOST_PID" ]; then kill "$HOST_PID" 2>/dev/null; wait "$HOST_PID" 2>/dev/null; fi
}
trap cleanup EXIT

step_failed() { STEP_FAILURES+=("$1"); FAILED=$((FAILED + 1)); echo "!! step failed: $1"; }

finish() {
  echo
  if [ ${#STEP_FAILURES[@]} -gt 0 ]; then
    echo "Failed steps: ${STEP_FAILURES[*]}"
  fi
  # Repeated at the end, where a truncated log still shows them.
  if [ ${#FAILED_TESTS[@]} -gt 0 ]; then
    echo "Failed tests:"
    printf '  %s\n' "${FAILED_TESTS[@]}" | head -n 40
  fi
  echo "${PASSED} passed, ${FAILED} failed"
  [ "$FAILED" -eq 0 ]
  exit $?
}

CLIENT_BUILT=0
if [ -f client/package.json ]; then
  # The host's build registers client/dist as its static web assets (docs/adr/0005-static-assets.md): client first.
  echo "==> Client build (before the host, whose build takes client/dist in)"
  if (cd client && npm ci --no-audit --no-fund && npm run build); then
    CLIENT_BUILT=1
  else
    step_failed "client build"
  fi
fi

echo "==> dotnet build (warnings are errors)"
if ! dotnet build CommunityWorkforce.sln -c Release -nologo -v quiet -warnaserror; then
  step_failed "dotnet build"
  finish
fi

echo "==> NUnit suites (independent: each starts its own hosts on fresh databases; ${CW_TEST_PARALLEL:-2} at a time)"
run_suite() { # project
  local name
  name=$(basename "$1" .csproj)
  dotnet test "$1" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$OUT" >"$OUT/$name.log" 2>&1
}
SUITES=(tests/*.Tests/*.Tests.csproj)
# Largest first, so that the long suites do not start last.
mapfile -t SUITES < <(for project in "${SUITES[@]}"; do
  echo "$(grep -rl "\[Test\]\|\[TestCase" "$(dirname "$project")" --include=*.cs | xargs -r cat | wc -l) $project"
done | sort -rn | cut -d' ' -f2)
running=0
for project in "${SUITES[@]}"; do
  if [ "$running" -ge "${CW_TEST_PARALLEL:-2}" ]; then wait -n; running=$((running - 1)); fi
  run_suite "$project" &
  running=$((running + 1))
done
wait
for project in "${SUITES[@]}"; do
  name=$(basename "$project" .csproj)
  trx="$OUT/$name.trx"
  if [ ! -f "$trx" ]; then
    tail -n 40 "$OUT/$name.log"
    step_failed "$name (no results)"
    continue
  fi
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  PASSED=$((PASSED + ${p:-0}))
  FAILED=$((FAILED + ${f:-0} + ${e:-0}))
  echo "    $name: ${p:-0} passed, ${f:-0} failed"
  if [ "${f:-0}" -gt 0 ] || [ "${e:-0}" -gt 0 ]; then
    grep -E "^\s+(Failed|Error Message|Stack Trace)|^\s+at .*Tests" "$OUT/$name.log" | head -n 60 | sed 's/^/      /'
    # Each failed test with the first line of its message, for the summary at the end.
    mapfile -t -O "${#FAILED_TESTS[@]}" FAILED_TESTS < <(node -e '
      const x = require("fs").readFileSync(process.argv[1], "utf8");
      for (const m of x.matchAll(/<UnitTestResult [^>]*testName="([^"]*)"[^>]*outcome="(?:Failed|Error)"[^>]*>([\s\S]*?)<\/UnitTestResult>/g)) {
        const msg = (/<Message>([\s\S]*?)<\/Message>/.exec(m[2]) || ["", ""])[1].split("\n").find(l => l.trim()) || "";
        console.log(process.argv[2] + ": " + m[1] + " | " + msg.trim().slice(0, 300));
      }' "$trx" "$name" 2>/dev/null || echo "$name: see the log above")
  fi
  if [ "${p:-0}" -eq 0 ]; then step_failed "$name ran no test"; fi
  # The Trust suites report their sizes (matrix cells, hostile requests, crash outcomes): show them here.
  grep -oE "(authorisation matrix|anonymous matrix|role matrix|scope matrix|worker matrix|hostile input|hostile uploads|import crash|burst crash|concurrency)[^<&]*" "$trx" \
    | sort -u | sed 's/^/      /' || true
done

echo "==> Dependency vulnerability check (NuGet)"
dotnet list CommunityWorkforce.sln package --vulnerable --include-transitive >"$OUT/nuget-audit.txt" 2>&1 || true
# AutoMapper 14's advisory GHSA-rvv3-g6hj-g44x is accepted and guarded (docs/adr/0003-automapper-14.md).
high=$(grep -E "(High|Critical)" "$OUT/nuget-audit.txt" | grep -v "AutoMapper" || true)
if [ -n "$high" ]; then
  echo "$high"; step_failed "high-severity NuGet vulnerabilities"
elif grep -q "has the following vulnerable packages" "$OUT/nuget-audit.txt"; then
  grep -E "^\s+>" "$OUT/nuget-audit.txt" | sort -u | sed 's/^/    /'
else
  echo "    no vulnerable packages reported (this machine's NuGet feed may carry no vulnerability data)"
fi

if [ -f client/package.json ]; then
  echo "==> Client"
  if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    echo "    installing Debian's chromium"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || step_failed "apt-get install chromium"
  fi
  [ "$CLIENT_BUILT" -eq 1 ] || (cd client && npm ci --no-audit --no-fund) || step_failed "npm ci"
  (cd client && npm run typecheck) || step_failed "client typecheck"
  echo "    npm audit (production dependencies):"
  audit_json=$(cd client && npm audit --omit=dev --json 2>/dev/null || true)
  audit_high=$(node -e 'let d="";process.stdin.on("data",c=>d+=c).on("end",()=>{try{const v=JSON.parse(d).metadata?.vulnerabilities;console.log(v?String((v.high||0)+(v.critical||0)):"unavailable")}catch{console.log("unavailable")}})' <<<"$audit_json")
  case "$audit_high" in
    0) echo "    no high or critical advisories" ;;
    unavailable) echo "    the registry's audit endpoint is not reachable from here; skipped" ;;
    *) echo "    $audit_high high/critical advisories"; (cd client && npm audit --omit=dev || true); step_failed "npm audit: high-severity advisories" ;;
  esac

  # A test file that failed outside its tests (a beforeAll that threw: its tests are reported skipped, none failed)
  # counts as one failure, so that it can never pass unnoticed.
  vitest_count() { # file
    node -e 'const r=require(process.argv[1]);const broken=(r.testResults||[]).filter(f=>f.status!=="passed"&&!(f.assertionResults||[]).some(t=>t.status==="failed")).length;console.log(r.numPassedTests+" "+(r.numFailedTests+broken))' "$1" 2>/dev/null || echo "0 1"
  }
  vitest_failures() { # file label
    node -e 'const r=require(process.argv[1]);for(const f of r.testResults||[]){const name=f.name.replace(/.*\/client\//,"");let any=false;for(const t of f.assertionResults||[])if(t.status==="failed"){any=true;console.log(process.argv[2]+": "+name+" > "+t.fullName+" | "+String((t.failureMessages||[""])[0]).split("\n")[0].slice(0,300))}if(f.status!=="passed"&&!any)console.log(process.argv[2]+": "+name+" (the file failed outside its tests) | "+String(f.message||"").split("\n")[0].slice(0,300))}' "$1" "$2" 2>/dev/null || true
  }
  (cd client && npm test -- --reporter=default --reporter=json --outputFile="$OUT/vitest.json")
  read -r p f < <(vitest_count "$OUT/vitest.json")
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f)); echo "    vitest: $p passed, $f failed"
  mapfile -t -O "${#FAILED_TESTS[@]}" FAILED_TESTS < <(vitest_failures "$OUT/vitest.json" vitest)

  echo "==> Starting the host on a fresh database for the browser journeys"
  PORT=${CW_E2E_PORT:-5180}
  E2E_DATA="$OUT/e2e-data"
  dotnet api/CommunityWorkforce.Api/bin/Release/net10.0/CommunityWorkforce.Api.dll \
    --urls "http://127.0.0.1:$PORT" --Data:Folder="$E2E_DATA" --Seed:Demo=true \
    --Auth:SignInPermitsPerMinute=1000 >"$OUT/host.log" 2>&1 &
  HOST_PID=$!
  for _ in $(seq 1 60); do
    curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
  done
  if ! curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null; then
    cat "$OUT/host.log"
    step_failed "host did not become ready"
    finish
  fi
  export CW_API_URL="http://127.0.0.1:$PORT" CW_E2E_BASE_URL="http://127.0.0.1:$PORT"
  (cd client && npm run check:api) || step_failed "generated API types differ from the live API (run npm run gen:api)"
  (cd client && npm run lint:api) || step_failed "OpenAPI lint (spectral:oas)"
  (cd client && npm run e2e -- --reporter=default --reporter=json --outputFile="$OUT/e2e.json")
  read -r p f < <(vitest_count "$OUT/e2e.json")
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f)); echo "    browser journeys: $p passed, $f failed"
  mapfile -t -O "${#FAILED_TESTS[@]}" FAILED_TESTS < <(vitest_failures "$OUT/e2e.json" journey)
  if [ "$p" -eq 0 ]; then step_failed "browser journeys ran no test"; fi
fi

echo "==> Benchmark runner smoke (tiny data, 1-second scenarios; measures nothing that is judged)"
if bash build/bench/run.sh --smoke >"$OUT/bench-smoke.log" 2>&1; then
  PASSED=$((PASSED + 1)); echo "    bench smoke: ok"
else
  tail -n 30 "$OUT/bench-smoke.log"; step_failed "bench smoke"
fi

finish

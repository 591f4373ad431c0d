#!/usr/bin/env bash
# Makes sure what the tests need is here: Debian's Chromium for e2e and a PostgreSQL that answers
# for the integration tests. Idempotent and silent when all is well; says what failed otherwise.
set -euo pipefail

fail() {
  echo "ensure-services: $*" >&2
  exit 1
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@"
  else
    fail "need root (or sudo) to run: $*"
  fi
}

# --- Chromium (Debian's package; never a downloaded browser) ---
if [ ! -x /usr/bin/chromium ]; then
  echo "ensure-services: installing Debian's chromium (first run only)…"
  log=$(mktemp)
  if ! { as_root apt-get update && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; } >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    rm -f "$log"
    fail "could not install chromium with apt-get (see the output above)"
  fi
  rm -f "$log"
  [ -x /usr/bin/chromium ] || fail "apt-get finished but /usr/bin/chromium is missing"
fi

# --- PostgreSQL ---
command -v pg_isready >/dev/null 2>&1 || fail "pg_isready not found: install Debian's postgresql-client"

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  # Someone else's server: only check that it answers.
  pg_isready -q -d "$TEST_DATABASE_URL" -t 10 || fail "TEST_DATABASE_URL does not answer (pg_isready -d \"\$TEST_DATABASE_URL\")"
  exit 0
fi

if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  versions=$(ls /etc/postgresql 2>/dev/null || true)
  [ -n "$versions" ] || fail "PostgreSQL is not answering on 127.0.0.1:5432 and no cluster is set up under /etc/postgresql"
  started=""
  for version in $versions; do
    started+=$(as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>&1 || true)
  done
  for _ in $(seq 1 60); do
    pg_isready -q -h 127.0.0.1 -p 5432 && exit 0
    sleep 0.5
  done
  [ -z "$started" ] || echo "$started" >&2
  fail "PostgreSQL did not answer on 127.0.0.1:5432 within 30 s (tried: pg_ctlcluster --skip-systemctl-redirect $versions main start)"
fi

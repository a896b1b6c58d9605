#!/usr/bin/env bash
# The project's test command: formatting, vet, and the tests, with the race
# detector on the packages that share state between goroutines. It installs
# what the browser tests need (Debian's chromium) when it runs as root.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing chromium for the browser tests"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium is not installed: browser tests will skip (they fail under CI=true)" >&2
  fi
fi

# The browser tests' screenshots need a CJK font to show Chinese; without
# one the pages still pass, so a failed install is no failure.
if ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing fonts-noto-cjk for the browser screenshots"
    (apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null) ||
      echo "could not install fonts-noto-cjk: screenshots will show boxes" >&2
  fi
fi

echo "== gofmt"
unformatted=$(gofmt -l $(find . -name '*.go' -not -path './.git/*'))
if [ -n "$unformatted" ]; then
  echo "gofmt would change:"; echo "$unformatted"; exit 1
fi

echo "== go vet"
go vet ./...

echo "== go test (race detector on shared-state packages)"
go test -race -timeout 15m ./index/... ./server/... ./cmd/... ./internal/...
echo "== go test (pure packages)"
go test -timeout 15m ./ingest/...

#!/usr/bin/env bash
# A bounded fuzz run for CI: each target (parser+codec, linter) for SECONDS_PER_TARGET (default 20) from
# the seed corpus, with atheris when it is installed, else Hypothesis.  Exits non-zero on a
# crash; the crashing input is kept in $ARTIFACTS (default: a temporary directory, printed).
#
#   bash fuzz/short_run.sh            # from the repository root; uses .venv/bin/python
#   SECONDS_PER_TARGET=10 bash fuzz/short_run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
PER_TARGET="${SECONDS_PER_TARGET:-20}"
WORK="$(mktemp -d)"
ARTIFACTS="${ARTIFACTS:-$WORK/artifacts}"
mkdir -p "$ARTIFACTS"
status=0
for target in parse lint; do
    if ! timeout $((PER_TARGET + 30)) "$PY" fuzz/fuzz_parse.py --target "$target" \
        "$WORK/corpus-$target" -max_total_time="$PER_TARGET" -timeout=10 -rss_limit_mb=1024 \
        -artifact_prefix="$ARTIFACTS/$target-" -print_final_stats=1 >"$WORK/$target.log" 2>&1
    then
        status=1
        echo "fuzz: target $target FAILED; inputs in $ARTIFACTS; log:" >&2
        tail -n 40 "$WORK/$target.log" >&2
    else
        echo "fuzz: target $target ok ($(grep -Eo 'Done [0-9]+ runs|[0-9]+ inputs' "$WORK/$target.log" | tail -n 1))"
    fi
done
exit "$status"

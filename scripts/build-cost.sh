#!/usr/bin/env bash
# Build cost of sesv2-model: the wall time and peak memory of rebuilding the
# crate alone, dependencies already built, in a debug build without
# incremental compilation (how cargo builds a dependency). Prints the median
# wall time and the median peak memory over the runs, for the GetImportJob
# types and for the whole-service feature (`full`, from the official model).
#
#   scripts/build-cost.sh [--runs N] [--quick] [--official]
#
#   --runs N     runs per measurement (default 5)
#   --quick      one run each: proves the script works, measures nothing
#   --official   also measures aws-sdk-sesv2 1.145.0 (its own crate, its
#                dependencies built) in a scratch project, and prints our
#                ratios to it; the first time downloads and builds its ~136
#                dependencies
#
# The whole-service feature reads the official model from SESV2_FULL_MODEL,
# by default ../shared/models/aws/sesv2-2019-09-27.json beside the checkout.
set -euo pipefail

runs=5
official=false
while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --quick) runs=1; shift ;;
        --official) official=true; shift ;;
        *) echo "unknown argument: $1 (expected --runs N, --quick or --official)" >&2; exit 2 ;;
    esac
done

if [[ ! -x /usr/bin/time ]]; then
    echo "build-cost.sh needs GNU time at /usr/bin/time to read peak memory (Debian/Ubuntu: apt-get install time)" >&2
    exit 1
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export SESV2_FULL_MODEL="${SESV2_FULL_MODEL:-$root/../shared/models/aws/sesv2-2019-09-27.json}"
export CARGO_INCREMENTAL=0

# shellcheck source=scripts/measure.sh
source "$root/scripts/measure.sh"

# Dependencies first, so that only the crate itself is measured.
cargo build -q -p sesv2-model
results="$(measure "sesv2-model (GetImportJob types)" "$runs" "touch sesv2-model/src/lib.rs" cargo build -q -p sesv2-model)"
if [[ -f "$SESV2_FULL_MODEL" ]]; then
    cargo build -q -p sesv2-model --features full
    results+=$'\n'"$(measure "sesv2-model --features full (whole SESv2)" "$runs" "touch sesv2-model/src/lib.rs" \
        cargo build -q -p sesv2-model --features full)"
else
    echo "skipping the whole-service feature: no model at $SESV2_FULL_MODEL" >&2
fi
if $official; then
    scratch="${TMPDIR:-/tmp}/sesv2-model-build-cost-official"
    mkdir -p "$scratch/src"
    printf '[package]\nname = "official"\nversion = "0.1.0"\nedition = "2021"\npublish = false\n\n[dependencies]\naws-sdk-sesv2 = "=1.145.0"\n\n[workspace]\n' \
        >"$scratch/Cargo.toml"
    echo 'fn main() { let _ = aws_sdk_sesv2::types::JobStatus::Completed; }' >"$scratch/src/main.rs"
    (cd "$scratch" && cargo build -q)
    results+=$'\n'"$(cd "$scratch" && measure "aws-sdk-sesv2 1.145.0 (official SDK)" "$runs" "cargo clean -q -p aws-sdk-sesv2" cargo build -q)"
fi

echo
if [[ "$runs" -eq 1 ]]; then
    echo "build cost (quick mode: one run each, not a measurement)"
else
    echo "build cost: debug, dependencies built, CARGO_INCREMENTAL=0, median of $runs runs"
fi
echo "$results" | awk -F'\t' '{ printf "%-44s %8.2f s %8.0f MB\n", $1, $2, $3 / 1024 }'
if $official; then
    echo "$results" | awk -F'\t' '
        NR == 1 { small_s = $2 }
        /--features full/ { full_s = $2; full_kb = $3 }
        /official/ { sdk_s = $2; sdk_kb = $3 }
        END {
            printf "GetImportJob types: %.3fx the official crate'"'"'s time\n", small_s / sdk_s
            if (full_s) printf "whole service: %.3fx its time, %.3fx its peak memory\n", full_s / sdk_s, full_kb / sdk_kb
        }'
fi

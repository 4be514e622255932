#!/usr/bin/env bash
# Build cost of calling AWS with sesv2-model's client, side by side with the
# official SDK, in one run:
#
# 1. rebuild: sesv2-model --features client (GetImportJob types, endpoint
#    rules, signing, the client) rebuilt alone, dependencies built, against
#    aws-sdk-sesv2 1.145.0 rebuilt alone; median wall time and peak memory.
# 2. cold: a debug build of the get-import-job example from an empty target
#    directory, every dependency included, against the same program written
#    with aws-sdk-sesv2 and aws-config; median wall time and peak memory.
#
#   scripts/client-cost.sh [--runs N] [--cold-runs N] [--quick]
#
#   --runs N       rebuild runs per measurement (default 5)
#   --cold-runs N  cold builds per program (default 1)
#   --quick        one run each and no official SDK: proves the script works,
#                  measures nothing
#
# Sources are downloaded before anything is timed; the official projects
# live in ${TMPDIR:-/tmp}/sesv2-model-client-cost-*.
set -euo pipefail

runs=5
cold_runs=1
quick=false
while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --cold-runs) cold_runs="$2"; shift 2 ;;
        --quick) runs=1; cold_runs=1; quick=true; shift ;;
        *) echo "unknown argument: $1 (expected --runs N, --cold-runs N or --quick)" >&2; exit 2 ;;
    esac
done

if [[ ! -x /usr/bin/time ]]; then
    echo "client-cost.sh needs GNU time at /usr/bin/time to read peak memory (Debian/Ubuntu: apt-get install time)" >&2
    exit 1
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export CARGO_INCREMENTAL=0
scratch="${TMPDIR:-/tmp}/sesv2-model-client-cost"
mkdir -p "$scratch"

# shellcheck source=scripts/measure.sh
source "$root/scripts/measure.sh"

# The official SDK's side: the crate alone, and the same example program.
official="$scratch-official"
if ! $quick; then
    mkdir -p "$official/src"
    cat >"$official/Cargo.toml" <<'TOML'
[package]
name = "get-import-job-official"
version = "0.1.0"
edition = "2021"
publish = false

[dependencies]
aws-config = { version = "1", features = ["behavior-version-latest"] }
aws-sdk-sesv2 = "=1.145.0"
tokio = { version = "1", features = ["macros", "rt"] }

[workspace]
TOML
    cat >"$official/src/main.rs" <<'RUST'
//! get-import-job JOB_ID [--region REGION], written with the official SDK.
use aws_sdk_sesv2::config::Region;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (mut job_id, mut region) = (None, None);
    while let Some(arg) = args.next() {
        if arg == "--region" { region = args.next(); } else { job_id = Some(arg); }
    }
    let mut loader = aws_config::from_env();
    if let Some(region) = region { loader = loader.region(Region::new(region)); }
    let client = aws_sdk_sesv2::Client::new(&loader.load().await);
    let job = client.get_import_job().job_id(job_id.ok_or("usage: get-import-job JOB_ID")?).send().await?;
    println!("status {:?}", job.job_status());
    Ok(())
}
RUST
    (cd "$official" && cargo fetch -q && cargo build -q)
fi
cargo fetch -q
cargo build -q -p sesv2-model --features client

results="$(measure "rebuild: sesv2-model --features client" "$runs" "touch sesv2-model/src/lib.rs" \
    cargo build -q -p sesv2-model --features client)"
if ! $quick; then
    results+=$'\n'"$(cd "$official" && measure "rebuild: aws-sdk-sesv2 1.145.0" "$runs" \
        "cargo clean -q -p aws-sdk-sesv2" cargo build -q)"
fi
ours_cold="$scratch-ours-target"
results+=$'\n'"$(measure "cold: get-import-job (sesv2-model)" "$cold_runs" "rm -rf '$ours_cold'" \
    env CARGO_TARGET_DIR="$ours_cold" cargo build -q --locked -p get-import-job)"
if ! $quick; then
    results+=$'\n'"$(cd "$official" && measure "cold: get-import-job (aws-sdk-sesv2 + aws-config)" "$cold_runs" \
        "rm -rf '$official/cold-target'" env CARGO_TARGET_DIR="$official/cold-target" cargo build -q)"
fi
rm -rf "$ours_cold" "$official/cold-target"

echo
if $quick; then
    echo "client build cost (quick mode: one run each, no official SDK, not a measurement)"
else
    echo "client build cost: debug, CARGO_INCREMENTAL=0; rebuilds median of $runs, cold builds median of $cold_runs"
fi
echo "$results" | awk -F'\t' '{ printf "%-52s %8.2f s %8.0f MB\n", $1, $2, $3 / 1024 }'
if ! $quick; then
    echo "$results" | awk -F'\t' '
        /rebuild: sesv2-model/ { ours_s = $2; ours_kb = $3 }
        /rebuild: aws-sdk/ { sdk_s = $2; sdk_kb = $3 }
        /cold: get-import-job \(sesv2-model\)/ { cold_s = $2; cold_kb = $3 }
        /cold: get-import-job \(aws-sdk/ { sdk_cold_s = $2; sdk_cold_kb = $3 }
        END {
            printf "rebuild with the client: %.3fx the official crate'"'"'s time, %.3fx its peak memory (target: at most 0.1x)\n", ours_s / sdk_s, ours_kb / sdk_kb
            printf "cold example build: %.3fx the official example'"'"'s time, %.3fx its peak memory (target: at most 0.5x time)\n", cold_s / sdk_cold_s, cold_kb / sdk_cold_kb
        }'
fi

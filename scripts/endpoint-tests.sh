#!/usr/bin/env bash
# Runs the endpoint rule tests of AWS models: for each model,
# `sesv2-model-codegen --protocol-tests` writes the types, the client's
# endpoint code and one #[test] per `smithy.rules#endpointTests` case, and a
# new crate whose whole src/lib.rs includes that file (its only dependency:
# sesv2-model with the `client` feature) runs them.
#
#   bash scripts/endpoint-tests.sh [MODEL.json...]   (default: every model in ../shared/models/aws)
#
# Builds in the cargo target directory (CARGO_TARGET_DIR or target/).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
target_dir="$(mkdir -p "${CARGO_TARGET_DIR:-target}" && cd "${CARGO_TARGET_DIR:-target}" && pwd)"
suites="$target_dir/endpoint-tests"
mkdir -p "$suites"

models=("$@")
if [[ ${#models[@]} -eq 0 ]]; then
  models=(../shared/models/aws/*.json)
fi
models=("$(cd "$(dirname "${models[0]}")" && pwd)/$(basename "${models[0]}")" "${models[@]:1}")

cargo build -q -p sesv2-model-codegen
codegen="$target_dir/debug/sesv2-model-codegen"

status=0
for model in "${models[@]}"; do
  name="$(basename "$model" .json)"
  crate="$suites/$name"
  mkdir -p "$crate/src"
  cat > "$crate/Cargo.toml" <<TOML
[package]
name = "endpoint-tests-$(echo "$name" | tr '[:upper:]_' '[:lower:]-')"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
sesv2-model = { path = "$root/sesv2-model", features = ["client"] }

[workspace]
TOML
  printf 'include!("%s");\n' "$crate/generated.rs" > "$crate/src/lib.rs"
  echo "==> $name"
  if ! "$codegen" --protocol-tests "$model" --out "$crate/generated.rs" 2>"$crate/codegen.log"; then
    cat "$crate/codegen.log"
    status=1
    continue
  fi
  # Notes on what the types cannot represent are not about endpoints.
  grep -v '^note: ' "$crate/codegen.log" || true
  cp "$root/Cargo.lock" "$crate/Cargo.lock"
  CARGO_TARGET_DIR="$target_dir" cargo test -q --manifest-path "$crate/Cargo.toml" --lib endpoint_tests \
      >"$crate/test.log" 2>&1 || true
  result="$(grep '^test result' "$crate/test.log" || true)"
  if [[ -z "$result" ]]; then
    grep -E '^error' -A12 "$crate/test.log" | head -60
    status=1
    continue
  fi
  passed="$(sed -n 's/.* \([0-9]*\) passed.*/\1/p' <<<"$result")"
  failed="$(sed -n 's/.* \([0-9]*\) failed.*/\1/p' <<<"$result")"
  # Cases whose expected "partition does not support DualStack" error the
  # crate's newer partition data contradicts (the test's message says so,
  # after checking the data): counted apart, never hidden.
  stale="$(grep -c '^stale partition data: ' "$crate/test.log" || true)"
  echo "$name: $passed passed, $stale expect older partition data, $((failed - stale)) failed"
  if [[ "$stale" -gt 0 ]]; then
    grep '^stale partition data: ' "$crate/test.log" | sed 's/^/    /'
  fi
  if [[ "$failed" -ne "$stale" ]]; then
    grep -E '^---- |panicked at' -A2 "$crate/test.log" | grep -v '^stale partition data' | head -60
    status=1
  fi
done
exit "$status"

#!/usr/bin/env bash
# Runs Smithy's protocol compliance suites against the generator: for each
# protocol, `sesv2-model-codegen --protocol-tests` writes the types and one
# #[test] per client case, and a new crate whose whole src/lib.rs includes
# that file (its only dependency: sesv2-model, default features) runs them.
#
#   bash scripts/protocol-tests.sh [PROTOCOL_DIR...]   (default: restJson1 awsJson1_1)
#
# Reads ../shared/smithy beside the checkout; builds in the cargo target
# directory (CARGO_TARGET_DIR or target/).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
smithy="$(cd ../shared/smithy && pwd)"
target_dir="$(mkdir -p "${CARGO_TARGET_DIR:-target}" && cd "${CARGO_TARGET_DIR:-target}" && pwd)"
suites="$target_dir/protocol-tests"
mkdir -p "$suites"

cargo build -q -p sesv2-model-codegen
codegen="$target_dir/debug/sesv2-model-codegen"

protocols=("$@")
if [[ ${#protocols[@]} -eq 0 ]]; then
  protocols=(restJson1 awsJson1_1)
fi
for name in "${protocols[@]}"; do
  crate="$suites/$name"
  mkdir -p "$crate/src"
  cat > "$crate/Cargo.toml" <<TOML
[package]
name = "protocol-tests-$(echo "$name" | tr '[:upper:]_' '[:lower:]-')"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
sesv2-model = { path = "$root/sesv2-model" }

[workspace]
TOML
  printf 'include!("%s");\n' "$crate/generated.rs" > "$crate/src/lib.rs"
  echo "==> $name"
  "$codegen" --protocol-tests "$smithy/protocol-tests/$name" \
      "$smithy/protocol-tests/shared-types.smithy" "$smithy/protocol-tests/aws-config.smithy" \
      "$smithy/traits" --out "$crate/generated.rs" 2>&1 | grep -v '^note: '
  # The same dependency versions as the workspace, offline if need be.
  cp "$root/Cargo.lock" "$crate/Cargo.lock"
  if ! CARGO_TARGET_DIR="$target_dir" cargo test -q --manifest-path "$crate/Cargo.toml" --lib >"$crate/test.log" 2>&1; then
    cat "$crate/test.log"
    exit 1
  fi
  grep '^test result' "$crate/test.log"
done

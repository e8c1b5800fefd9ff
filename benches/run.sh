#!/usr/bin/env bash
# Runs igfkg's scale benchmark: installs the rdflib peer's dependencies,
# then `cargo bench --bench scale` in release mode. Sizes default to 1k, 10k,
# 100k and 200k messages; set IGFKG_BENCH_SIZES=1000,10000 for fewer.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c 'import rdflib' 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check 'rdflib==7.6.0'
cargo bench --bench scale

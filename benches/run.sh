#!/usr/bin/env bash
# Runs igfkg's scale benchmark: installs the rdflib peer's dependencies
# (benches/peer/requirements.txt), then `cargo bench --bench scale` in
# release mode. Sizes default to 1k, 10k, 100k and 200k messages; set
# IGFKG_BENCH_SIZES=1000,10000 for fewer, IGFKG_BENCH_EVIDENCE=lean for
# igfkg's lean evidence (the triples the peer builds).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check -r benches/peer/requirements.txt
cargo bench --bench scale

#!/usr/bin/env bash
# Runs igfkg's scale benchmark: installs the rdflib peer's dependencies
# (benches/peer/requirements.txt), then `cargo bench --bench scale` in
# release mode. Sizes default to 1k, 10k, 100k and 200k messages; set
# IGFKG_BENCH_SIZES=1000,10000 for fewer, IGFKG_BENCH_EVIDENCE=lean for
# igfkg's lean evidence (the triples the peer builds).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check -r benches/peer/requirements.txt
# The rocksdb feature adds the warm on-disk store's latencies (`query --store`);
# RocksDB's bindings need libclang (see the README's "The on-disk store").
if ! ldconfig -p | grep -q 'libclang[-.0-9]*\.so'; then
    echo "benches/run.sh: libclang not found; the rocksdb feature needs it (Debian/Ubuntu: apt-get install libclang-dev)" >&2
    exit 1
fi
cargo bench --features rocksdb --bench scale

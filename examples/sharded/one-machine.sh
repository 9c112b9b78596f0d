#!/bin/sh
# affectlens on one big machine: N shards as N processes (GNU parallel, or xargs -P), then the merge.
# Each shard uses one offline worker thread (--workers 1), so N processes keep N cores busy.
# Usage: examples/sharded/one-machine.sh LOG N OUT   (e.g. one-machine.sh logs.jsonl 8 report)
set -eu
LOG=$1; N=$2; OUT=$3

# GNU parallel:
#   seq 0 $((N-1)) | parallel affectlens analyze "$LOG" --shard {}/"$N" --workers 1 --out "$OUT.parts/shard-{}-of-$N"
# xargs (no extra package):
seq 0 $((N - 1)) | xargs -P "$N" -I{} affectlens analyze "$LOG" --shard {}/"$N" --workers 1 --out "$OUT.parts/shard-{}-of-$N"

affectlens merge "$OUT.parts"/shard-*-of-"$N" --out "$OUT"

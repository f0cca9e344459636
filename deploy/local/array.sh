#!/usr/bin/env bash
# The array job on one machine, as a scheduler runs it: N shards as separate processes started at
# once (each told its index through the environment, as Kubernetes tells an Indexed Job's pods),
# then the merge. Checks the merged CSVs against a whole run when CHECK=1.
#
#   deploy/local/array.sh SCENARIO N OUT [run options...]
#   CHECK=1 deploy/local/array.sh scenarios/medway-baseline.yaml 3 /tmp/medway --replications 50
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: $0 SCENARIO N OUT [run options...]" >&2; exit 2; }
scenario=$1 shards=$2 out=$3
shift 3
SUFFICIENCY=${SUFFICIENCY:-sufficiency}
threads=${THREADS:-1}
pids=()
for ((index = 0; index < shards; index++)); do
    JOB_COMPLETION_INDEX=$index "$SUFFICIENCY" run "$scenario" --shard "env/$shards" --threads "$threads" \
        --output "$out.shards/shard-$((index + 1))" "$@" > "$out.shard-$((index + 1)).log" 2>&1 &
    pids+=($!)
done
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
[ "$failed" = 0 ] || { echo "a shard failed; see $out.shard-*.log" >&2; exit 1; }
"$SUFFICIENCY" merge "$out".shards/shard-* --output "$out" ${MERGE_OPTIONS:-}
if [ "${CHECK:-0}" = 1 ]; then
    "$SUFFICIENCY" run "$scenario" --output "$out.whole" "$@" > /dev/null
    for csv in "$out.whole"/*.csv; do
        cmp "$csv" "$out/$(basename "$csv")" || { echo "differs from the whole run: $(basename "$csv")" >&2; exit 1; }
    done
    echo "merged CSVs are byte-identical to the whole run's"
fi

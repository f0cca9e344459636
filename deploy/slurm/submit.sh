#!/usr/bin/env bash
# Submits a scenario as a Slurm array job of N shards, and its merge to run once all have succeeded.
#
#   deploy/slurm/submit.sh SCENARIO N OUT [run options...]
#   deploy/slurm/submit.sh scenarios/medway-baseline.yaml 4 runs/medway --replications 1000
#
# Environment: SUFFICIENCY (the tool, default 'sufficiency' on the PATH); SBATCH_OPTIONS (more sbatch
# options for both jobs, such as --partition=short or --cpus-per-task=1); MERGE_OPTIONS (default
# --report; add --replications-csv for every replication's figures). Prints the two job ids.
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: $0 SCENARIO N OUT [run options...]" >&2; exit 2; }
scenario=$1 shards=$2 out=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
export SCENARIO="$scenario" SHARDS="$shards" OUT="$out" RUN_OPTIONS="$*"
array=$(sbatch --parsable --array=1-"$shards" --export=ALL ${SBATCH_OPTIONS:-} "$here/shards.sbatch")
merge=$(sbatch --parsable --dependency=afterok:"$array" --export=ALL ${SBATCH_OPTIONS:-} "$here/merge.sbatch")
echo "shards: job $array (tasks 1-$shards); merge: job $merge (after all shards succeed)"

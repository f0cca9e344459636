#!/usr/bin/env bash
# Runs the shards' Indexed Job, waits for it to complete, then runs the merge Job.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kubectl delete job sufficiency-shards sufficiency-merge --ignore-not-found
kubectl apply -f "$here/indexed-job.yaml"
kubectl wait --for=condition=complete --timeout="${TIMEOUT:-2h}" job/sufficiency-shards
kubectl apply -f "$here/merge-job.yaml"
kubectl wait --for=condition=complete --timeout=30m job/sufficiency-merge
kubectl logs job/sufficiency-merge

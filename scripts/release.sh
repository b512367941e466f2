#!/usr/bin/env bash
# The maintainer's release recipe: rebuild dataset/ from the sample corpus, evaluate the baselines, validate.
# Usage: scripts/release.sh [VERSION]   (default: the version already in dataset/MANIFEST.json)
set -euo pipefail
cd "$(dirname "$0")/.."
# README's first command installs no torch: the committed sample names the linear labeler (every sample row has a
# human label, so only that name would change).
export EARNINGS_EVENTS_LABELER=lr
version_args=()
if [ $# -ge 1 ]; then version_args=(--version "$1"); fi
earnings-events build --out dataset "${version_args[@]}"
# The benchmark: every baseline on every task -> dataset/results/ (build carries results/ over), then
# build again so the card shows the fresh leaderboard.
earnings-events evaluate dataset
earnings-events build --out dataset "${version_args[@]}"
earnings-events validate dataset
python scripts/check_sample_gold.py
git status --short dataset

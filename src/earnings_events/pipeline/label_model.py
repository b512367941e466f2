"""``label_lr_v4``: the trained statement-type labeler, a linear model scored in pure Python.

The model reads a statement's own words, as the guide asks:

- sparse, binary features: its words and word pairs (lower case, figures folded to ``<num>``/``<pct>``), the
  words in the scope of a negation ("not", "no", "n't" up to the next comma or "but"), and the cues of the rule
  labeler ``label_rules_v1`` (which of its patterns fire: a risk word, a negated one, a good decline such as
  "lower costs", a problem stated as over, a future word, a past modal, thanks; and the rule label itself),
  scaled together to unit length;
- dense features (``v:00`` ... ``v:63``): the sum of its words' vectors in ``data/models/label_wordvec_v1.json``
  (MiniLM's encoding of each word alone, projected on 64 directions and weighted by the word's idf; made once by
  ``scripts/distill_word_vectors.py``), scaled to unit length. They let words the labels never showed count
  through their neighbours ("slump" beside "decline").

One weight vector per class (one-vs-rest logistic regression); the label is the class with the highest score, ties
going to the first in the guide's precedence (risk, outlook, performance, other).

The weights live in ``data/models/label_lr_v4.json``, written by ``scripts/train_labeler.py`` from the project's
own 7,460 labelled statements of 2006-2010 wire articles, the three labelling rounds the MiniLM labeler is
trained on too (``scripts/labels/statement-labels.jsonl``; each statement's ``reread_label`` where it has one:
144 hedged statements re-read under the guide's worked example) and never from a gold set. ``label_lr_v3`` was
the same recipe on the first round alone (1,774 statements). Scoring needs no optional package: the same statement gives the same label on every machine.
"""

from __future__ import annotations

import base64
import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

MODEL_VERSION = "label_lr_v4"
MODELS = Path(__file__).resolve().parents[1] / "data" / "models"
MODEL = MODELS / f"{MODEL_VERSION}.json"
VECTORS_VERSION = "label_wordvec_v1"
VECTORS = MODELS / f"{VECTORS_VERSION}.json"
PRECEDENCE = ("risk", "outlook", "performance", "other")

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d[\d.,]*%?|[$€£%?!;,.]")
_NEGATOR = re.compile(r"(?:no|not|never|without|nor|cannot|hardly|neither|none|nothing|\w+n't)$")
_SCOPE_END = frozenset({".", ",", ";", "?", "!", "but", "although", "though", "however", "yet"})
_PUNCT = frozenset(",.;")


def tokens(statement: str) -> list[str]:
    """Lower-case word tokens; figures become ``<num>`` or ``<pct>``; ``? ! ; , .`` are kept as tokens."""
    out = []
    for t in _TOKEN.findall(statement.lower().replace("’", "'").replace("‘", "'")):
        if t[0].isdigit():
            out.append("<pct>" if t.endswith("%") else "<num>")
        else:
            out.append(t)
    return out


def word_features(statement: str) -> dict[str, float]:
    """Words (``w:``), word pairs with sentence edges (``b:``) and negated words (``n:``)."""
    toks = tokens(statement)
    words = [t for t in toks if t not in _PUNCT]
    feats: dict[str, float] = {}
    for w in words:
        feats["w:" + w] = 1.0
    for a, b in zip(["<s>", *words], [*words, "</s>"], strict=True):
        feats[f"b:{a}_{b}"] = 1.0
    negated = False
    for t in toks:
        if _NEGATOR.match(t):
            negated = True
        elif t in _SCOPE_END:
            negated = False
        elif negated:
            feats["n:" + t] = 1.0
    return feats


@cache
def word_vectors(path: Path | None = None) -> dict[str, tuple[int, ...]]:
    """The word-vector table (word -> int8 coordinates), read once; ``FileNotFoundError`` when it is missing."""
    path = path or VECTORS
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing (distil it with scripts/distill_word_vectors.py)")
    data = json.loads(path.read_text(encoding="utf-8"))
    dims = int(data["dims"])
    raw = base64.b64decode(data["vectors"])
    words = data["words"]
    if len(raw) != dims * len(words):
        raise ValueError(f"{path}: {len(raw)} bytes for {len(words)} words of {dims} dimensions")
    signed = [b - 256 if b > 127 else b for b in raw]
    return {w: tuple(signed[i * dims : (i + 1) * dims]) for i, w in enumerate(words)}


def vector_features(statement: str, table: dict[str, tuple[int, ...]] | None = None) -> dict[str, float]:
    """``v:NN``: the unit-length sum of the statement's word vectors (words outside the table add nothing)."""
    table = word_vectors() if table is None else table
    acc: list[int] | None = None
    for t in tokens(statement):
        row = table.get(t)
        if row is not None:
            acc = list(row) if acc is None else [a + b for a, b in zip(acc, row, strict=True)]
    if acc is None:
        return {}
    norm = math.sqrt(sum(a * a for a in acc))
    if norm == 0:
        return {}
    return {f"v:{i:02d}": a / norm for i, a in enumerate(acc) if a}


def sparse_features(statement: str) -> dict[str, float]:
    """Words, pairs, negated words and the rules' cues, as a unit-length binary vector."""
    from .label import rule_cues  # the rules live beside the component

    feats = word_features(statement)
    feats.update(rule_cues(statement))
    scale = 1.0 / math.sqrt(len(feats)) if feats else 1.0
    return {k: scale for k in feats}


def features(statement: str) -> dict[str, float]:
    """The model's features of one statement: the sparse part (unit length) and the word-vector part (unit
    length) side by side."""
    feats = sparse_features(statement)
    feats.update(vector_features(statement))
    return feats


@dataclass(frozen=True)
class LinearModel:
    """One-vs-rest linear scores: ``bias[c] + sum(weights[f][c] * x[f])``."""

    version: str
    classes: tuple[str, ...]
    bias: dict[str, float]
    weights: dict[str, dict[str, float]]  # feature -> class -> weight (zero weights left out)

    def scores(self, feats: dict[str, float]) -> dict[str, float]:
        """Each class's score; features are visited in sorted order, so the sums are the same everywhere."""
        out = dict(self.bias)
        for f in sorted(feats):
            row = self.weights.get(f)
            if row:
                v = feats[f]
                for c, w in row.items():
                    out[c] += w * v
        return out

    def label_all(self, statements: list[str]) -> list[str]:
        """``label`` of each statement (the labelers' common interface, ``pipeline.label``)."""
        return [self.label(s) for s in statements]

    def label(self, statement: str) -> str:
        """The class with the highest score; ties go to the first in the guide's precedence."""
        s = self.scores(features(statement))
        order = [c for c in PRECEDENCE if c in s] + sorted(c for c in s if c not in PRECEDENCE)
        return max(order, key=lambda c: (s[c], -order.index(c)))


def from_dict(data: dict) -> LinearModel:
    """A model from its JSON form (``scripts/train_labeler.py`` writes it)."""
    return LinearModel(
        version=str(data["version"]),
        classes=tuple(data["classes"]),
        bias={str(c): float(b) for c, b in data["bias"].items()},
        weights={str(f): {str(c): float(w) for c, w in row.items()} for f, row in data["weights"].items()},
    )


@cache
def load(path: Path | None = None) -> LinearModel:
    """The shipped model (or the one at ``path``), read once; ``FileNotFoundError`` when the artefact (or the word
    vectors it reads) is missing."""
    path = path or MODEL
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing (retrain it with scripts/train_labeler.py)")
    word_vectors()  # fail here, once, rather than on the first statement
    return from_dict(json.loads(path.read_text(encoding="utf-8")))

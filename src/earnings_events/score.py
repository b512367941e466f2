"""Score extracted rows against gold rows in the guide's form.

Matching: a predicted row matches a gold row of the same article when their
statements agree after normalising white space, quote characters, case and
edge punctuation (a similarity ratio of 0.9 or more, or one containing the
other at 80% of its length); one-to-one, best matches first. On matched rows
the scorer reports speaker, company, quarter, role and label accuracy (and
label macro-F1); tuple F1 counts a row only when statement, speaker, company
and quarter are all right.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import polars as pl

from . import jsonl, registry, schema
from .errors import InputError

_QUOTES = re.compile(r"[\"“”„‟«»‘’'`]+")
_EDGE = " \t\n.,;:!?-–—…()[]"
_SUFFIX = re.compile(
    r"(?:,?\s+(?:inc|incorporated|corp|corporation|co|cos|company|ltd|limited|plc|llc|ag|se|sa|nv|group|holdings?)\.?)+$"
)
FIELDS = ("speaker", "company", "ticker", "quarter", "speaker_role", "label")


def norm_statement(s: str) -> str:
    s = _QUOTES.sub("", s).lower()
    return " ".join(s.split()).strip(_EDGE)


def norm_speaker(s: str | None) -> str:
    toks = (s or "").replace(",", " ").lower().split()
    if len(toks) > 2:  # middle initials and a nickname ignored: "Anthony J.F. O'Reilly" == "Anthony O'Reilly",
        # 'Myron "Mike" Ullman' == "Myron Ullman"
        middle = [t for t in toks[1:-1] if not re.fullmatch(r"(?:[a-z]\.?)+|[\"“'‘][^\s]+[\"”'’]", t)]
        toks = [toks[0], *middle, toks[-1]]
    return " ".join(toks)


def norm_company(name: str | None) -> str:
    # accents and hyphens are spelling, not identity: "Estée Lauder" = "Estee Lauder", "Ingersoll-Rand" = "Ingersoll Rand"
    name = "".join(c for c in unicodedata.normalize("NFKD", name or "") if not unicodedata.combining(c))
    name = " ".join(name.lower().replace("-", " ").split())
    name = re.sub(r"^the\s+", "", name)
    return _SUFFIX.sub("", name).strip(" .,")


def norm_ticker(t: str | None) -> str:
    """A ticker as compared: capitals, a share class written any way ("BRK.A", "BRK-A", "BRKA", "brka")."""
    return re.sub(r"[.\-/\s]", "", (t or "").upper())


def company_equal(p: dict, g: dict) -> bool:
    """The same company: the same name (as ``norm_company`` reads it); for two forms of a name ("HP",
    "Hewlett-Packard"), the same ticker; or two names the registry gives one company (a company renamed since,
    unlisted then: "GMAC", "Ally Financial"). A right name with a wrong ticker is a ticker error, not a company one."""
    if norm_company(p.get("company")) == norm_company(g.get("company")):
        return True
    if bool(p.get("ticker") and g.get("ticker")) and norm_ticker(p["ticker"]) == norm_ticker(g["ticker"]):
        return True
    known = [registry.load().lookup(c) for c in (p.get("company"), g.get("company")) if c]
    return len(known) == 2 and known[0] is not None and known[0] is known[1]


def field_equal(name: str, p: dict, g: dict) -> bool:
    if name == "speaker":
        return norm_speaker(p.get("speaker")) == norm_speaker(g.get("speaker"))
    if name == "company":
        return company_equal(p, g)
    if name == "ticker":  # the guide writes tickers in capitals; how a share class is written is no error
        return norm_ticker(p.get(name)) == norm_ticker(g.get(name))
    return (p.get(name) or None) == (g.get(name) or None)


def similarity(a: str, b: str) -> float:
    """0..1: the ratio of the normalised statements, or 1.0-ish containment at >= 80% of the length."""
    if not a or not b:
        return 0.0
    ratio = SequenceMatcher(None, a, b, autojunk=False).ratio()
    short, long_ = sorted((a, b), key=len)
    if short in long_ and len(short) >= 0.8 * len(long_):
        ratio = max(ratio, 0.9 + 0.1 * len(short) / len(long_))
    return ratio


def match(pred: list[dict], gold: list[dict]) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs, best matches first, within each article."""
    by_article: dict[str, list[int]] = {}
    for j, g in enumerate(gold):
        by_article.setdefault(g["article_id"], []).append(j)
    cands: list[tuple[float, int, int]] = []
    pn = [norm_statement(p["statement"]) for p in pred]
    gn = [norm_statement(g["statement"]) for g in gold]
    for i, p in enumerate(pred):
        for j in by_article.get(p["article_id"], []):
            s = similarity(pn[i], gn[j])
            if s >= 0.9:
                cands.append((s, i, j))
    cands.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_p, used_g, pairs = set(), set(), []
    for _, i, j in cands:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    """Macro-F1 over the classes seen in gold or prediction; pairs are (predicted, gold)."""
    classes = sorted({c for pair in pairs for c in pair})
    f1s = []
    for c in classes:
        tp = sum(1 for p, g in pairs if p == c and g == c)
        f1s.append(_prf(tp, sum(1 for p, _ in pairs if p == c), sum(1 for _, g in pairs if g == c))["f1"])
    return sum(f1s) / len(f1s) if f1s else 0.0


@dataclass
class Score:
    n_pred: int
    n_gold: int
    matched: int
    quote: dict[str, float]
    accuracy: dict[str, float]
    label_macro_f1: float
    tuple: dict[str, float]
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def score(pred: list[dict], gold: list[dict], only_gold_articles: bool = False) -> Score:
    """Compare predicted rows with gold rows (both dicts in the guide's form)."""
    if only_gold_articles:
        keep = {g["article_id"] for g in gold}
        pred = [p for p in pred if p["article_id"] in keep]
    pairs = match(pred, gold)
    acc: dict[str, float] = {}
    for name in FIELDS:
        ok = sum(field_equal(name, pred[i], gold[j]) for i, j in pairs)
        acc[name] = ok / len(pairs) if pairs else 0.0
    tuple_tp = sum(all(field_equal(n, pred[i], gold[j]) for n in ("speaker", "company", "quarter")) for i, j in pairs)
    errors: list[dict[str, Any]] = []
    mp, mg = {i for i, _ in pairs}, {j for _, j in pairs}
    for j, g in enumerate(gold):
        if j not in mg:
            errors.append({"kind": "missed", "article_id": g["article_id"], "gold": _brief(g)})
    for i, p in enumerate(pred):
        if i not in mp:
            errors.append({"kind": "invented", "article_id": p["article_id"], "pred": _brief(p)})
    for i, j in pairs:
        wrong = [n for n in FIELDS if not field_equal(n, pred[i], gold[j])]
        if norm_statement(pred[i]["statement"]) != norm_statement(gold[j]["statement"]):
            wrong.insert(0, "statement")
        if wrong:
            errors.append(
                {
                    "kind": "mismatch",
                    "article_id": gold[j]["article_id"],
                    "fields": wrong,
                    "pred": _brief(pred[i]),
                    "gold": _brief(gold[j]),
                }
            )
    return Score(
        n_pred=len(pred),
        n_gold=len(gold),
        matched=len(pairs),
        quote=_prf(len(pairs), len(pred), len(gold)),
        accuracy=acc,
        label_macro_f1=macro_f1([(pred[i].get("label"), gold[j].get("label")) for i, j in pairs]),
        tuple=_prf(tuple_tp, len(pred), len(gold)),
        errors=errors,
    )


def _brief(r: dict) -> dict[str, Any]:
    keys = ("statement", "speaker", "speaker_role", "company", "ticker", "quarter", "label", "char_start")
    return {k: r.get(k) for k in keys if k in r}


def read_rows(path: Path) -> list[dict]:
    """Rows from a JSONL file or a release folder (class-label ints turned into names)."""
    if not path.exists():
        raise InputError("no such file or folder", str(path))
    if path.is_dir():
        spec = schema.load("statements")
        files = sorted((path / "statements").glob("*.parquet"))
        if not files:
            raise InputError("no statements/*.parquet in this folder", str(path))
        df = pl.concat([pl.read_parquet(f) for f in files], how="vertical_relaxed")
        for f in spec.fields:
            if f.type == "class_label":
                df = df.with_columns(pl.col(f.name).replace_strict(list(range(len(f.classes))), list(f.classes)))
        return df.sort("article_id", "char_start").to_dicts()
    return [rec for _, rec in jsonl.objects(path, ("article_id", "statement"))]


def error_counts(errors: list[dict]) -> dict[str, int]:
    c: Counter[str] = Counter()
    for e in errors:
        c[e["kind"]] += 1
        for f in e.get("fields", []):
            c[f"mismatch:{f}"] += 1
    return dict(sorted(c.items()))

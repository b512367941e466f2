"""The rule labeler follows the guide's table and precedence; human labels override it."""

import json

import pytest

from earnings_events import label
from earnings_events.errors import InputError
from earnings_events.normalize import row_id
from earnings_events.records import Row
from earnings_events.shards import rows_frame


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        # the guide's own examples
        ("We expect deliveries to grow next year.", "outlook"),
        (
            "It's possible with the right architectural decisions that Tesla may have more compute than everyone "
            "else combined.",
            "outlook",
        ),
        ("Dojo is working and it is doing training programs", "performance"),
        ("Services revenue grew 30 percent.", "performance"),
        ("Think of Dojo as a long shot, a long shot worth taking… a high risk, high payoff program", "risk"),
        ("We dug our own grave with Cybertruck.", "risk"),
        ("Nobody digs a grave better than themselves.", "other"),
        # precedence: a caveat attached to a forecast is risk, a forecast of decline is risk
        ("We expect margins to improve, although currency remains a headwind.", "risk"),
        ("Third-quarter earnings will probably be off slightly.", "risk"),
        # a problem stated as over is performance
        ("The supply problems are behind us and factories are running at full speed.", "performance"),
        ("Thank you all for joining us this morning.", "other"),
    ],
)
def test_rule_labels(statement, expected):
    assert label.rule_label(statement) == expected


def _row(rid: str, statement: str) -> Row:
    return Row(rid, "Acme", None, None, None, None, statement, "A B", "executive", "", "", "a", None, None, 0, 1)


def test_human_labels_override_rules(tmp_path):
    rid = row_id("art-1", 10, 40)
    (tmp_path / "team.jsonl").write_text(
        json.dumps({"article_id": "art-1", "char_start": 10, "char_end": 40, "label": "other"})
        + "\n"
        + json.dumps({"id": "ffffffffffffffff", "label": "risk"})
        + "\n"
    )
    human = label.load_annotations(tmp_path)
    assert human == {rid: "other", "ffffffffffffffff": "risk"}
    rows = list(label.run([_row(rid, "Revenue grew 30 percent."), _row("0000000000000000", "Revenue grew.")]))
    labelled = label.apply_human_labels(rows_frame(rows), human)
    assert list(zip(labelled["label"], labelled["label_source"], strict=True)) == [
        ("other", "human"),
        ("performance", "rules"),
    ]


def test_bad_annotation_names_file_and_line(tmp_path):
    (tmp_path / "bad.jsonl").write_text('{"id": "abc", "label": "risk"}\n{"id": "abd", "label": "bullish"}\n')
    with pytest.raises(InputError, match=r"bad.jsonl:2: label 'bullish'"):
        label.load_annotations(tmp_path)

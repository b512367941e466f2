"""Scope: which articles are about an earnings event (articles written for these tests)."""

import pytest

from earnings_events.records import Article
from earnings_events.scope import is_earnings_article


@pytest.mark.parametrize(
    ("title", "text", "in_scope"),
    [
        ("Northwind profit rises 12%", "Northwind Inc. said on Tuesday its fourth-quarter profit rose 12%.", True),
        (
            "Acme sees higher 1987 earnings",
            "Acme Corp expects earnings to rise this year, its chairman told analysts.",
            True,
        ),
        (
            "Robotics push is a long shot, CEO says",
            "One of the biggest bets the company is making is on robots.\n\n"
            "The chief executive spoke during the fourth-quarter earnings call on Wednesday.",
            True,
        ),
        ("Acme raises dividend", "Acme Corp raised its quarterly dividend to 30 cts a share from 25 cts.", False),
        ("Acme declares stock split", "Acme Corp declared a three-for-two stock split.", False),
        (
            "Acme mulls reverse split",
            "Acme Corp is considering a reverse split and expects a second-quarter profit.",
            True,
        ),
        ("Acme agrees to buy Widgetco", "Acme Corp agreed to buy Widgetco for $2 billion in cash.", False),
        ("Acme files for bankruptcy", "Acme Corp filed for Chapter 11 protection on Monday.", False),
        (
            "U.S. chemical industry set for record year",
            "Cheap feedstocks will lift the chemical industry to record profits, executives said.",
            False,
        ),
        ("Acme opens new plant", "Acme Corp opened a factory in Ohio on Monday.", False),
    ],
)
def test_scope(title, text, in_scope):
    ok, why = is_earnings_article(Article("t", text, title))
    assert ok is in_scope, why

"""Company, ticker and fiscal quarter, per the guide."""

import datetime as dt
from dataclasses import replace

import pytest

from earnings_events import normalize
from earnings_events.fiscal import FiscalCalendar
from earnings_events.records import Article
from earnings_events.registry import Company, load


@pytest.mark.parametrize(
    ("name", "year", "month", "expected"),
    [
        ("Tesla", 2023, 12, (2023, 4)),
        ("Apple", 2023, 12, (2024, 1)),  # Apple's fiscal year ends in late September
        ("Microsoft", 2024, 3, (2024, 3)),
        ("Nvidia", 2023, 11, (2024, 4)),  # Nvidia calls the year ending January 2024 fiscal 2024
        ("Walmart", 2024, 1, (2024, 4)),
        ("Home Depot", 2024, 1, (2023, 4)),  # retailers name it by the year it starts
        ("Sony", 2024, 3, (2023, 4)),
        ("Toyota", 2024, 3, (2024, 4)),
        ("Oracle", 2024, 2, (2024, 3)),
        ("Nike", 2023, 11, (2024, 2)),
    ],
)
def test_registry_fiscal_calendars(name, year, month, expected):
    company = load().lookup(name)
    assert company is not None, name
    assert company.calendar.quarter_of_month(year, month) == expected


def test_unknown_company_default_calendar():
    assert FiscalCalendar.default(12).quarter_of_month(2024, 2) == (2024, 1)
    assert FiscalCalendar.default(1).quarter_of_month(2024, 1) == (2023, 4)  # January year-end: the year before
    assert FiscalCalendar.default(6).quarter_end(2024, 4) == dt.date(2024, 6, 30)


def test_latest_quarter_ended_14_days_before_publication():
    cal = FiscalCalendar(12, "end")
    assert cal.latest_ended(dt.date(2024, 1, 20)) == (2023, 4)
    assert cal.latest_ended(dt.date(2024, 1, 10)) == (2023, 3)


def art(text: str, published: str = "2024-01-25", title: str | None = None) -> Article:
    return Article("t", text, title, None, dt.date.fromisoformat(published))


@pytest.mark.parametrize(
    ("text", "published", "company", "expected"),
    [
        ("Tesla reported fourth-quarter profit on Wednesday.", "2024-01-25", "Tesla", (2023, 4)),
        ("Apple posted record revenue for the December quarter.", "2024-02-02", "Apple", (2024, 1)),
        ("Apple's fiscal 2024 first quarter was strong.", "2024-02-02", "Apple", (2024, 1)),
        ("Microsoft's revenue for the three months ended March 31 rose 17%.", "2024-04-26", "Microsoft", (2024, 3)),
        ("Walmart's Q4 sales beat forecasts.", "2024-02-20", "Walmart", (2024, 4)),
        ("Nvidia's 3rd qtr revenue tripled.", "2023-11-22", "Nvidia", (2024, 3)),
        ("Siemens said first-half profit rose.", "2024-05-16", "Siemens", (2024, 2)),
        ("Toyota's full year operating profit hit a record.", "2024-05-09", "Toyota", (2024, 4)),
        ("Tesla's chief executive spoke about robots at a conference.", "2024-05-02", "Tesla", (2024, 1)),
        (
            "Tesla said deliveries fell.\n\nIt reported fourth-quarter results a year earlier.",
            "2024-04-25",
            "Tesla",
            (2024, 1),
        ),
    ],
)
def test_article_quarter(text, published, company, expected):
    cal = load().lookup(company).calendar
    assert normalize.article_quarter(art(text, published), cal) == expected


def test_forecast_quarter_when_no_results_are_reported():
    text = "Dean Widgets Co expects earnings for the fourth quarter ending May 31 to exceed last year's."
    a = art(text, "1987-02-26")
    primary, _ = normalize.companies_of(a, load())
    assert primary.name == "Dean Widgets"
    cal = normalize._calendar(primary, text)
    assert cal.end_month == 5
    assert normalize.article_quarter(a, cal) == (1987, 4)


@pytest.mark.parametrize(
    ("text", "title", "name", "ticker"),
    [
        ("Harbor Freightways Inc. (NASDAQ: HBFW) reported higher profit.", None, "Harbor Freightways", "HBFW"),
        ("Kraft Foods Inc (KFT.N) said profit rose.", None, "Kraft Foods", "KFT"),
        ("Dean Widgets Co said profit rose.", "DEAN WIDGETS <DWG> PROFIT RISES", "Dean Widgets", "DWG"),
        ("Hongkong Widgets Ltd <HKWG.HK> said profit rose.", None, "Hongkong Widgets", "HKWG.HK"),
        ("Apple reported record iPhone sales on Thursday.", None, "Apple", "AAPL"),
        ("Toyota Motor Corp raised its forecast.", None, "Toyota", "7203.T"),
        ("Brightwater Robotics Ltd, a private company, said sales doubled.", None, "Brightwater Robotics", None),
    ],
)
def test_company_and_ticker(text, title, name, ticker):
    primary, _ = normalize.companies_of(art(text, title=title), load())
    assert (primary.name, primary.ticker) == (name, ticker)


def test_canonical_names():
    assert normalize.canonical("The Coca-Cola Co.") == "Coca-Cola"
    assert normalize.canonical("Dean Foods Co") == "Dean Foods"
    assert normalize.canonical("Acme Holdings Inc.") == "Acme"


def test_row_ids_are_stable():
    assert normalize.row_id("a", 1, 5) == normalize.row_id("a", 1, 5)
    assert normalize.row_id("a", 1, 5) != normalize.row_id("a", 1, 6)
    assert len(normalize.row_id("a", 1, 5)) == 16


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Apple Inc reported results.", ["Apple"]),
        ("(Apple) and 'Apple' and -Apple", ["Apple", "Apple", "Apple"]),
        ("iApple and x-Apple and U.S.-Apple are not the company", []),  # inside a longer word
        ("Apple’s chief and Apple's chief", ["Apple", "Apple"]),
        ("eXp World Holdings Inc said", ["eXp World"]),  # an alias that starts in lower case
        ("Shares of 3M Co rose", ["3M"]),
    ],
)
def test_registry_finds_names_only_where_a_word_starts(text, found):
    assert [c.name for _, _, c in load().find(text)] == found


def test_an_initialism_is_not_a_corporate_suffix():
    # "S.A." ends a company name; the "S.A" of "S.A.Q." after a person's name does not
    text = (
        "Quarry Stone Inc said it expects a loss in its third quarter.\n"
        '    "We see no quick return on the unit," Romilly Ashdown, S.A.Q. president said.\n'
    )
    _, companies = normalize.companies_of(Article("a", text, published=dt.date(1987, 3, 20)), load())
    assert "Romilly Ashdown" not in [c.name for c in companies]
    text2 = "Grupo Ferrovial S.A. said profit rose."
    _, companies = normalize.companies_of(Article("b", text2, published=dt.date(1987, 3, 20)), load())
    assert "Grupo Ferrovial" in [c.name for c in companies]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # results reported before, cited as such, are the results the article reports
        (
            "Ferro Line Inc expects a better first quarter.\n\nLast week it reported a\nloss of 1.2 mln dlrs for 1986.",
            "1987-03-06",
            (1986, 4),
        ),
        (
            "Ferro Line Inc cautioned on 1987 profits.\n\nFerro Line earlier reported that 1986 per share\n"
            "earnings rose 28 pct.",
            "1987-03-12",
            (1986, 4),
        ),
        # a year compared against is not a year reported
        ("Ferro Line Inc expects 1987 profits to exceed 1986 results.", "1987-04-09", (1987, 4)),
        # estimates of a period do not report it; the period the lede forecasts does
        (
            "Ferro Line Inc expects revenue for the quarter ending March 31 to rise.\n\nIt spoke in response to "
            "analysts' fourth quarter revenue estimates.",
            "1987-03-03",
            (1987, 1),
        ),
        # a forecast named only in the body, when the headline and lede name no period
        (
            "With the tax deadline near, customers are queuing.\n\nResults are expected to be good in fiscal "
            "1987, analysts said.",
            "1987-03-16",
            (1987, 4),
        ),
        (
            "Ferro Line Inc sees rising profits in the current fiscal year ending in early March, 1988, its "
            "chairman said.",
            "1987-03-20",
            (1988, 4),
        ),
    ],
)
def test_article_quarter_per_the_guide(text, published, expected):
    assert normalize.article_quarter(art(text, published), FiscalCalendar.default(12)) == expected


def test_the_texts_fiscal_year_beats_an_unchecked_registry_default():
    text = "Blockwell Tax Inc expects its fiscal 1987 year (to end April 30) to show good gains."
    registry_default = Company("Blockwell Tax", "BTX", FiscalCalendar(12, "end"), known=True)
    checked = replace(registry_default, calendar_checked=True)
    assert normalize._calendar(registry_default, text).end_month == 4
    assert normalize._calendar(checked, text).end_month == 12


def test_a_headline_code_names_the_company_as_the_text_spells_it():
    text = "Lone Star Trust Bancorp of Texas, which lost 90 mln dlrs in 1986, said losses would continue."
    primary, _ = normalize.companies_of(
        art(text, "1987-03-31", title="AUDITORS QUALIFY LONE STAR TRUST <LST> OPINION"), load()
    )
    assert (primary.name, primary.ticker) == ("Lone Star Trust", "LST")

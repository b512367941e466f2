"""The quarter stage: the fiscal quarter an article's earnings news is about, per the guide's three steps."""

import datetime as dt

import pytest

from conftest import doc_until
from earnings_events.fiscal import FiscalCalendar
from earnings_events.pipeline import quarter
from earnings_events.registry import load


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


def doc_of(text: str, published: str = "2024-01-25", title: str = ""):
    return doc_until(text, "scope", title=title, published=dt.date.fromisoformat(published))


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
    assert quarter.article_quarter(doc_of(text, published), cal) == expected


def test_forecast_quarter_when_no_results_are_reported():
    text = "Dean Widgets Co expects earnings for the fourth quarter ending May 31 to exceed last year's."
    doc = doc_until(text, "quarter", published=dt.date(1987, 2, 26))
    assert doc.primary is not None and doc.primary.name == "Dean Widgets"
    assert doc.fiscal_year_end == 5
    assert doc.quarters["Dean Widgets"] == (1987, 4)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # results "reported last week" are background (the guide's step 1): the first quarter forecast is the news
        (
            "Ferro Line Inc expects a better first quarter.\n\nLast week it reported a\nloss of 1.2 mln dlrs for 1986.",
            "1987-03-06",
            (1987, 1),
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
    assert quarter.article_quarter(doc_of(text, published), FiscalCalendar.default(12)) == expected


def test_a_fiscal_year_the_article_states_beats_the_registry():
    text = "Blockwell Tax Inc expects its fiscal 1987 year (to end April 30) to show good gains."
    doc = doc_until(text, "company", published=dt.date(1987, 3, 16), companies={"Blockwell Tax": {"ticker": "BTX"}})
    assert doc.fiscal_year_end == 4
    assert quarter.calendar_for(doc, doc.primary).end_month == 4


@pytest.mark.parametrize(
    ("text", "title", "published", "expected"),
    [
        # the base of a forecast is background: the forecast year is the news (step 2)
        (
            "Standard Widgetco said it expects earnings in 1987 to increase 15 pct from the 9.1 mln dlrs recorded "
            "in 1986.",
            "STANDARD WIDGETCO SEES BETTER YEAR",
            "1987-02-26",
            (1987, 4),
        ),
        # a relative period: this year
        (
            "Quillon Tools expects higher profits this year, its chairman said.",
            "QUILLON SEES HIGHER PROFITS",
            "1987-03-15",
            (1987, 4),
        ),
        # the quarter "for the quarter" reports, when no named period says which
        (
            "NEW YORK (Reuters) - Northwind Inc forecast 2018 profit above estimates on Friday.\n\nExcluding items, "
            "Northwind earned $1.48 per share for the quarter, topping estimates.",
            "Northwind boosts 2018 forecast",
            "2018-01-26",
            (2017, 4),
        ),
    ],
)
def test_the_guides_steps_on_forecasts_and_background(text, title, published, expected):
    doc = doc_until(text, "quarter", title=title, published=dt.date.fromisoformat(published))
    assert doc.quarters[doc.primary.name] == expected


def test_a_fiscal_year_end_stated_in_a_subordinate_clause():
    text = "Logiwidget raised its targets for the 2018 fiscal year, which ends on March 31. Sales rose in the three months ended Dec. 31."
    doc = doc_until(text, "quarter", title="Logiwidget raises guidance", published=dt.date(2018, 1, 23))
    assert doc.fiscal_year_end == 3
    assert doc.quarters[doc.primary.name] == (2018, 3)


def test_a_reported_numbered_quarter_implies_the_fiscal_year_end():
    text = (
        "MIAMI (Reuters) - Sunliner Cruises Corp ( SLC.N ) reported greater-than-expected quarterly profit on "
        "Thursday. \n\n Sunliner said fourth-quarter net income rose 24 percent to $416 million."
    )
    doc = doc_until(text, "quarter", title="Sunliner profit rises 24 pct", published=dt.date(2006, 12, 21))
    assert doc.quarters[doc.primary.name] == (2006, 4)  # fiscal year ending November


def test_a_retailers_52_week_quarter_ended_early_in_a_month():
    """ "The third quarter ended November 1": a quarter of August to October, so a January year (a US retailer's
    52/53-week year), not a quarter still running on the day of the article."""
    text = (
        "SAN FRANCISCO (Reuters) - Coastline Apparel Inc ( CLAP.N ) posted higher quarterly profit on Thursday. "
        "For the third quarter ended November 1, net income rose to $221 million."
    )
    doc = doc_until(text, "quarter", title="Coastline third-quarter profit rises", published=dt.date(2008, 11, 21))
    assert doc.fiscal_year_end == 1
    assert doc.quarters[doc.primary.name] == (2008, 3)


def test_quarterly_results_in_the_lede_are_the_quarter_just_ended():
    """Results "on Friday" eleven days after the quarter ended are that quarter's, even when the body cites the
    year before as a base; a "better-than-expected" profit is reported, not forecast."""
    text = (
        "NEW YORK (Reuters) - Northwind Industrial Co announced disappointing quarterly results on Friday. "
        "It lowered its full year 2008 forecast, which is up 0-5 percent from 2007 annual earnings."
    )
    doc = doc_until(text, "quarter", title="Northwind results disappoint", published=dt.date(2008, 4, 11))
    assert doc.quarters[doc.primary.name] == (2008, 1)
    text = (
        "NEW YORK (Reuters) - Northwind Metals Inc ( NWM.N ) on Tuesday posted a better-than-expected quarterly "
        'profit. "The metal price was dramatically better than in the first quarter," said analyst Chuck Bradford.'
    )
    doc = doc_until(text, "quarter", title="Northwind profit slips", published=dt.date(2008, 7, 8))
    assert doc.quarters[doc.primary.name] == (2008, 2)

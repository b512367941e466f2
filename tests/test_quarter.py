"""The quarter stage: the fiscal quarter an article's earnings news is about, per the guide's three steps."""

import datetime as dt

import pytest

from conftest import doc_until
from earnings_events.fiscal import FiscalCalendar
from earnings_events.pipeline import quarter
from earnings_events.pipeline.document import ScopeDecision
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
        ("ANZ", 2008, 7, (2008, 4)),  # September years, like Westpac and National Australia Bank
        ("Macquarie", 2010, 9, (2011, 2)),  # March years
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


def primary_quarter(
    text: str, title: str, published: str, companies: dict[str, dict] | None = None
) -> tuple[int, int] | None:
    """The quarter of a hand-written article's own company."""
    doc = doc_until(text, "quarter", title=title, published=dt.date.fromisoformat(published), companies=companies)
    return doc.quarters[doc.primary.name]


def checked(name: str, end_month: int, *aliases: str) -> dict[str, dict]:
    """A registry entry whose fiscal calendar was checked by hand."""
    return {name: {"aliases": list(aliases), "calendar_checked": True, "fy_end_month": end_month, "fy_naming": "end"}}


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
    assert primary_quarter(text, title, published) == expected


def test_a_fiscal_year_end_stated_in_a_subordinate_clause():
    text = "Logiwidget raised its targets for the 2018 fiscal year, which ends on March 31. Sales rose in the three months ended Dec. 31."
    doc = doc_until(text, "quarter", title="Logiwidget raises guidance", published=dt.date(2018, 1, 23))
    assert doc.fiscal_year_end == 3
    assert doc.quarters[doc.primary.name] == (2018, 3)


def test_a_reported_numbered_quarter_implies_the_fiscal_year_end():
    text = (
        "MIAMI (Reuters) - Sunliner Cruises Corp ( SLC.N ) beat forecasts with its quarterly profit on "
        "Thursday. \n\n Sunliner's fourth-quarter net income climbed 24 percent, to $416 million, it said."
    )
    doc = doc_until(text, "quarter", title="Sunliner profit rises 24 pct", published=dt.date(2006, 12, 21))
    assert doc.quarters[doc.primary.name] == (2006, 4)  # fiscal year ending November


@pytest.mark.parametrize(
    ("text", "title", "published", "expected"),
    [
        # a numbered quarter named first without its results ("the first quarter held a benefit") leaves
        # the year end to the one a later sentence reports: the quarter ended in September, the year in June
        (
            "Harbor Grocers Inc's quarterly loss grew, it said on Monday.\n\nThe first quarter held a storm-related "
            "benefit worth $2 million to the grocer. For the first quarter, Harbor Grocers lost $8.3 million, its "
            "widest loss yet.",
            "Harbor Grocers loss widens",
            "2009-10-26",
            (2010, 1),
        ),
        # "the three-month period that ended Oct. 31" is a quarter mention: its results are the news, not the
        # year whose forecast the headline raises
        (
            "Northwind Stores Inc lifted its forecast for the whole year on Tuesday.\n\nNorthwind reported net income of "
            "$4.6 billion for the three-month period that ended Sept. 30, its best showing in years.",
            "Northwind raises full-year forecast",
            "2024-10-22",
            (2024, 3),
        ),
        # a retailer's "52 weeks to the end of April 2019" is its fiscal year, which a warning is about
        (
            "Shares in Quillon Apparel fell on Tuesday as the retailer cautioned that the warm autumn would cut its profit "
            "this year.\n\nIt now expects pre-tax profit for the 52 weeks to the end of April 2019 of up to $70 "
            "million.",
            "Quillon Apparel warns on profit",
            "2018-10-02",
            (2019, 4),
        ),
    ],
)
def test_quarter_mentions_that_name_the_fiscal_calendar(text, title, published, expected):
    assert primary_quarter(text, title, published) == expected


def test_a_retailers_52_week_quarter_ended_early_in_a_month():
    """A third quarter that "ended November 1": a quarter of August to October, so a January year (a US retailer's
    52/53-week year), not a quarter still running on the day of the article."""
    text = (
        "SAN FRANCISCO (Reuters) - Coastline Apparel Inc ( CLAP.N ) said on Thursday its quarterly profit improved. "
        "Net income climbed to $221 million in the third quarter, which ended November 1."
    )
    doc = doc_until(text, "quarter", title="Coastline third-quarter profit rises", published=dt.date(2008, 11, 21))
    assert doc.fiscal_year_end == 1
    assert doc.quarters[doc.primary.name] == (2008, 3)


def test_quarterly_results_in_the_lede_are_the_quarter_just_ended():
    """Results "on Friday" eleven days after the quarter ended are that quarter's, even when the body cites the
    year before as a base; a "better-than-expected" profit is reported, not forecast."""
    text = (
        "NEW YORK (Reuters) - Northwind Industrial Co let investors down with its quarterly results on Friday. "
        "It cut its full year 2008 outlook to a rise of 0-5 percent from 2007 annual earnings."
    )
    doc = doc_until(text, "quarter", title="Northwind results disappoint", published=dt.date(2008, 4, 11))
    assert doc.quarters[doc.primary.name] == (2008, 1)
    text = (
        "NEW YORK (Reuters) - Northwind Metals Inc ( NWM.N ) turned in a better-than-expected quarterly profit "
        'on Tuesday. "Metal prices ran far ahead of where they stood in the first quarter," said analyst Thomas Roe.'
    )
    doc = doc_until(text, "quarter", title="Northwind profit slips", published=dt.date(2008, 7, 8))
    assert doc.quarters[doc.primary.name] == (2008, 2)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a span of months names a quarter ("October-December", Asian wires) or a half ("January-June")
        (
            "SEOUL (Reuters) - Hanbit Electronics Co estimated its October-December operating profit at 3.7 trillion won.",
            "2010-01-07",
            (2009, 4),
        ),
        (
            "TOKYO (Reuters) - Kirawa Corp said its April-June quarter net profit rose 12 percent.",
            "2008-08-01",
            (2008, 2),
        ),
        ("Kirawa said net profit for the January-June period rose 20 percent.", "2008-08-05", (2008, 2)),
    ],
)
def test_a_span_of_months_names_the_period(text, published, expected):
    assert primary_quarter(text, "Profit rises", published) == expected


def test_two_months_are_not_a_reporting_period():
    doc = doc_of("Quillon said its November-December holiday sales rose 3 percent.", "2008-01-10")
    assert not [p for p in doc.periods if p.kind in ("month_quarter", "month_half")]


def test_a_registry_year_a_month_away_from_a_52_week_year_end_wins():
    """ "Its fourth quarter ended March 3" of a company whose checked calendar ends in February (a 52/53-week year
    ending on the Saturday nearest the end of February): the quarter has ended, three weeks before the article."""
    text = (
        "MINNEAPOLIS (Reuters) - Harbor Electronics Inc ( HBE.N ) reported a drop in profit on Thursday. "
        "Net income fell 9 percent over the quarter, the last of its fiscal year ended March 3."
    )
    companies = {
        "Harbor Electronics": {
            "ticker": "HBE",
            "calendar_checked": True,
            "calendars": [{"fy_end_month": 2, "fy_naming": "end", "source": "hand", "until": None}],
            "fy_end_month": 2,
            "fy_naming": "end",
        }
    }
    doc = doc_until(
        text, "quarter", title="Harbor Electronics profit falls", published=dt.date(2012, 3, 29), companies=companies
    )
    assert doc.quarters["Harbor Electronics"] == (2012, 4)


def test_a_years_results_after_that_compares_with_are_a_base():
    assert quarter.article_quarter(
        doc_of(
            "Weston Stores warned its profit would slip this year. That compares with profits of 1 billion pounds in "
            "the year ended March 2008.",
            "2008-07-02",
            title="Weston Stores warns on profit",
        ),
        FiscalCalendar(3, "end"),
    ) == (2009, 4)


@pytest.mark.parametrize(
    ("text", "title", "published", "expected"),
    [
        # results "last month" are background, wherever the sentence says so
        (
            "Quillon Inc sees a bumpy first half of 2007, its finance chief told investors on Wednesday. Quillon "
            "reported weak fourth-quarter results last month.",
            "Quillon sees bumpy first half of 2007",
            "2007-02-21",
            (2007, 2),
        ),
        # a broker's guess of what a quarter could bring is not that quarter's results
        (
            "Harbor Motors expects better results this year, its boss told reporters on Monday. A brokerage said "
            "firmer pricing could lift fourth-quarter earnings.",
            "Harbor Motors sees better results",
            "2007-01-08",
            (2007, 4),
        ),
        # a market share in a quarter is not the company's results
        (
            "Lakeside Chips Inc warned on Monday that first-quarter revenue would miss its own forecast. "
            "Its chief executive spoke at a conference. Its market share slipped to 24 percent in the fourth quarter "
            "of 2006, according to a research firm.",
            "Lakeside Chips warns on revenue",
            "2007-03-05",
            (2007, 1),
        ),
        # a quarter pre-announced beside the new year's forecast, its full report still to come: the forecast's
        # year is the news (the guide's step 2 and its headline)
        (
            "Quillon Inc on Tuesday lifted its 2008 profit forecast on strong demand for its pumps.\n\nThe company "
            "also said fourth-quarter results were ahead of its plan. Quillon will report full results for the "
            "fourth quarter on January 29.",
            "Quillon lifts 2008 profit forecast",
            "2008-01-08",
            (2008, 4),
        ),
    ],
)
def test_forecast_news_is_not_moved_by_background_quarters(text, title, published, expected):
    assert primary_quarter(text, title, published) == expected


@pytest.mark.parametrize(
    ("text", "title", "published", "expected"),
    [
        # a 1987 headline forecasting "YEAR NET" names the current year, before the lede's first quarter
        (
            "Quillon Can Co chairman said the company will post higher earnings in both the first quarter and the "
            "full year.",
            "QUILLON CAN <QCN> SEES HIGHER YEAR NET",
            "1987-03-20",
            (1987, 4),
        ),
        # a multi-year horizon names its first year (the guide's "through 1989")
        (
            "Harbor Electric Corp said earnings per share growth will be in the double digit range through 1989.",
            "HARBOR ELECTRIC <HEC> SEES HIGHER EARNINGS GROWTH",
            "1987-03-27",
            (1987, 4),
        ),
        # shares bought in a quarter are not that quarter's results
        (
            "Lakeside Media Inc's finance chief said he is at ease with analysts' estimates that 1987 earnings "
            "will be 4.25 dlrs a share.\n\nHe said the company bought back 700,000 shares in the first quarter of 1987 "
            "for an average of 81 dlrs each.",
            "LAKESIDE MEDIA <LKM> 1987 EARNINGS MAY BE 4.25 DLRS SHARE",
            "1987-04-03",
            (1987, 4),
        ),
        # "projections for the quarter" while the opening previews a quarter still running: that quarter
        (
            "Quillon Computers Inc said it expects higher earnings in its second fiscal quarter ending March 31 "
            "against a year ago.\n\nIts chief executive declined to offer specific projections for the quarter.",
            "QUILLON COMPUTERS <QCI> SEES HIGHER NET",
            "1987-03-05",
            (1987, 2),
        ),
    ],
)
def test_forecast_periods_of_1987_headlines_and_horizons(text, title, published, expected):
    assert primary_quarter(text, title, published) == expected


def test_estimates_a_reported_quarter_beat_do_not_make_it_a_forecast():
    text = (
        "NEW YORK (Reuters) - Harbor Chips Corp ( HCC.O ) said third-quarter profit climbed 9 percent as its "
        "gross margins beat expectations, and its stock rose on Tuesday.\n\nIt guided expectations for revenue "
        "in the fourth quarter lower."
    )
    assert primary_quarter(text, "INSTANT VIEW: Harbor Chips results beat expectations", "2008-10-14") == (2008, 3)


@pytest.mark.parametrize(
    ("text", "title", "published", "expected"),
    [
        # a quarter just ended whose results a broker forecasts: the previewed quarter, not the year
        (
            "(Reuters) - Lakeside Securities said it expects Harbor Bank Corp ( HBC.N ) to report a third-quarter "
            "loss.\n\nThe broker lowered its 2008 estimate for the lender to $1.20 a share, from $1.80.",
            "Lakeside sees loss for Harbor Bank",
            "2008-10-13",
            (2008, 3),
        ),
        # results that "came in short of expectations" were reported
        (
            "SAN FRANCISCO (Reuters) - Harbor Search Inc shares slid Friday, after its quarterly results came in "
            "short of expectations.\n\nAnalysts see its 2011 profit rising.",
            "Harbor Search shares slide",
            "2010-04-16",
            (2010, 1),
        ),
    ],
)
def test_previewed_and_reported_quarters_of_research_stories(text, title, published, expected):
    assert primary_quarter(text, title, published) == expected


def test_the_holiday_quarter_and_a_forecast_beating_quarter():
    text = "NEW YORK (Reuters) - Harbor Devices Inc sailed past Wall Street's sales forecasts in the holiday quarter."
    assert primary_quarter(text, "Harbor Devices sales surge", "2011-01-18") == (2010, 4)
    periods = doc_of("It said so after forecast-beating first-quarter results.", "2011-05-05").periods
    assert [(p.kind, p.compared) for p in periods] == [("quarter", False)]


@pytest.mark.parametrize(
    ("text", "title", "published", "expected"),
    [
        # estimates the quarter's profit beat: its results, reported
        (
            "LOS ANGELES (Reuters) - Harbor Auctions Inc ( HAUC.O ) beat Wall Street's quarterly profit estimates, "
            "thanks to its payments arm.\n\nAnalysts see a slower second half.",
            "Harbor Auctions beats on payments",
            "2010-07-21",
            (2010, 2),
        ),
        (
            "NEW YORK (Reuters) - Harbor Soda Group Inc's quarterly profit, adjusted, topped analysts' estimates on "
            "Thursday, and shares rose.\n\nIt also gave a forecast of full-year profit above estimates.",
            "Harbor Soda beats estimates, shares jump",
            "2009-03-26",
            (2008, 4),
        ),
        # guidance news whose second sentence gives the quarter's verdict: results-day guidance, the quarter reported
        (
            "NEW YORK (Reuters) - Harbor Machines raised its forecast of full-year earnings, and the stock climbed.\n\n"
            "Analysts said stronger-than-expected quarterly earnings and the new outlook hint the slump has passed.",
            "Harbor Machines hikes full-year outlook",
            "2009-07-17",
            (2009, 2),
        ),
        # a verdict with no period named: the latest quarter's results
        (
            "CHICAGO (Reuters) - Harbor Cosmetics Inc ( HCOS.N ) topped profit expectations as sales jumped "
            "overseas.\n\nIt also raised its forecast for 2011.",
            "Harbor Cosmetics tops expectations",
            "2011-02-03",
            (2010, 4),
        ),
    ],
)
def test_a_verdict_against_estimates_reports_the_quarter(text, title, published, expected):
    assert primary_quarter(text, title, published) == expected


@pytest.mark.parametrize(
    ("text", "title", "published", "expected"),
    [
        # an opening that reports results and forecasts the next quarter: the results are the news
        (
            "BOSTON (Reuters) - Harbor Controls Inc ( HCI.N ) reported a profit gain of nearly 13 percent on Friday, "
            "but its stock slid as it forecast first-quarter earnings under expectations.\n\nFourth-quarter "
            "earnings at the avionics maker climbed to $585 million.",
            "Harbor Controls profit rises, outlook hits stock",
            "2007-01-26",
            (2006, 4),
        ),
        # results cited as a month old are background to the news of the day
        (
            "(Reuters) - Harbor Electronics Co kept its 2011 profit outlook unchanged despite soft October "
            "sales.\n\nThe update came under a month after its third-quarter profit missed analysts' "
            "estimates.",
            "Harbor Electronics sticks to profit view",
            "2011-11-10",
            (2011, 4),
        ),
    ],
)
def test_results_of_the_day_beside_a_forecast_and_results_cited_as_a_month_old(text, title, published, expected):
    assert primary_quarter(text, title, published) == expected


def test_earlier_this_year_is_a_date_not_a_period():
    periods = doc_of("It fended off a takeover bid earlier this year and sees this year's profit rising.").periods
    assert [(p.kind, p.which) for p in periods] == [("relative", "this")]


@pytest.mark.parametrize(
    ("text", "title", "published", "expected"),
    [
        # a December outlook story recalls a quarter reported in October: background, the forecast is the news
        (
            "Ridgeline Industries Inc sees 2007 earnings growing 12 percent to 16 percent, the "
            "manufacturer said on Thursday.\n\nIn the third quarter, Ridgeline reported profit up 19 percent.",
            "Ridgeline sees 2007 profit up",
            "2006-12-14",
            (2007, 4),
        ),
        (
            "Harbor Lighting said on Thursday it no longer sees itself reaching its medium-term profit goal as demand "
            "weakened.\n\nThe group expects a weak fourth quarter. Harbor Lighting reported a third-quarter net profit "
            "of 90 million euros.",
            "Harbor Lighting gives up on targets",
            "2008-12-04",
            (2008, 4),
        ),
        # ... while the same story on the day of the quarter's results keeps them
        (
            "Ridgeline Industries Inc sees 2007 earnings growing 12 percent to 16 percent, the "
            "manufacturer said on Thursday.\n\nIn the third quarter, Ridgeline reported profit up 19 percent.",
            "Ridgeline sees 2007 profit up",
            "2006-10-19",
            (2006, 3),
        ),
    ],
)
def test_a_quarter_reported_weeks_before_a_forecast_is_background(text, title, published, expected):
    companies = checked("Ridgeline", 12, "Ridgeline Industries") | checked("Harbor Lighting", 12)
    assert primary_quarter(text, title, published, companies) == expected


@pytest.mark.parametrize(
    ("text", "title", "published", "expected"),
    [
        # a warning on "quarterly earnings" halfway through a quarter: the quarter running (Pinecrest's second
        # quarter runs from December to February)
        (
            "Pinecrest Wholesale Corp warned that quarterly earnings would come in far under analysts' estimates "
            "because it marked down goods over the holidays.",
            "Pinecrest stock slides on earnings warning",
            "2009-02-04",
            (2009, 2),
        ),
        # ... days after a quarter closed, before its report: that quarter
        (
            "Pinecrest Wholesale Corp warned that quarterly earnings would come in far under analysts' estimates "
            "because it marked down goods over the holidays.",
            "Pinecrest stock slides on earnings warning",
            "2009-09-10",
            (2009, 4),
        ),
        # a quarter closed days ago whose profit the body forecasts, before the next one's
        (
            "Ridgeline Freight Corp said profits in the current and next quarters should land above analysts' "
            "forecasts.\n\nRidgeline said it expects first-quarter earnings of 44 cents to 49 cents a share. It sees "
            "second-quarter earnings rising too.",
            "Ridgeline Freight stock rises on brighter outlook",
            "2009-09-11",
            (2010, 1),
        ),
        # "an outlook for 2010" names the year forecast
        (
            "Diversified manufacturer Harbor Works Co gave a guarded outlook for 2010 on Tuesday.\n\nAnalysts expect "
            "2009 earnings of $4.30 a share.",
            "Harbor Works gives guarded forecast",
            "2009-12-08",
            (2010, 4),
        ),
    ],
)
def test_warnings_and_outlooks_name_the_period_they_forecast(text, title, published, expected):
    companies = (
        checked("Pinecrest", 8, "Pinecrest Wholesale")
        | checked("Ridgeline Freight", 5, "Ridgeline")
        | checked("Harbor Works", 12)
    )
    assert primary_quarter(text, title, published, companies) == expected


def test_a_years_results_in_short_forms():
    found = [
        (p.kind, p.year)
        for p in doc_of("Facebook's '09 revenue neared $800 million. It posted an annual loss.").periods
    ]
    assert found == [("year", 2009), ("year", None)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "fiscal fourth quarter" reported in May: the quarter ended in March, so the year ends in March
        (
            "MUMBAI (Reuters) - Kestrel Softworks ( KSTR.NS ) reported a fiscal fourth-quarter net loss on "
            "Monday, dragged down by a one-off charge. Quarterly revenue climbed 4 percent.",
            "2011-05-23",
            (2011, 4),
        ),
        # "sales ... dropped in the second quarter" reported in January: the quarter ended in December, the year in June
        (
            "CHICAGO (Reuters) - Salon chain Tressa Corp ( TRSA.N ) told investors sales at older salons dropped in "
            "the second quarter, a period that takes in the holidays. Its revenue was up 3 percent.",
            "2008-01-11",
            (2008, 2),
        ),
    ],
)
def test_a_reported_quarter_that_cannot_be_the_calendar_ones_implies_the_fiscal_year(text, published, expected):
    assert primary_quarter(text, "Results", published) == expected


def test_the_year_just_ended_is_the_fiscal_year_that_closed_days_ago():
    # a March year named by its start: the year that closed on March 31, 2009 is fiscal 2008; its fourth quarter
    text = (
        "TOKYO (Reuters) - Kitano Corp ( 6999.T ) doubled its estimate of the loss for the year just ended as TV "
        "sales sagged, but pulled forward plans for a new plant."
    )
    companies = {"Kitano": {"aliases": [], "calendar_checked": True, "fy_end_month": 3, "fy_naming": "start"}}
    assert primary_quarter(text, "Kitano sees bigger loss", "2009-04-08", companies) == (2008, 4)


def test_only_the_year_just_ended_is_kept_from_the_scope_models_eyes():
    # "the year just ended" is a period the scope model was trained without; a year whose sentence merely holds
    # the word "just" is a period like any other (it had been hidden from the model too)
    doc = doc_until("Kitano Corp's profits rose just 2 percent in 2009.", "scope", published=dt.date(2010, 2, 3))
    assert [(p.year, p.scope_blind) for p in doc.periods] == [(2009, False)]
    doc = doc_until("Kitano Corp lifted its forecast for the year just ended.", "scope", published=dt.date(2010, 4, 3))
    assert [p.scope_blind for p in doc.periods] == [True]


def test_results_reported_in_the_opening_with_no_period_named_are_the_latest_quarters():
    # the only period named is what an estimate is for: the news is the results of the quarter just ended
    text = (
        "NEW YORK (Reuters) - Northfield Bancorp ( NFB.N ) and other regional lenders reported weak earnings on "
        "Tuesday as loan losses mounted. "
        "\n\n Analysts have cut their 2007 profit estimates for the group. The banks expect full-year loan growth "
        "to slow."
    )
    assert primary_quarter(text, "Banks' results weak", "2007-04-17") == (2007, 1)


@pytest.mark.parametrize(
    ("text", "title", "published", "expected"),
    [
        # the nine months to December are a fiscal year's first nine months: the year ends in March
        (
            "TOKYO (Reuters) - Harukaze Denki ( 0990.HK ) said on Tuesday the recall would leave its earnings "
            "intact. \n\n Operating profit for the April-December period fell 12 percent.",
            "Harukaze sees no hit from recall",
            "2013-02-05",
            (2013, 3),
        ),
        # a first half that is the six months to December: the year ends in June
        (
            "SYDNEY (Reuters) - Wattle Brewing ( WTB.NZ ) reported soft first-half profits on Tuesday. \n\n Net "
            "profit in the six months to December slipped 8 percent to A$210 million.",
            "Wattle Brewing first-half profit falls",
            "2011-02-15",
            (2011, 2),
        ),
        # the opening's third quarter is the 3 months to end-December: the year ends in March
        (
            "DUBLIN (Reuters) - Irish carrier Skylark swung to a third-quarter net loss on Monday. \n\n Its loss came "
            "to 95 million euros for the 3 months to end-December, against a profit a year earlier.",
            "Skylark posts Q3 loss",
            "2009-02-02",
            (2009, 3),
        ),
    ],
)
def test_spans_of_named_months_imply_an_unchecked_fiscal_year(text, title, published, expected):
    assert primary_quarter(text, title, published) == expected


def test_a_span_not_yet_ended_implies_nothing():
    # "the three months to December" said in October is a forecast: the calendar stays December's
    text = (
        "NEW YORK (Reuters) - Copperline Corp ( CPL.N ) reported third-quarter profit on Tuesday. \n\n It sees "
        "revenue growing in the three months ending December."
    )
    assert primary_quarter(text, "Copperline profit rises", "2009-10-20") == (2009, 3)


def test_a_tokyo_listing_without_a_checked_calendar_ends_its_year_in_march():
    text = (
        "TOKYO (Reuters) - Hoshino Brokerage ( 8699.T ) said quarterly profit jumped 68 percent on the year. "
        "\n\n Its profit in the July-September quarter reached 30 billion yen."
    )
    assert primary_quarter(text, "Hoshino profit up", "2007-10-29") == (2008, 2)


def test_results_reported_last_week_before_a_forecast_are_background():
    # "reported ... last week for the April-June first quarter": the news is the second-half forecast
    text = (
        "TOKYO (Reuters) - Kitano Motor Co sees its auto unit back in the black in the second half, a senior "
        "executive said on Wednesday. \n\n Kitano, the country's third-biggest carmaker, reported a surprise profit "
        "last week for the April-June first quarter, helped by its lending arm."
    )
    companies = {
        "Kitano Motor": {"aliases": ["Kitano"], "calendar_checked": True, "fy_end_month": 3, "fy_naming": "end"}
    }
    assert primary_quarter(text, "Kitano sees auto unit in the black in H2", "2009-08-05", companies) == (
        2010,
        4,
    )


def test_its_current_quarter_is_the_quarter_running():
    text = (
        "PALO ALTO (Reuters) - Quillon Corp ( QLN.N ) is sure it will meet its current quarter profit goal, "
        "a senior executive said on Tuesday. \n\n The company expects fiscal 2009 revenue to grow."
    )
    companies = checked("Quillon", 10)
    assert primary_quarter(text, "Quillon sure of meeting quarter profit goal", "2008-09-16", companies) == (
        2008,
        4,
    )


def test_a_period_named_for_something_else_than_results_is_no_forecast():
    # "milk prices ... by the third quarter" forecasts no results; the second quarter's per-share forecast does
    text = (
        "CHICAGO (Reuters) - Dairyland Foods Co lowered its profit forecast on Tuesday, blaming what it pays for raw "
        "milk. \n\n Raw milk prices look set to hit record highs by the third quarter, Dairyland said. "
        "Dairyland said it now expects to earn 27 cents to 29 cents a share in the second quarter, under its "
        "earlier range of 34 cents to 36 cents."
    )
    assert primary_quarter(text, "Dairyland Foods cuts profit forecast", "2007-06-12") == (2007, 2)


def test_results_news_naming_no_period_is_the_latest_quarters_not_a_forecast_the_body_cites():
    text = (
        "LOS GATOS (Reuters) - Investors are doubting that Reelhouse Inc can win back the subscribers it lost, "
        "and its stock posted its steepest one-day drop since 2004 a day after its results. \n\n "
        "Analysts cut their 2011 earnings estimates for the company."
    )
    doc = doc_until(
        text,
        "quarter",
        title="Reelhouse faces more doubts, shares drop after results",
        published=dt.date(2011, 10, 25),
    )
    assert doc.scope.reason in quarter._RESULTS_NEWS
    assert doc.quarters[doc.primary.name] == (2011, 3)


def test_results_news_days_after_a_quarter_closed_is_that_quarters_and_a_warning_is_the_running_ones():
    # an analyst on a quarter that closed five days ago, before its report (the scope stage's reason: results told
    # through analysts): that quarter, not the full year the body's estimates are for
    text = (
        "NEW YORK (Reuters) - Counterparty fears weighed on trading at Lehmann Partners, an analyst said on "
        "Thursday, and its stock fell 4 percent. \n\n Analysts cut their 2008 earnings estimates."
    )
    companies = checked("Lehmann Partners", 11, "Lehmann")
    doc = doc_until(
        text,
        "company",
        title="Analyst says counterparty fears hit Lehmann trading",
        published=dt.date(2008, 6, 5),
        companies=companies,
    )
    doc.scope = ScopeDecision(True, "results_via_shares_or_analysts")
    assert quarter.annotate(doc).quarters[doc.primary.name] == (2008, 2)
    # a headline that warns is news of the quarter running, not of the one last reported
    assert quarter._warning_opening(doc_of("x", title="Pinecrest warns on profit, stock sinks"))
    assert quarter._warning_opening(doc_of("x", title="Quillon's reader may be top holiday gift"))
    assert not quarter._warning_opening(doc_of("x", title="Reelhouse faces more doubts, shares drop"))


@pytest.mark.parametrize(
    ("text", "title", "published", "expected"),
    [
        # a plan over several years laid out mid-year: the year running is its first
        (
            "Tallgrass Networks Inc expects revenue at its payments unit to double by 2013, executives said on "
            "Thursday.",
            "Tallgrass sees payments unit doubling",
            "2011-02-10",
            (2011, 4),
        ),
        # ... laid out in the year's last weeks: the next year is its first ("through '09", said in December)
        (
            "Harbourview Hotels Corp on Wednesday forecast yearly profit growth of 15 to 21 percent over the coming "
            "three years.",
            "Harbourview sees profit up 15-21 pct a year through '09",
            "2006-12-13",
            (2007, 4),
        ),
        (
            "Quellmark Inc aims to treble its operating margin within three years, its chief executive told "
            "investors on Tuesday.",
            "Quellmark aims to boost margins",
            "2009-11-10",
            (2010, 4),
        ),
        # a range of years in the headline: its first year, not its last ("2023-2026 profit targets")
        (
            "Harbor Machines Inc set profit targets for 2023 through 2026 at a meeting with investors on Tuesday.",
            "Harbor Machines sets 2023-2026 profit targets",
            "2022-11-15",
            (2023, 4),
        ),
    ],
)
def test_a_multi_year_horizon_is_named_by_its_first_year(text, title, published, expected):
    assert primary_quarter(text, title, published) == expected


def test_a_horizon_is_a_forecast_only_of_results():
    # "shed 4,000 jobs by 2009" plans no results: the quarter is step 3's
    text = "Norvane Corp plans to shed 4,000 jobs by 2009 in a restructuring, it said on Tuesday."
    assert primary_quarter(text, "Norvane to cut jobs", "2007-06-12") == (2007, 1)
    # "its lowest in two years" looks back: no horizon
    assert not [p for p in doc_of("Its stock sank to its lowest in two years.").periods if p.kind == "horizon"]


def test_results_recalled_at_an_investor_meeting_are_background():
    # the quarter reported weeks before the meeting is not the news: the forecast in the opening is
    text = (
        "Brightwell Systems Inc stood by its outlook for this year's earnings, its chief executive said at an "
        "annual meeting with analysts in Boston.\n\nBrightwell's first-quarter revenue slid 10 percent on the year, "
        "though savings kept the drop in net profit smaller."
    )
    assert primary_quarter(text, "Brightwell confident in outlook", "2009-05-13") == (2009, 4)


def quarter_as(reason: str, text: str, title: str, published: str, companies: dict[str, dict] | None = None):
    """The quarter of a hand-written article whose scope stage gave ``reason``."""
    doc = doc_until(text, "company", title=title, published=dt.date.fromisoformat(published), companies=companies)
    doc.scope = ScopeDecision(True, reason)
    return quarter.annotate(doc).quarters[doc.primary.name]


def test_a_preview_of_results_due_this_week_is_the_quarter_just_closed():
    text = (
        "Arlen Software Corp is expected to post a drop in net profit this week, its second in three quarters.\n\n"
        "Analysts see full-year revenue rising, with growth gathering pace in the second half of 2007."
    )
    assert quarter_as("preview", text, "Arlen profit expected to fall", "2007-01-23") == (2006, 4)


def test_a_preview_of_results_due_later_in_the_day_is_the_quarter_just_closed():
    text = (
        "Arlen Devices stock may swing sharply once Arlen reports its quarterly earnings later on Thursday, "
        "options traders said.\n\nAnalysts see revenue shrinking in the first half of next year."
    )
    companies = checked("Arlen Devices", 2, "Arlen")
    assert quarter_as("preview", text, "Arlen stock to swing on earnings", "2011-06-16", companies) == (2012, 1)


def test_a_warning_on_the_quarter_beside_a_long_term_plan_is_the_quarters():
    text = (
        "Retailer Dunmore Stores Inc raised its quarterly profit outlook on Wednesday, adding that new stores should "
        "power 15 percent yearly growth in earnings per share through 2011."
    )
    companies = checked("Dunmore Stores", 12, "Dunmore")
    assert quarter_as("guidance", text, "Dunmore raises profit forecast", "2007-05-10", companies) == (2007, 2)


def test_the_body_forecasting_its_quarter_wins_over_a_plan_over_several_years():
    text = (
        "Norcastle Partners said on Friday it is riding out the roughest market turmoil in two decades.\n\n"
        "It sees its market share rising over the next two years.\n\n"
        "Norcastle said it expects a profit in its fiscal third quarter, which ends on August 31."
    )
    companies = checked("Norcastle Partners", 11, "Norcastle")
    assert quarter_as("guidance", text, "Norcastle says riding out turmoil", "2007-08-03", companies) == (2007, 3)


def test_the_current_years_forecast_cut_before_next_years_prospects():
    # the body names next year's prospects first; the forecast cut for the current year is the news
    text = (
        "TOKYO (Reuters) - Shares of Kuroda Electric Corp fell 11 percent after it slashed its profit forecast.\n\n"
        "A broker said the overhaul could push profits down again next business year. For the current "
        "business year, Kuroda slashed its net profit forecast by 85 percent."
    )
    year_to_march = {"Kuroda Electric": {"fy_end_month": 3, "fy_naming": "end", "calendar_checked": True}}
    got = quarter_as(
        "results_via_shares_or_analysts", text, "Kuroda shares tumble on outlook cut", "2008-11-28", year_to_march
    )
    assert got == (2009, 4)


def test_the_most_recent_quarter_recalled_beside_a_forecast_is_not_the_news():
    text = (
        "Calder Foods Inc gave a 2010 profit forecast that may trail analysts' estimates.\n\n"
        "Chief Financial Officer Rob Eames told investors the year would be hard. In the prior fiscal fourth quarter, "
        "Calder reported profit in line with what analysts expected."
    )
    assert quarter_as("guidance", text, "Calder warns 2010 profit may trail forecasts", "2010-03-03") == (2010, 4)


def test_next_years_forecast_stays_the_news_when_no_forecast_is_revised():
    # a preview of next year's forecasts: the body's "next year" is the news, this year's results its background
    text = (
        "Kuroda Electric Corp stock may get a lift when it looks ahead at an investor day.\n\n"
        "Kuroda uses the event to give its forecasts for the coming year. Kuroda has suffered this year as "
        "consumers cut spending."
    )
    got = quarter_as("preview", text, "Kuroda outlook eyed", "2009-11-23")
    assert got == (2010, 4)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a verdict on the period's estimates is a report of it, not a comparison with it
        (
            "Halden Chip Corp comfortably topped second-quarter revenue and profit estimates and forecast "
            "third-quarter sales above analysts' views.",
            "2010-07-13",
            (2010, 2),
        ),
        # an opening that forecasts a quarter still running: a quarter recalled from the last report is background
        (
            "Brantley Holdings Inc expects a $1.1 billion asset writedown in the fourth quarter, it said on "
            "Wednesday.\n\nIts leveraged lending arm took third-quarter writedowns, but that unit is recovering.",
            "2007-11-14",
            (2007, 4),
        ),
    ],
)
def test_verdicts_and_forecasts_in_the_opening_pick_the_quarter(text, published, expected):
    # (Brantley's year ends in November: its third quarter ended in August, its results came out weeks before)
    companies = {**checked("Brantley Holdings", 11), **checked("Halden Chip", 12)}
    assert quarter_as("results_reported", text, "Brantley and Halden news", published, companies) == expected


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2010-10-12", (2011, 4)),  # the first month of the company's year: the year just begun
        ("2010-08-12", (2011, 4)),  # its last quarter: the year about to begin
    ],
)
def test_its_new_fiscal_year_is_the_nearer_of_the_year_begun_and_the_year_to_come(published, expected):
    text = (
        "NEW YORK (Reuters) - Quillon Controls Inc forecast sales ahead of analysts' estimates in its new fiscal "
        "year, citing battery demand."
    )
    companies = checked("Quillon Controls", 9)
    assert primary_quarter(text, "Quillon Controls sees sales ahead of estimates", published, companies) == expected


def test_a_years_results_reported_earlier_the_same_day_beat_the_forecast_headline():
    # the wire's "earlier reported" is the same day: the guide's step 1 (results of the day) before step 2
    text = (
        "Quillon Mining Corp Ltd chairman Derek Keys cautioned that profits may not rise this year if the rand "
        "stays at its current level.\n\n"
        '"We would do well to repeat last year\'s results if the rand stays depressed," Keys said.\n\n'
        "Quillon Mining earlier reported that 1986 per share earnings rose 28 pct to 616 cts."
    )
    assert primary_quarter(text, "QUILLON MINING CAUTIONS ON 1987 PROFITS", "1987-03-12") == (1986, 4)
    later = text.replace("earlier reported", "reported last month")
    assert primary_quarter(later, "QUILLON MINING CAUTIONS ON 1987 PROFITS", "1987-03-12") == (1987, 4)


def test_a_year_the_body_recalls_before_the_quarter_it_reports_is_background():
    # "In fiscal 2011, ..." four months after that year ended, beside the fiscal first quarter reported on the day
    text = (
        "SAN FRANCISCO (Reuters) - Quillon Inc's quarterly results sailed past analysts' expectations on Tuesday."
        "\n\nRevenue jumped 70 percent, and gross margin reached 44 percent in the quarter.\n\n"
        "In fiscal 2011, Quillon added $40 billion in revenue, more than most companies sell in a year.\n\n"
        "Still, some analysts said the strong fiscal first quarter showed those worries were early."
    )
    companies = checked("Quillon", 9)
    assert primary_quarter(text, "Quillon back on form, trounces Street targets", "2012-01-24", companies) == (
        2012,
        1,
    )


def test_quarterly_operating_profit_and_the_three_months_to_end_june_are_the_quarter_reported():
    # a quarterly result with an adjective between ("quarterly operating profit") and a span of months written
    # "to end-June": the quarter just ended, not the full year whose revenue growth the lede forecasts
    text = (
        "LONDON (Reuters) - Quillair Airways said on Friday its quarterly operating profit climbed by a fifth, and "
        "cautioned that dearer jet fuel would hold back full-year revenue growth.\n\n"
        "The carrier earned 190 million pounds in the three months to end-June, ahead of every analyst's estimate."
    )
    companies = checked("Quillair Airways", 3)
    assert primary_quarter(text, "Quillair profit rise beats forecasts", "2007-08-03", companies) == (2008, 1)


def test_a_quarter_printed_as_ended_on_a_day_is_ended_though_the_calendar_closes_it_at_the_month_end():
    # a 52/53-week year: its fiscal third quarter ended May 10, which a calendar of month ends closes on May 31
    text = (
        "NEW YORK (Reuters) - Quillco Wholesale Corp said on Thursday quarterly profit climbed by a third, beating "
        "analysts' views.\n\n"
        "In its fiscal third quarter ended May 10, the warehouse club earned $205 million, or 46 cents a share, "
        "against $155 million a year before."
    )
    companies = checked("Quillco Wholesale", 8)
    assert primary_quarter(text, "Quillco profit up 32 percent", "2008-05-29", companies) == (2008, 3)
    # (printed as ending after publication, it is the calendar's word that counts)
    later = text.replace("ended May 10", "ended May 30")
    assert primary_quarter(later, "Quillco profit up 32 percent", "2008-05-29", companies) == (2008, 2)
    # (nor is a year-old quarter's printed end the end of this year's: "the fourth quarter ended March 31", said
    # in July of a March year, is the last year's, not one that has not ended)
    text = (
        "BOSTON (Reuters) - Fund firm Quillon Mason Inc lost more money than analysts had feared in its latest "
        "quarter.\n\n"
        "Clients pulled $9 billion, against $14 billion in the fourth quarter ended March 31.\n\n"
        "The net loss came to $20 million for its fiscal first quarter ended June 30."
    )
    assert primary_quarter(text, "Quillon loss worse than forecast", "2008-07-25", checked("Quillon Mason", 3)) == (
        2009,
        1,
    )


def test_results_a_sentence_dates_to_an_earlier_month_are_background_to_the_days_forecast_cut():
    # "In February, ... reported" in a March story: the forecast of the quarter running is the news
    text = (
        "NEW YORK (Reuters) - Store chain Quillney Co Inc lowered its first-quarter earnings forecast on Friday, "
        "saying shoppers would stay careful for all of 2008.\n\n"
        "Quillney now sees first-quarter earnings of about 40 cents a share.\n\n"
        "In February, Quillney reported an 8 percent fall in quarterly profit."
    )
    companies = {"Quillney": {"calendar_checked": True, "fy_end_month": 1, "fy_naming": "start"}}
    assert primary_quarter(text, "Quillney cuts earnings forecast", "2008-03-28", companies) == (2008, 1)
    # (results dated to the lede's own day are the day's news; to another weekday, background: see below)
    same_day = text.replace("In February", "On Friday")
    assert primary_quarter(same_day, "Quillney cuts earnings forecast", "2008-03-28", companies) == (2007, 4)


def test_a_warning_on_quarterly_earnings_weeks_after_the_quarter_closed_is_about_that_quarter():
    # 23 days after December 31, not yet reported: the closed quarter, not the one running
    text = (
        "NEW YORK (Reuters) - Insurer Quillac Inc said on Friday its quarterly operating earnings will meet its own "
        "goal, and its shares jumped.\n\n"
        "Quillac added that it will keep paying its dividend."
    )
    assert primary_quarter(text, "Quillac says to meet earnings target", "2009-01-23", checked("Quillac", 12)) == (
        2008,
        4,
    )
    # (five weeks on, a warning is about the quarter running)
    assert primary_quarter(text, "Quillac says to meet earnings target", "2009-02-10", checked("Quillac", 12)) == (
        2009,
        1,
    )


def test_another_companys_quarter_end_does_not_override_a_checked_calendar_the_text_also_bears_out():
    # the rival's "third quarter ended November 26" comes first; the company's own "first quarter ended November
    # 30" agrees with its checked August year
    text = (
        "CHICAGO (Reuters) - Quillgreen Co's quarterly profit grew, the pharmacy chain said on Wednesday.\n\n"
        "Smaller rival Quill Aid had a loss in its third quarter ended November 26, it said last week.\n\n"
        "Quillgreen earned $400 million in the first quarter ended November 30."
    )
    companies = checked("Quillgreen", 8)
    assert primary_quarter(text, "Cost control lifts Quillgreen profit", "2010-12-22", companies) == (2011, 1)


def test_a_results_verdict_beside_a_forecast_year_is_the_latest_quarters():
    # the opening names only the year still running, as a forecast; the headline's verdict is on the results of
    # the day, the quarter just closed
    text = (
        "NEW YORK (Reuters) - Northwind Corp lifted the bottom of its 2010 earnings per share forecast.\n\n"
        "Following is reaction from analysts."
    )
    assert primary_quarter(text, "Instant view: Northwind results beat forecast", "2010-04-16") == (2010, 1)


def test_a_quarter_named_without_its_year_takes_the_year_the_article_prints_for_it():
    # restated three months after the quarter closed: "fourth quarter" alone would read as the one to come
    text = (
        "CHICAGO (Reuters) - Quillmart Inc restated its fourth-quarter loss on Friday, making it larger.\n\n"
        "The company said the loss it had previously reported for the fourth quarter of 2011 was $20 million too "
        "small."
    )
    assert primary_quarter(text, "Quillmart restates 4th quarter loss", "2012-03-31") == (2011, 4)


def test_a_quarter_of_last_year_which_ended_in_a_month_gives_no_fiscal_year_end():
    # "the quarter last year, which ended in May": a quarter's end, not a year's
    from earnings_events.pipeline.periods import fiscal_year_evidence

    text = (
        "The new figures cannot be set beside Quillon's first quarter last year, which ended in May, because "
        "the calendar changed. Its fiscal year, which ended in November, was strong."
    )
    assert [month for _, month in fiscal_year_evidence(text)] == [11]


def test_a_forecast_for_the_year_and_a_target_year_are_periods():
    from earnings_events.pipeline.periods import mentions

    cut = [p for p in mentions("Northwind lowered its guidance for the year, blaming steel.") if p.kind == "relative"]
    assert [(p.which, p.unit) for p in cut] == [("this", "year")]
    assert not [p for p in mentions("Its outlook for the year ended in June was met.") if p.kind == "relative"]
    target = [p for p in mentions("Quillon sees itself back in the black as soon as 2011.") if p.kind == "year"]
    assert [p.year for p in target] == [2011]


def test_a_forecast_cut_for_the_year_wins_over_a_quarter_the_next_paragraph_warns_on():
    # the guide's step 2: the period the first sentence names, not the quarter named after it
    text = (
        "NEW YORK (Reuters) - Quillon Brands Inc lowered its forecast for the year, blaming dearer resin and freight.\n\n"
        "The kitchenware maker added that its second-quarter numbers were likely to miss Wall Street targets."
    )
    assert primary_quarter(text, "Quillon cuts forecast as costs climb", "2011-06-03") == (2011, 4)


def test_a_profit_target_given_at_the_annual_meeting_is_the_news_not_the_quarter_reported_before():
    text = (
        "DETROIT (Reuters) - Northwind Motors Co expects its overhaul to make it profitable as soon as 2011, "
        "its bosses said on Thursday at the carmaker's annual meeting in Delaware.\n\n"
        "Shareholders also approved a new board member.\n\n"
        "Its first-quarter net loss, out last month, was $1.4 billion."
    )
    doc = doc_until(text, "company", title="Northwind profit target on track", published=dt.date(2009, 5, 14))
    doc.scope = ScopeDecision(True, "guidance")
    quarter.annotate(doc)
    assert doc.quarters[doc.primary.name] == (2011, 4)


def test_a_year_reported_in_a_relative_clause_on_the_subject_is_its_record_not_the_news():
    text = (
        "SYDNEY (Reuters) - Quillon Drinks Ltd stood by its financial goals on Monday, its chairman said.\n\n"
        "Quillon, which had a 14 percent gain in fiscal 2006 earnings, told investors in August that growth should "
        "pick up this year."
    )
    companies = checked("Quillon Drinks", 6, "Quillon")
    assert primary_quarter(text, "Quillon says confident on targets", "2006-10-23", companies) == (2007, 4)


def test_a_headline_forecasting_next_years_profit_over_an_opening_that_reports_nothing_is_a_forecast():
    # whatever kind of news scope read; a quarter the body recalls from two months ago is background
    text = (
        "NEW YORK (Reuters) - Northwind Foods Inc expects overseas diners to bring in half its operating profit "
        "next year, its finance chief told reporters on Tuesday.\n\n"
        "Sales at its older outlets slipped 3 percent in the third quarter, it reported in October."
    )
    title = "Northwind sees overseas diners giving half of '07 profit"
    companies = checked("Northwind Foods", 12)
    doc = doc_until(text, "company", title=title, published=dt.date(2006, 12, 5), companies=companies)
    doc.scope = ScopeDecision(True, "results_reported")
    quarter.annotate(doc)
    assert doc.quarters[doc.primary.name] == (2007, 4)


def test_a_fiscal_year_stated_for_another_company_stays_that_companys():
    # a round-up led by a company with a checked December year: a rival's year end, stated in a sentence whose
    # subject is the rival (even one that names the lead in passing), does not move the lead's quarter
    text = (
        "Northwind Chemicals Inc said on Tuesday its third-quarter earnings climbed, helped by stronger resin orders.\n\n"
        "Quillon Materials Inc, a smaller competitor whose year ends in September, told investors last week that "
        "volumes were steady. Harbor Resins Corp, another Northwind competitor, swung to a profit in its fourth "
        "quarter, which ended in June."
    )
    companies = checked("Northwind Chemicals", 12, "Northwind")
    doc = doc_until(
        text,
        "quarter",
        title="Northwind earnings climb on resin orders",
        published=dt.date(2009, 10, 27),
        companies=companies,
    )
    assert doc.primary.name == "Northwind Chemicals"
    assert doc.fiscal_year_ends == [9, 6]  # the evidence is read ...
    assert quarter.stated_year_ends(doc, doc.primary) == []  # ... and is not the lead's
    assert doc.quarters["Northwind Chemicals"] == (2009, 3)


def test_a_fiscal_year_stated_in_a_sentence_naming_the_company_or_none_is_its_own():
    # the company named in the sentence, another company named before the evidence: still the company's year
    text = (
        "Harbor Bank Corp, a lender to Quillon Group and other builders, said its fiscal first quarter, which "
        "ended in January, was its best.\n\nIts profit rose 12 percent."
    )
    doc = doc_until(text, "quarter", title="Harbor Bank profit up", published=dt.date(2009, 2, 20))
    assert doc.primary.name == "Harbor Bank"
    assert set(quarter.stated_year_ends(doc, doc.primary)) == {10}
    assert doc.quarters["Harbor Bank"] == (2009, 1)
    # a sentence that names no company: "its" is the article's company's
    text = "Harbor Bank Corp said profit rose.\n\nIts fiscal year ends in June."
    doc = doc_until(text, "quarter", title="Harbor Bank profit up", published=dt.date(2009, 2, 20))
    assert quarter.stated_year_ends(doc, doc.primary) == [6]


def test_hr_blocks_fiscal_year_ended_in_april_until_2015():
    company = load().lookup("H&R Block")
    assert company is not None
    assert company.calendar_on(dt.date(2008, 6, 10)).end_month == 4
    assert company.calendar_on(dt.date(2016, 6, 10)).end_month == 6


def test_the_registry_knows_an_october_year_named_by_its_end():
    # a surfwear maker (fiscal year to October 31, named by the year it ends): its January quarter is Q1 of the
    # year ending that October, not the calendar default's Q4 of the year before
    company = load().lookup("Quiksilver")
    assert company is not None and company.calendar_checked
    calendar = company.calendar_on(dt.date(2007, 3, 8))
    assert (calendar.end_month, calendar.latest_ended(dt.date(2007, 3, 8))) == (10, (2007, 1))
    assert company.ticker_on(dt.date(2007, 3, 8)) == "ZQK"


def test_a_round_ups_second_company_gets_the_quarter_its_own_sentences_report():
    # the lead's news is its outlook for a fiscal year to September; the second company's sentence reports its own
    # December quarter: the second company's rows are that quarter's, not the lead's year
    text = (
        "FRANKFURT (Reuters) - Northwind Chips AG lifted its goals on Tuesday for the fiscal year ending in "
        "September, and Quillon Designs plc said demand stayed strong.\n\n"
        '"We expect another quarter of growth," Northwind Chief Executive Jane Roe said.\n\n'
        "Quillon Designs topped the consensus forecast with fourth-quarter results, and it thinks 2011 revenue can "
        "match what analysts project.\n\n"
        '"Our licensing business had a record year," Quillon Chief Executive Sam Poe said.'
    )
    companies = {**checked("Northwind Chips", 9, "Northwind"), **checked("Quillon Designs", 12, "Quillon")}
    doc = doc_until(
        text, "quarter", title="Northwind, Quillon see growth", published=dt.date(2011, 2, 1), companies=companies
    )
    assert doc.primary.name == "Northwind Chips"
    assert [c.name for c in doc.companies] == ["Northwind Chips", "Quillon Designs"]
    assert doc.quarters["Northwind Chips"] == (2011, 4)  # the lead's forecast year
    assert doc.quarters["Quillon Designs"] == (2010, 4)


@pytest.mark.parametrize(
    ("reason", "text", "title", "published", "expected"),
    [
        # results that met expectations: the quarter just ended, not the next one an analyst's quote looks to
        (
            "results_reported",
            "SAN JOSE (Reuters) - Northwind Networks Inc's quarterly revenue grew in line with analysts' forecasts, "
            "with carriers buying more switches.\n\n"
            '"Investors will look for a solid second quarter," analyst Sam Poe said.',
            "Northwind sales rise as forecast",
            "2008-11-05",
            (2008, 3),
        ),
        # a warning on a quarter closed days ago: that quarter, pre-announced, not "this year" further down
        (
            "guidance",
            "NEW YORK (Reuters) - Quillon Chips Corp warned that its fourth-quarter sales would miss its own "
            "target, a second cut in two months.\n\n"
            '"Buyers will hold back on orders for months this year," analyst Sam Poe said.',
            "Quillon again warns on outlook",
            "2009-01-07",
            (2008, 4),
        ),
        # a warning on the year just closed beside the next year's outlook: the pre-announced year (a guard: a
        # warning read as a forecast must not hand the news to the outlook)
        (
            "guidance",
            "NEW YORK (Reuters) - Garden supplier Quillon Supply Corp warned that its 2006 earnings were going to "
            "miss its own target, and gave a 2007 outlook below what analysts model.",
            "Quillon sees 2007 earnings under forecasts",
            "2007-01-12",
            (2006, 4),
        ),
        # a forecast "of 8-12 percent for 2008": the year forecast, not the last quarter reported
        (
            "guidance",
            "SINGAPORE (Reuters) - The grid unit of Northwind Power Inc stands by its growth forecast of 8-12 "
            "percent for 2008 even with costlier steel, its head said.",
            "Northwind grid unit keeps growth goal",
            "2008-06-23",
            (2008, 4),
        ),
        # a headline's "seen posting quarterly loss" is a forecast: the quarter running, not the last one reported
        (
            "results_reported",
            "TALLINN (Reuters) - Analysts in a Reuters poll see Northwind Phones Oyj in the red in this quarter "
            "as well as the next one.",
            "Northwind seen posting quarterly loss, poll shows",
            "2011-06-10",
            (2011, 2),
        ),
    ],
)
def test_verdicts_warnings_and_polls_name_their_quarter(reason, text, title, published, expected):
    assert quarter_as(reason, text, title, published) == expected


def test_quarterly_sales_are_the_quarters_results_only_as_the_subject_of_a_change():
    from earnings_events.pipeline.periods import mentions

    found = [p for p in mentions("Northwind's quarterly sales rose 8 percent.") if p.kind == "current_quarter"]
    assert len(found) == 1 and found[0].scope_blind  # a form the scope model never saw
    assert not [p for p in mentions("Quillon cited weaker quarterly sales of printers.")]
    # a month's sales "in line with its forecast" in an opening that names no period is no verdict on a quarter
    text = (
        "NEW YORK (Reuters) - Northwind Stores Inc said sales at stores open a year grew in line with its plan in "
        "September. "
        "It kept its third-quarter outlook."
    )
    assert not quarter._opening_verdict(doc_of(text, "2008-10-08"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the calendar's fourth quarter (October to December), reported in January: the company's fiscal first
        ("Northwind Computer Inc's fourth-quarter profit climbed 40 percent, ahead of forecasts, it said.", (2007, 1)),
        # guards: a quarter the text calls fiscal, and a forecast, keep the fiscal reading
        (
            "Northwind Computer Inc's fiscal fourth-quarter profit climbed 40 percent, ahead of forecasts, it said.",
            (2007, 4),
        ),
        ("Northwind Computer Inc sees its fourth-quarter profit climbing 40 percent.", (2007, 4)),
    ],
)
def test_a_quarter_named_by_the_calendar_for_an_off_calendar_company(text, expected):
    # a September year end: its fiscal fourth quarter ends in September 2007, months after this report
    doc = doc_of(text, "2007-01-18", title="Northwind profit jumps")
    assert quarter.article_quarter(doc, FiscalCalendar(9, "end")) == expected


def test_a_second_company_reporting_quarterly_figures_gets_its_quarter_just_ended():
    """ "Separately, Quillon reported lower quarterly revenue" under a lead whose news is a forecast for its
    current quarter: Quillon's rows are the quarter it just reported (its fiscal third, a June year), not the
    quarter still running that the lead's forecast and "this quarter" in the analyst's words look to."""
    text = (
        "LOS ANGELES (Reuters) - Northwind Ltd ( NWD.O ) trimmed its quarterly revenue and earnings forecasts, "
        "expecting to ship fewer phones.\n\n"
        "Separately on Thursday, Quillon Corp ( QLN.O ) reported a fall in quarterly sales of its software, "
        "sending its stock lower. Commentary: Quillon: SAM POE, ANALYST, RIDGELINE PARTNERS "
        '"The quarter was nearly in line. Sales have been weaker in this quarter, and next year looks weak too."'
    )
    companies = {**checked("Northwind", 2), **checked("Quillon", 6)}
    doc = doc_until(
        text,
        "company",
        title="Instant View: Northwind lowers forecasts, Quillon revenue slips",
        published=dt.date(2011, 4, 28),
        companies=companies,
    )
    doc.scope = ScopeDecision(True, "results_reported")  # (either kind: the lead's forecast, the second's results)
    quarter.annotate(doc)
    assert [c.name for c in doc.companies] == ["Quillon"]
    assert doc.quarters["Quillon"] == (2011, 3)


def _quarter_with(text: str, title: str, published: str, reason: str, companies: dict) -> tuple[int, int] | None:
    doc = doc_until(text, "company", title=title, published=dt.date.fromisoformat(published), companies=companies)
    doc.scope = ScopeDecision(True, reason)
    quarter.annotate(doc)
    assert doc.primary is not None
    return doc.quarters[doc.primary.name]


def test_a_target_within_six_years_is_a_horizon_named_by_its_first_year():
    """The guide: a multi-year horizon names its first year, not the later year the body also cites."""
    text = (
        "TOKYO (Reuters) - Northwind Motor ( 9999.T ) wants an operating margin of 7 percent within six years "
        "under a new plan unveiled on Monday.\n\n"
        "The goal rests on an industry of 95 million cars by the year to March 2017, its boss told reporters. "
        '"We are building, not mending," Sam Poe said.'
    )
    got = _quarter_with(
        text, "Northwind targets 8 pct margin in six years", "2011-06-27", "guidance", checked("Northwind", 3)
    )
    assert got == (2012, 4)  # the year ending March 2012, by its end; not the year ending March 2017


def test_a_mid_quarter_update_is_about_the_quarter_running():
    text = (
        "SANTA CLARA, California (Reuters) - Bookings at Northwind Corp so far in the second quarter are running "
        "a little ahead of plan, Chief Executive Sam Poe told a conference on Tuesday.\n\n"
        '"We are at the midpoint of the quarter," Poe said. Northwind posted a 25 percent drop in first-quarter '
        "profit in April."
    )
    got = _quarter_with(text, "Northwind sees order improvement", "2009-05-13", "guidance", checked("Northwind", 12))
    assert got == (2009, 2)


@pytest.mark.parametrize(
    ("lede", "published", "expected"),
    [
        # a forecast of annual profit weeks after the year closed, with no results of the day: the year now running
        (
            "Northwind Motor ( 9999.T ) forecast that annual profit would shrink by nearly a third, it said on Friday.",
            "2011-06-10",
            (2012, 4),
        ),
        ("Northwind Motor ( 9999.T ) predicts higher full-year sales, it said on Friday.", "2011-06-10", (2012, 4)),
        # what the day's results beat is no forecast: "forecasts" as a noun, the year just reported
        (
            "Northwind Motor ( 9999.T ) topped forecasts as annual earnings climbed by a fifth, it said on Friday.",
            "2011-05-19",
            (2011, 4),
        ),
    ],
)
def test_a_forecast_of_annual_profit_is_the_year_running(lede, published, expected):
    """The guide's step 2: a full-year forecast names that fiscal year's fourth quarter, the year the forecast is
    for (a March year named by its end: the year to March 2012), not the year that closed in March."""
    text = f'TOKYO (Reuters) - {lede}\n\n"Demand will stay soft for a while," Chief Executive Sam Poe said.'
    got = _quarter_with(text, "Northwind sees tough year", published, "guidance", checked("Northwind", 3))
    assert got == expected


def test_a_year_just_ended_beside_the_new_years_forecast_is_the_days_results():
    """Results-day guidance: the body reports the loss of the year just ended, released with the
    forecast of the new year that the opening leads with: step 1, the year just ended."""
    text = (
        "TOKYO (Reuters) - Northwind Motor's forecast of a return to annual profit was met with doubt on Thursday.\n\n"
        "Its red ink for the fiscal year just ended came to 40 billion yen, a third loss in a row. "
        '"Demand will stay soft for a while," Chief Executive Sam Poe said.'
    )
    got = _quarter_with(text, "Northwind forecast met with doubt", "2011-05-26", "guidance", checked("Northwind", 3))
    assert got == (2011, 4)


def test_the_final_quarter_is_the_fourth():
    """ "lost ... in the final quarter" reports the fiscal fourth quarter (of a March year: January to March),
    which step 1 takes before the forecast of the year just begun."""
    text = (
        "TOKYO (Reuters) - Northwind Motor ( 9999.T ) swung to a 300 billion yen loss in the final quarter and sees "
        "deeper red ink in the financial year just begun.\n\n"
        "It expects to stay in the red this fiscal year. "
        '"The worst is not over," Chief Executive Sam Poe said.'
    )
    got = _quarter_with(text, "Northwind sees bigger loss ahead", "2009-05-08", "guidance", checked("Northwind", 3))
    assert got == (2009, 4)


def test_what_a_company_said_last_month_is_background():
    """A forecast story's body recalls what the company said last month of its last quarter: background, so the
    forecast the opening gives is the news."""
    text = (
        "TOKYO (Reuters) - Northwind Motor ( 9999.T ) sees its operating profit this business year falling by a "
        "third, it announced.\n\nNorthwind said last month that its January-March profit halved. "
        '"Demand will stay soft for a while," Chief Executive Sam Poe said.'
    )
    got = _quarter_with(text, "Northwind sees profit slump", "2011-06-10", "guidance", checked("Northwind", 3))
    assert got == (2012, 4)


def test_results_in_the_opening_stay_the_days_news_at_an_analysts_meeting():
    """A results day whose forecast was given at a meeting with analysts: the quarter the opening's second
    sentence reports is still the day's results (an investor day's body recalls older ones)."""
    text = (
        "PITTSBURGH (Reuters) - Northwind Foods Co ( NWF.N ) forecast higher annual earnings on Thursday, lifting its "
        "growth target.\n\n"
        "The company also reported fourth-quarter profit up by a fifth. "
        '"Costs will keep rising," Sam Poe, its chief executive, told investors at a briefing for analysts.'
    )
    got = _quarter_with(text, "Northwind lifts forecast", "2008-05-29", "guidance", checked("Northwind", 4))
    assert got == (2008, 4)


def test_an_earlier_report_behind_an_abbreviation_stays_background_at_a_conference():
    """At an investor conference the opening's second sentence recalls last month's results; the full stops of
    "No." and "U.S." end no clause, so that quarter stays background and the remarks speak to the quarter running."""
    text = (
        "PITTSBURGH (Reuters) - Northwind Foods Co's chief, addressing investors at a Wednesday conference, said "
        "shoppers kept buying cheaper brands this quarter.\n\n"
        "Last month, the No. 3 U.S. baker reported first-quarter earnings above estimates. "
        '"Costs will keep rising," Sam Poe, its chief executive, told the conference.'
    )
    got = _quarter_with(text, "Northwind sees shoppers trading down", "2013-05-15", "other", checked("Northwind", 4))
    assert got == (2013, 2)


@pytest.mark.parametrize(("ended", "expected"), [("November 24", (2007, 3)), ("November 3", (2006, 3))])
def test_a_printed_quarter_end_names_a_february_year(ended, expected):
    """A company the registry does not know whose third quarter ended in November ends its year in February;
    the guide names a year ending in early February by the year before and one ending later by its own, so the
    day printed decides (a quarter ending on November 24 puts the year's end near February 23: fiscal 2007)."""
    text = (
        "CLEVELAND (Reuters) - Quillon Cards Corp ( QCD.N ) said quarterly profit rose on Thursday. Its earnings "
        f"came to $30 million over its fiscal third quarter, which ended {ended}; that was up from $12 million."
    )
    assert primary_quarter(text, "Quillon Cards profit rises", "2006-12-21") == expected


def test_a_quarter_in_a_clause_dated_years_back_is_background():
    """A shares story read as results news: a slide compared to one "in May 2001, when a deep quarterly loss at
    Quillon ..." names a quarter of years ago, not the news; the warning on the year is (its fourth quarter, the
    year to March 2009)."""
    text = (
        "TOKYO (Reuters) - Northwind Motor Corp ( 7299.T ) stock sank by a fifth on Friday as the automaker's "
        "warning on profit this year hit home. \n\n Traders compared the rout to a slump "
        "in May 2001, when a deep quarterly loss at Quillon Corp dragged the index down for a week."
    )
    # (the scope reason the stream's scope stage gave the story)
    got = _quarter_with(
        text,
        "Northwind shares plunge after profit warning",
        "2008-11-07",
        "results_via_shares_or_analysts",
        checked("Northwind Motor", 3),
    )
    assert got == (2009, 4)


def test_a_quarter_the_company_has_yet_to_report_is_not_the_days_results():
    """A preview whose first sentence is about the coming year's outlook: the quarter the body says it "is slated
    to report" on Thursday has not come out, so step 2 takes the period the first sentence names (the guide: when
    an article names several periods, the one its first sentence names)."""
    text = (
        "SEATTLE (Reuters) - Northwind Software Corp ( NWS.O ) should offer a first outlook for its coming fiscal "
        "year this week, and investors want a cautious tone.\n\n"
        "Northwind is slated to report numbers for its fiscal third quarter on Thursday; analysts see profit "
        'falling. "They will build some caution into the numbers," said Jo Fay, an analyst at Quillon Partners.'
    )
    got = _quarter_with(text, "Northwind forecast in focus", "2008-04-22", "preview", checked("Northwind Software", 6))
    assert got == (2009, 4)  # the year to June 2009; not the quarter to March 2008


def test_the_last_quarters_level_is_the_base_of_a_mid_quarter_forecast_cut():
    """A forecast cut for the quarter running, six weeks after the last quarter closed: the body's "third-quarter
    sales were $3.6 billion" (stated, not reported that day) is the base of the cut, not the news."""
    text = (
        "NEW YORK (Reuters) - Northwind Chips Corp lowered its sales outlook for the fourth quarter by a sixth on "
        "Wednesday, blaming soft demand.\n\n"
        "The company now sees sales of about $3 billion. Northwind's third-quarter sales were $3.6 billion. "
        '"This is about as grim as we had braced for," said Jo Fay, an analyst at Quillon Partners.'
    )
    got = _quarter_with(text, "Northwind slashes outlook", "2008-11-12", "guidance", checked("Northwind Chips", 12))
    assert got == (2008, 4)


def test_a_quarter_whose_results_moved_stays_the_news_of_a_forecast_cut():
    """The same cut on the day the last quarter's results came out ("third-quarter sales fell ..."): those
    results are the news (step 1) even though the opening leads with the forecast."""
    text = (
        "NEW YORK (Reuters) - Northwind Chips Corp lowered its sales outlook for the fourth quarter by a sixth on "
        "Wednesday, blaming soft demand.\n\n"
        "Northwind's third-quarter sales fell 7 percent to $3.6 billion. "
        '"This is about as grim as we had braced for," said Jo Fay, an analyst at Quillon Partners.'
    )
    got = _quarter_with(text, "Northwind slashes outlook", "2008-10-15", "guidance", checked("Northwind Chips", 12))
    assert got == (2008, 3)


def test_a_year_with_a_business_before_its_profit_in_the_headline_is_the_forecast():
    """ "eyes 2008 panel profit": a year, one word for the business, then the results noun, is the year the
    forecast is for, not the quarter that ended a week ago."""
    text = (
        "LAS VEGAS (Reuters) - Northwind Electronics' ( 099999.KS ) panel unit aims to turn a slim operating "
        "margin before the year is out, its head said on Sunday.\n\n"
        "The division sees a slight negative margin in the fourth quarter of 2007, its head added. "
        '"We are heading the right way," said Kim Soo, who runs the unit.'
    )
    got = _quarter_with(
        text, "Northwind eyes 2008 panel profit", "2008-01-07", "guidance", checked("Northwind Electronics", 12)
    )
    assert got == (2008, 4)


def test_what_the_company_forecast_weeks_ago_is_background():
    """An outlook cut whose body recalls the confidence the company "expressed ... six weeks ago" about a quarter's
    results: background, so the cut year is the news."""
    text = (
        "NEW YORK (Reuters) - Northwind Health Inc ( NWH.N ) cut its 2008 profit forecast on Tuesday.\n\n"
        "The company had expressed its confidence, some six weeks ago, that weak fourth-quarter profit was a one-off. "
        '"Membership is softer than we planned," Chief Executive Jane Roe said.'
    )
    got = _quarter_with(text, "Northwind cuts outlook", "2008-03-11", "guidance", checked("Northwind Health", 12))
    assert got == (2008, 4)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Northwind eyes 2008 panel profit.", [(2008, True)]),  # a business between: hidden from scope
        ("Quillon revised its 2008 net loss upward.", [(2008, False)]),  # "net" is a results word, seen by scope
        ("Trade was weak in 2008 when profit fell.", []),  # a word of the sentence's grammar
    ],
)
def test_a_year_before_one_word_and_its_results(text, found):
    from earnings_events.pipeline.periods import mentions

    assert [(p.year, p.scope_blind) for p in mentions(text) if p.kind == "year"] == found


def _moved_calendar(name: str, old: tuple[int, str, str], new: tuple[int, str]) -> dict[str, dict]:
    """A registry entry whose checked calendar changed: ``old`` (year-end month, naming, last day) then ``new``."""
    month, naming, until = old
    return {
        name: {
            "calendar_checked": True,
            "calendars": [
                {"fy_end_month": month, "fy_naming": naming, "source": "hand", "until": until},
                {"fy_end_month": new[0], "fy_naming": new[1], "source": "hand", "until": None},
            ],
            "fy_end_month": new[0],
            "fy_naming": new[1],
        }
    }


def test_a_quarter_reported_after_a_calendar_change_is_named_by_the_calendar_it_closed_under():
    """A bookseller with January years (named by their start) moves to April years on May 2; its quarter of
    February to April, reported May 20, is the first of the old year 2009, not the last of the new year 2009."""
    text = (
        "NEW YORK (Reuters) - Northwind Books Inc ( NWB.N ) reported a narrower loss on Wednesday, helped by "
        "demand for course books. Its deficit shrank to $7 million from $15 million."
    )
    companies = _moved_calendar("Northwind Books", (1, "start", "2009-05-02"), (4, "end"))
    assert primary_quarter(text, "Northwind Books loss narrows", "2009-05-20", companies) == (2009, 1)


def test_a_quarter_that_closes_a_transition_period_is_the_new_calendars():
    """An airline's March years end with a nine-month period to December 31, then calendar years: its results for
    the year to December, reported in March, are the new calendar's fourth quarter."""
    text = (
        "PARIS (Reuters) - Quillon Air ( QAIR.PA ) posted a net loss for 2011 on Thursday as fuel costs rose. "
        '"2011 was a hard year for us," chief executive Jo Fay told reporters.'
    )
    companies = _moved_calendar("Quillon Air", (3, "end", "2011-12-31"), (12, "end"))
    assert primary_quarter(text, "Quillon Air posts 2011 loss", "2012-03-08", companies) == (2011, 4)


@pytest.mark.parametrize(("published", "expected"), [("2008-01-23", (2008, 4)), ("2008-06-23", (2009, 4))])
def test_the_coming_year_in_a_years_first_weeks_is_the_year_just_begun(published, expected):
    """ "the coming year" three weeks into a calendar year is that year (its last year's results are still to be
    reported); in June it is the next."""
    text = (
        "DAVOS (Reuters) - Northwind Homeware Corp ( NWH.N ) said on Wednesday its business was on track. Chief "
        "Executive Sam Poe said he wants to sign up 40,000 new dealers in the coming year. "
        '"We like what we see for the months to come," he said.'
    )
    companies = {"Northwind Homeware": {}}
    assert primary_quarter(text, "Northwind says business on track", published, companies) == expected


def test_a_round_ups_other_company_does_not_read_the_lead_companys_periods():
    # two computer makers' results of the day, each with its own calendar: the lead's "fiscal third and fourth
    # quarters" (a forecast) are not the other's, whose quarter is the one it just reported (ended in July)
    text = (
        "SAN JOSE (Reuters) - Northwind Systems Inc and Quillon Computing Corp brushed off worries about slowing "
        "demand on Thursday, reporting steady orders from business buyers.\n\n"
        '"Business buyers kept spending through the summer months," said Jo Fay, Quillon\'s finance chief, on a '
        "call with reporters. Northwind's fiscal second quarter brought an 8 pct profit gain, ahead of forecasts.\n\n"
        "Northwind finance chief Sam Poe said he looks for part costs to ease over the fiscal third and fourth "
        'quarters. "This upgrade cycle will run on for several more quarters," Poe said.'
    )
    companies = {**checked("Northwind Systems", 1, "Northwind"), **checked("Quillon Computing", 10, "Quillon")}
    doc = doc_until(
        text,
        "quarter",
        title="Northwind and Quillon shrug off demand worries",
        published=dt.date(2010, 8, 19),
        companies=companies,
    )
    assert doc.primary is not None and doc.primary.name == "Northwind Systems"
    assert {c.name for c in doc.companies} == {"Northwind Systems", "Quillon Computing"}
    assert doc.quarters["Quillon Computing"] == (2010, 3)
    assert doc.quarters["Northwind Systems"] == (2011, 2)


def test_a_forecast_raised_after_the_quarters_results_reports_the_quarter():
    # the year's forecast is raised because of the quarter's figures, which the opening reports: step 1 (the
    # quarter), not step 2 (the year the forecast is for)
    text = (
        "TORONTO (Reuters) - Data publisher Larkspur Media Corp pushed up the full-year sales forecast it gave in July "
        "after third-quarter sales at its data unit climbed for a first time since 2008.\n\n"
        "The publisher now sees 2010 sales flat instead of a small decline. "
        '"The desks are buying again," said Chief Executive Tom Ashby.'
    )
    companies = checked("Larkspur Media", 12, "Larkspur")
    title = "Larkspur Media lifts revenue forecast"
    assert primary_quarter(text, title, "2010-10-28", companies) == (2010, 3)
    # a forecast whose sentence names the quarter as its base, with no results moving, stays the year's
    base = text.replace(
        "after third-quarter sales at its data unit climbed for a first time since 2008",
        "and said fourth-quarter bookings would decide the year",
    )
    assert primary_quarter(base, title, "2010-10-28", companies) == (2010, 4)


def test_a_window_ending_in_june_is_not_a_checked_calendar_years_end():
    # "cash needs ... over the year ending in June 2010" is a twelve-month window, not the fiscal year of a company
    # whose calendar year the registry checked; "its fiscal year, which closes in June," would be evidence
    text = (
        "NEW YORK (Reuters) - Harbin Credit Corp warned on Tuesday of a second-quarter loss above $1 billion and "
        "said it might seek court protection if bondholders turn down a debt swap.\n\n"
        "Harbin sees cash needs of $5 billion over the year ending in June 2010. "
        '"Every day counts now," said Chief Executive Jo Fay.'
    )
    companies = checked("Harbin Credit", 12, "Harbin")
    title = "Harbin Credit warns of loss"
    assert primary_quarter(text, title, "2009-07-21", companies) == (2009, 2)
    # the article's own fiscal year still wins over the registry: June years, whose second quarter runs to December
    own = text.replace("Harbin sees cash needs", "Its fiscal year ends June 30. Harbin sees cash needs")
    assert primary_quarter(own, title, "2009-07-21", companies) == (2010, 2)


def test_figures_of_a_report_made_last_month_are_background():
    # the quarter's revenue came out last month; the sentence after that report gives its figures: background,
    # and the news is the year's raised goals
    text = (
        "PARIS (Reuters) - Corvel Services lifted its full-year margin and sales targets on Thursday, saying a cost "
        "plan was on schedule.\n\n"
        "A month ago Corvel released its third-quarter sales with word of a small purchase. "
        "Sales in the third quarter climbed 11 percent, beating forecasts, to 1.6 billion euros. "
        '"Our order book is full into the spring," finance chief Luc Amand said.'
    )
    companies = checked("Corvel Services", 12, "Corvel")
    assert primary_quarter(text, "Corvel ups '06 goals", "2006-11-09", companies) == (2006, 4)


def test_a_round_ups_shared_fiscal_quarter_is_every_companys():
    text = (
        "TORONTO — Three lenders gave figures this week for their fiscal second quarter, which ended April 30.\n"
        "Harbor Bank (TSX: HBK) made a $3.2 billion profit over the three months.\n"
        "“We had a solid quarter in a harder market,” Harbor Chief Executive Jane Roe said.\n"
        "Quillon Bank (TSX: QLN) said profit rose 9% to $1.5 billion.\n"
        "“Our U.S. arm keeps growing at a steady clip,” Quillon Chief Executive Sam Poe said."
    )
    lenders = checked("Harbor Bank", 10, "Harbor")  # (the registry knows the lead; the other it does not)
    doc = doc_until(
        text, "quarter", title="How Canada's lenders fared", published=dt.date(2019, 5, 24), companies=lenders
    )
    assert {name: q for name, q in doc.quarters.items()} == {"Harbor Bank": (2019, 2), "Quillon Bank": (2019, 2)}
    # "their fiscal second quarter" is the article's own evidence of the other lender's year too
    assert [quarter.stated_year_ends(doc, c) for c in doc.companies] == [[10, 10], [10]]


def test_a_verdict_a_modal_forecasts_is_no_verdict_on_results_out():
    # "may miss analysts' forecasts" and a headline's "profit to beat forecasts" forecast the year; they judge no
    # quarter already reported
    text = (
        "LONDON (Reuters) - Brackwell Homes warned on Wednesday it may miss analysts' profit forecasts if it writes "
        "off more land.\n\n"
        '"Pretax profit for 2006 should match our own plans," the builder noted in a filing.'
    )
    companies = checked("Brackwell Homes", 12, "Brackwell")
    assert primary_quarter(text, "Brackwell flags land worries", "2006-12-20", companies) == (2006, 4)
    text = (
        "LONDON (Reuters) - Tollard Bank said it would beat profit forecasts after a smaller writedown than feared.\n\n"
        "The bank said 2007 profit would be ahead of the market's view, helped by its Asian arm."
    )
    companies = checked("Tollard Bank", 12, "Tollard")
    assert primary_quarter(text, "Tollard profit to beat forecasts", "2007-12-06", companies) == (2007, 4)


def test_a_retailers_13_weeks_to_a_date_is_its_quarter():
    text = (
        "LONDON (Reuters) - Harwick Stores warned on profit on Wednesday after like-for-like sales fell 5 percent in "
        "its latest 13 weeks to June 27.\n\n"
        '"Shoppers are cutting back harder than we thought," Chief Executive Ann Hale said.'
    )
    companies = checked("Harwick Stores", 3, "Harwick")
    assert primary_quarter(text, "Harwick sales slide", "2008-07-02", companies) == (2009, 1)


def test_results_given_at_an_event_before_analysts_are_background_to_its_forecast():
    # the third quarter was reported weeks before the event at which the company gave its forecast of next year's profit
    text = (
        "SAN JOSE (Reuters) - Norvane Semiconductor sees its design unit turning a profit next year, it told "
        "investors on Wednesday.\n\n"
        "Norvane executives, talking to analysts and fund managers during a two-day event on its campus, said demand "
        "was recovering. Its third-quarter earnings release had shown debt falling by a fifth. "
        '"The cash registers are starting to ring," Chief Executive Dan Moor said.'
    )
    companies = checked("Norvane Semiconductor", 12, "Norvane")
    assert primary_quarter(text, "Norvane sees profit in 2010", "2009-11-11", companies) == (2010, 4)


def test_results_announced_on_a_day_weeks_before_are_background():
    text = (
        "TOKYO (Reuters) - Kaisho Motor will struggle to meet its lowered annual profit forecast, a senior executive "
        "said on Friday.\n\n"
        "Kaisho was the first carmaker to announce April-September results, on October 28, and has since cut "
        'output again. "It is a very tough task," Executive Vice President Ken Mori said.'
    )
    companies = checked("Kaisho Motor", 3, "Kaisho")
    assert primary_quarter(text, "Kaisho says goals tough", "2008-11-28", companies) == (2009, 4)
    # on the day itself the same sentence reports the half (nothing to push back)
    assert primary_quarter(text, "Kaisho says goals tough", "2008-10-29", companies) == (2009, 2)


def test_peers_quarterly_reports_still_to_come_are_not_the_warning_companys_quarter():
    text = (
        "TOKYO (Reuters) - Miraku Electric shares slid on Friday once the maker cut by half the profit it sees for "
        "the year to March.\n\n"
        "The cut came as investors braced for quarterly earnings reports from other exporters next week. "
        '"The warning shows forecasts were too optimistic," said fund manager Jiro Sato. '
        "Two rivals, which report their quarterly results on Monday, lost ground too."
    )
    companies = {
        "Miraku Electric": {"aliases": ["Miraku"], "calendar_checked": True, "fy_end_month": 3, "fy_naming": "start"}
    }
    assert primary_quarter(text, "Miraku shares slide after profit warning", "2008-10-24", companies) == (2008, 4)


def test_a_quarter_ended_on_a_day_named_as_a_fiscal_quarter_tells_the_year_end():
    # "the quarter ended Dec. 28, the third quarter of fiscal 2025": the year ends in March, whatever the default
    text = (
        "AUSTIN, Texas (Reuters) - Quillon Chips Inc reported revenue above expectations on Tuesday.\n"
        "Revenue for the quarter ended Dec. 28, the third quarter of fiscal 2025, rose 7% to $556 million."
    )
    assert primary_quarter(text, "Quillon Chips tops estimates", "2025-02-05") == (2025, 3)


def test_a_sentence_names_a_renamed_registry_company_by_its_name_of_the_day():
    # (the registry knows it by the name it took later: a sentence of 2010 naming "Quillon Electric" names the
    # article's company, not some "Quillon Aero")
    companies = {
        "Quillon Aero": {
            "aliases": ["Quillon Electric"],
            "fy_end_month": 12,
            "fy_naming": "end",
            "names": [{"name": "Quillon Electric", "until": "2020-03-31"}, {"name": "Quillon Aero", "until": None}],
        }
    }
    text = "Quillon Electric's second-quarter profit climbed by eight points, the turbine maker told us.\n\nSales rose too."
    doc = doc_until(text, "quarter", title="Quillon profit rises", published=dt.date(2010, 8, 10), companies=companies)
    assert doc.primary.name == "Quillon Electric"
    assert quarter._names_in(doc, 0, len(text)) == {"Quillon Electric"}


def test_a_quarter_whose_results_beat_expectations_in_a_clause_after_the_years_forecast_is_reported():
    # (the forecast and the verdict are two clauses: the second reports the quarter, which is the news)
    text = (
        "FRANKFURT (Reuters) - Quillon Motors on Wednesday forecast that its margins would improve bit by bit this "
        "year, after it beat analysts' expectations for a deeper second-quarter operating loss.\n\n"
        "Its shares rose 3 percent."
    )
    got = primary_quarter(text, "Quillon Motors sees margins recovering", "2009-07-29", checked("Quillon Motors", 12))
    assert got == (2009, 2)


def test_results_the_story_dates_to_the_day_before_its_news_are_background():
    # the lede's news is a forecast raised "on Wednesday"; the quarter reported "On Tuesday" is the day before's
    text = (
        "NEW YORK (Reuters) - Harwell Corp lifted its forecast for 2011 on Wednesday, telling the analysts at its "
        "yearly meeting that January orders beat the plan it laid out a day before.\n\n"
        "It now sees 2011 earnings of $4.10 to $4.40 a share.\n\n"
        "On Tuesday, Harwell posted fourth-quarter profit of $212 million, more than double a year before."
    )
    assert primary_quarter(text, "Harwell raises 2011 profit forecast", "2011-02-02") == (2011, 4)
    # the same results reported the day of the news are the news (step 1)
    same_day = text.replace("On Tuesday", "On Wednesday")
    assert primary_quarter(same_day, "Harwell raises 2011 profit forecast", "2011-02-02") == (2010, 4)


def test_results_of_the_day_before_are_the_news_of_a_story_on_their_reception():
    # the lede's news is the shares' move on the results and outlook the company gave the evening before: step 1
    text = (
        "OTTAWA (Reuters) - Harwell Ltd stock sank 27 percent on Friday, its worst day in years, after the handset "
        "maker gave a margin outlook below forecasts.\n\n"
        "Harwell, which posted its quarterly figures late on Thursday, expects its margin to narrow."
    )
    companies = {"Harwell": {"calendar_checked": True, "fy_end_month": 2, "fy_naming": "end"}}
    assert primary_quarter(text, "Harwell stock plummets after profit forecast", "2008-09-26", companies) == (2009, 2)


def test_a_next_fiscal_year_with_a_relative_clause_is_still_the_period_forecast():
    # ("its coming fiscal year that may miss ...": a clause on the forecast, not the year dated by a clause)
    text = (
        "MUMBAI (Reuters) - Quillon Home Stores Inc gave a profit range covering the next fiscal year that might land "
        "below what brokers had pencilled in, and its stock slid 5 percent.\n\n"
        "Weeks ago the chain had talked of demand picking up once 2010's first quarter began."
    )
    companies = {"Quillon Home Stores": {"calendar_checked": True, "fy_end_month": 1, "fy_naming": "start"}}
    assert primary_quarter(text, "Quillon Home gives guarded outlook", "2009-09-22", companies) == (2010, 4)


def test_guidance_at_a_meeting_with_analysts_names_no_speech_verb_and_its_year_wins_over_the_last_quarter():
    # a gathering with investors the lede's day holds, told with no verb of speech: the year the chipmaker forecasts is
    # the news; the third quarter it reported in October is background
    text = (
        "AUSTIN, Texas (Reuters) - Quillon Micro sees its chip design arm turning a profit next year, it told "
        "investors on Wednesday.\n\n"
        "Quillon's managers used most of the day's gathering with investors and analysts to lay out the plan. The "
        "design arm made $3.7 million in profit during the third quarter; management sees it staying profitable "
        "through 2010. Back in October Quillon booked a third-quarter loss of $128 million."
    )
    title = "Quillon Micro sees design arm in profit in 2010"
    assert primary_quarter(text, title, "2009-11-12") == (2010, 4)


def test_a_headlines_list_of_forecast_years_names_its_first_year():
    text = (
        "ROME (Reuters) - Quillon Motori is on course for its margin goals this year and next, its chief executive "
        "told reporters on Tuesday.\n\nThe group's stock slipped 3 percent."
    )
    assert primary_quarter(text, "Quillon Motori backs 2008, 2009 profit goals", "2008-07-01") == (2008, 4)
    assert primary_quarter(text, "Quillon Motori backs 2008 and 2009 profit goals", "2008-07-01") == (2008, 4)


@pytest.mark.parametrize(
    "opening",
    [
        "Quillon Health Limited (ASX: QHL) reported figures for the half-year ended 31 December 2019 (1H FY20). "
        "Quillon's financial year ends on 30 June.",
        "Quillon Health Limited (ASX: QHL) reported half-year figures for the six months to 31 December 2019. "
        "Quillon's financial year ends on 30 June.",
    ],
)
def test_a_half_year_to_a_day_first_date_is_the_quarter_the_half_ends_in(opening):
    # a June year: the half to 31 December is its second quarter (H1 is Q2), not the year "FY20" names
    text = f"SYDNEY, Feb. 20, 2020 /PRNewswire/ -- {opening}\n\nSales grew 11.8% on 1H FY19."
    title = "Quillon Health Limited (ASX: QHL) - 1H FY20 Results: Sales Up 11.8%"
    assert primary_quarter(text, title, "2020-02-20") == (2020, 2)


def test_the_years_name_the_article_states_beside_its_dates_wins_over_the_default():
    # an unknown Tokyo company whose "fiscal 2023" covers April 2023 to March 2024: named by the year it starts
    text = (
        "TOKYO--(BUSINESS WIRE)--Quillon Seiki Co., Ltd. (TSE: 6399) released its first half of fiscal 2023 "
        "numbers (April to September 2023) on Thursday. The company's fiscal 2023 covers April 1, "
        "2023 to March 31, 2024.\n\nSales slipped 3.4% from a year earlier."
    )
    title = "Quillon Seiki Announces First Half Fiscal 2023 Results"
    assert primary_quarter(text, title, "2023-11-09") == (2023, 2)
    # ... and by the year it ends when the dates say so
    ends = text.replace("fiscal 2023 covers April 1, 2023 to March 31, 2024", "fiscal 2024 ends March 31, 2024")
    assert primary_quarter(ends.replace("half of fiscal 2023", "half of fiscal 2024"), title, "2023-11-09") == (2024, 2)

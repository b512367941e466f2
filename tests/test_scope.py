"""The scope stage: is an article about an earnings event, and why (articles written for these tests)."""

import datetime as dt

import pytest

from conftest import doc_until
from earnings_events.pipeline import scope
from earnings_events.pipeline.document import ScopeDecision


def decide(title: str, text: str, url: str | None = None):
    doc = doc_until(text, "scope", title=title, published=dt.date(2010, 7, 20), url=url)
    assert doc.scope is not None
    return doc.scope


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Northwind profit rises 12 percent, beats estimates",
            "SEATTLE (Reuters) - Northwind Inc ( NWD.N ) said second-quarter profit climbed 12 percent on Tuesday "
            "to $310 million, and its 88 cents a share came in above what analysts expected.",
        ),
        (
            "UPDATE 2-Harbor Freight lowers full-year outlook as orders soften",
            "CHICAGO (Reuters) - Harbor Freightways Inc ( HBFW.O ) lowered its whole-year earnings forecast on "
            "Monday, blaming softer orders from factory customers.",
        ),
        (
            "DEAN WIDGETS <DWG> SEES STRONG 4TH QTR EARNINGS",
            "Dean Widgets Co expects earnings for the\nfourth quarter ending May 30 to exceed those of the same\n"
            "year-ago period, Chairman Hal Brice told analysts.",
        ),
        (
            "Quillon Tools scores record quarter on strong pump sales",
            "Quillon Tools Inc ( QTL.N ) reported record quarterly revenue and profit on Thursday as orders for its "
            "industrial pumps surged, and it lifted its annual forecast.",
        ),
    ],
)
def test_results_news_is_in_scope(title, text):
    decision = decide(title, text)
    assert decision.in_scope, decision
    assert decision.reason in scope.IN_SCOPE_KINDS


@pytest.mark.parametrize(
    ("title", "text", "reasons"),
    [
        (
            "Northwind raises quarterly dividend",
            "SEATTLE (Reuters) - Northwind Inc ( NWD.N ) on Tuesday added 10 percent to its quarterly dividend, "
            "which now stands at 22 cents a share, pointing to healthy cash flow.",
            {"capital"},
        ),
        (
            "Harbor Freightways to buy Lakeside Logistics for $2 billion",
            "CHICAGO (Reuters) - Harbor Freightways Inc ( HBFW.O ) agreed to buy Lakeside Logistics Corp for $2 "
            "billion in cash, its largest acquisition, the companies said on Monday.",
            {"deal"},
        ),
        (
            "Fed holds rates steady, sees slow recovery",
            "WASHINGTON (Reuters) - Federal Reserve policymakers kept their benchmark rate pinned near zero on "
            "Wednesday and warned that the recovery would be slow while joblessness stays high.",
            {"economy", "policy"},
        ),
        (
            "Stocks slip as bank capital fears mount",
            "NEW YORK (Reuters) - Wall Street lost ground on Thursday as concern over bank capital hit financial "
            "shares, with 1.2 percent wiped off the Dow Jones industrial average.",
            {"markets"},
        ),
        (
            "Quillon Tools seeks Chapter 11 bankruptcy protection",
            "DETROIT (Reuters) - Quillon Tools Inc asked a court for Chapter 11 protection on Friday when talks "
            "with its banks broke down.",
            {"bankruptcy"},
        ),
    ],
)
def test_other_news_is_out_of_scope_with_its_reason(title, text, reasons):
    decision = decide(title, text)
    assert not decision.in_scope, decision
    assert decision.reason in reasons, decision


def test_every_decision_has_a_reason_code_and_a_probability():
    decision = decide("Northwind opens new plant", "Northwind Inc opened a factory in Ohio on Monday.")
    assert decision.reason in (*scope.IN_SCOPE_KINDS, *scope.OUT_OF_SCOPE_KINDS)
    assert 0.0 <= decision.score <= 1.0


def test_an_article_with_nothing_to_read_is_out_as_empty():
    doc = doc_until("", "scope")
    assert doc.scope == ScopeDecision(False, "empty")


def test_the_results_headline_pattern_holds_in_any_era():
    doc = doc_until(
        "Standard Widgetco said it expects earnings in 1987 to increase at least 15 pct from the 9.1 mln dlrs "
        "recorded in 1986.",
        "scope",
        title="STANDARD WIDGETCO SEES BETTER YEAR",
        published=dt.date(1987, 3, 10),
    )
    assert scope.results_headline(doc)
    doc = doc_until(
        "U.S. sales at GM were down 12 percent in July.", "scope", title="GM sales slide 12 percent in July"
    )
    assert not scope.results_headline(doc)  # monthly unit sales are not results


def test_url_slug_words_are_features():
    doc = doc_until(
        "Text.", "scope", title="T", url="https://www.reuters.com/article/us-northwind-results-idUSTRE12345620100720"
    )
    feats = scope.features(doc)
    assert "u:result" in feats and "u:northwind" in feats
    assert not any("idus" in f for f in feats)


def test_guidance_at_an_investor_meeting_and_a_quarters_verdict_are_in_scope():
    meeting = decide(
        "Northwind tells investors its cloud unit will turn profitable next year",
        "Northwind Inc expects its cloud business to become profitable next year, executives told investors at a "
        "meeting in Denver on Tuesday, as price increases take hold. The company said operating margins should "
        "widen over the next three years.",
    )
    verdict = decide(
        "Quillon trims its headset target after the holiday quarter falls short",
        "Quillon Corp cut its target for headset shipments on Thursday after holiday demand fell short of plan. "
        "For the October-December quarter, revenue rose 4 percent.",
    )
    product = decide(
        "Northwind shows off its new headset at a trade show",
        "Northwind Inc showed a new headset at a trade show in Las Vegas on Tuesday, saying stores would stock it "
        "from the spring.",
    )
    assert meeting.in_scope and verdict.in_scope and not product.in_scope


@pytest.mark.parametrize(
    ("title", "reason"),
    [
        ("Northwind CFO retires, successor named", "executive_change"),
        ("Northwind names Jane Roe chief executive", "executive_change"),
        ("Northwind CFO Roe to leave", "executive_change"),  # a departure, even a day after a results release
        ("Regulator says Northwind misled investors on costs", "legal"),
        ("Northwind shares slide on lawsuit worries", "legal"),
        ("Dow ends higher on Northwind boost", "markets"),
        ("Crude slips, insurers lift S&P, chipmakers weigh on Nasdaq", "markets"),
        ("Northwind results hurt stocks; dollar gains", "markets"),
    ],
)
def test_headlines_whose_news_is_out_of_scope_whatever_the_lede(title, reason):
    """An executive change or a lawsuit or probe with no results word, and a markets wrap whose subject is an index
    or the market, are out of scope even when the first sentence talks of results (the guide: main news is headline and lede)."""
    text = "NEW YORK (Reuters) - Northwind Corp ( NWD.N ) beat estimates on Tuesday as its quarterly profit climbed."
    doc = doc_until(text, "scope", title=title)
    assert (doc.scope.in_scope, doc.scope.reason) == (False, reason)


@pytest.mark.parametrize(
    "title",
    [
        "Northwind profit tops Wall Street view",
        "Dow Chemical profit climbs on higher prices",
        "Nasdaq profit more than triples",
        "Northwind profit falls on lawsuit costs",  # a legal word beside a results word: results news
    ],
)
def test_results_headlines_naming_the_market_stay_in_scope(title):
    text = "NEW YORK (Reuters) - Northwind Corp ( NWD.N ) beat estimates on Tuesday as its quarterly profit climbed."
    assert doc_until(text, "scope", title=title).scope.in_scope


def test_a_lede_reporting_a_quarters_results_is_in_scope_whatever_the_headline_says():
    """Results on the day told through their reception ("... sales fail to impress, shares fall"): the first
    sentence reports the quarter's figures; a feature's kicker line before it is skipped."""
    assert decide(
        "Harborburger's strong U.S. sales leave investors cold, shares slip",
        "CHICAGO (Reuters) - Harborburger Corp on Tuesday reported strong U.S. fourth-quarter restaurant sales, "
        "helped by a new breakfast menu, yet investors had hoped for more.",
    ).in_scope
    doc = doc_until(
        "CHICAGO (Reuters) - Hold the applause for now. \n\n Quillon Tools Corp ( QLT.N ) reported "
        "fourth-quarter results that topped expectations on Wednesday.",
        "scope",
        title="Toolmakers on the mend, though caution lingers",
    )
    # the decision made in the build's view, where scope sees the mentions of the opening's sentences only
    assert doc.scope is not None and doc.scope.in_scope
    assert scope.lede_reports_quarter(doc)


@pytest.mark.parametrize(
    ("title", "lede"),
    [
        ("Tech shares rally on Quillon earnings", "Quillon Inc ( QLN.O ) posted a bigger fourth-quarter profit."),
        ("Quillon February sales plunge 48 percent", "Quillon Motors Corp reported sales fell in the quarter."),
        ("Quillon to cut 4,000 jobs", "Quillon Corp announced 4,000 job cuts and posted a quarterly loss."),
    ],
)
def test_a_lede_with_quarterly_figures_does_not_bring_in_other_news(title, lede):
    doc = doc_until(f"NEW YORK (Reuters) - {lede}", "scope", title=title)
    assert not scope.lede_reports_quarter(doc)


@pytest.mark.parametrize(
    ("title", "text", "in_scope"),
    [
        # a sector's or the market's forecast naming no company: the guide's aggregate forecast, out
        (
            "Asset managers seen reporting bigger profits",
            "BOSTON (Reuters) - Mutual fund firms are expected to report bigger fourth-quarter profits as market "
            "gains swelled the assets they oversee.",
            False,
        ),
        (
            "U.S. third-quarter profits may struggle to top forecasts",
            "NEW YORK (Reuters) - Profit growth at U.S. companies should continue in the third quarter, though "
            "topping analysts' forecasts could get harder.",
            False,
        ),
        # one company's preview names it: in
        (
            "Northwind expected to post higher profit",
            "NEW YORK (Reuters) - Northwind Corp ( NWD.N ) looks set to show quarterly profit growth on "
            "Tuesday, helped by growing turbine demand.",
            True,
        ),
        # a sector's headline in the past tense over a first sentence that has the sector still to report: out
        (
            "Wealth manager profits up on year, inflows mixed",
            "BOSTON (Reuters) - U.S. wealth managers are expected to post solid quarterly results against last "
            "year's weak showing, though choppy markets have pushed savers toward safer funds.",
            False,
        ),
        # a sector's results reported, not forecast: a round-up, in
        (
            "Machinery makers post stronger profits on cost savings",
            "NEW YORK (Reuters) - Northwind Corp and Harbor Machines posted higher quarterly profits on Tuesday "
            "as cost cuts paid off.",
            True,
        ),
    ],
)
def test_a_sectors_forecast_naming_no_company_is_an_aggregate_forecast(title, text, in_scope):
    doc = doc_until(text, "scope", title=title)
    assert doc.scope.in_scope is in_scope
    if not in_scope:
        assert doc.scope.reason == "aggregate_forecast"


def test_a_companys_name_is_a_placeholder_word_in_the_features():
    # what the headline says of a company is the news, not which company: "Northwind earnings fall" and "Quillon
    # earnings fall" give the model the same words (the URL slug's name too)
    feats = [
        scope.features(
            doc_until(
                f"{name} Corp ( {code}.N ) said quarterly profit fell.",
                "scope",
                title=f"{name} earnings fall",
                url=f"https://www.reuters.com/article/us-{name.lower()}-results-idUSTRE12345620100720",
            )
        )
        for name, code in (("Northwind", "NWD"), ("Quillon", "QLN"))
    ]
    assert feats[0] == feats[1]
    assert {"h:xcompanyx", "hb:xcompanyx_earning", "s:xcompanyx", "u:<company>"} <= set(feats[0])
    assert not any("northwind" in f for f in feats[0])


def test_a_headline_naming_earnings_over_a_first_sentence_of_the_years_sales_is_results_news():
    lede = (
        "Harbor Markets, the worker-owned supermarket group from Tampa, Florida, reported on Friday that its sales "
        "reached $48.2 billion in 2023, an increase of some 6 percent. Net earnings rose to $3.9 billion."
    )
    doc = doc_until(lede, "scope", title="Harbor sales and earnings rise in 2023", published=dt.date(2024, 3, 1))
    assert scope.results_headline(doc)
    # a month's sales under the same headline words are sales figures, not results
    monthly = lede.replace("in 2023", "in January").replace("reported on Friday", "reported on Thursday")
    doc = doc_until(monthly, "scope", title="Harbor sales and earnings rise in January", published=dt.date(2024, 2, 1))
    assert not scope.results_headline(doc)


def test_the_body_features_count_per_share_figures_and_results_words():
    results = (
        "Northwind Inc said quarterly profit rose to 88 cents a share from 70 cents a share, and revenue rose 9 "
        "percent. Earnings per share beat estimates; the company now sees a stronger year."
    )
    feature = "The new plant in Ohio will make pumps for farms, and its first orders came from three states. " * 3
    assert scope.body(results) == {"body:per_share2": 1.0, "body:results_density3": 1.0}
    assert scope.body(feature) == {"body:per_share0": 1.0, "body:results_density0": 1.0}
    assert scope.body("") == {"body:per_share0": 1.0, "body:results_density0": 1.0}


def test_the_decision_asks_the_second_opinion_of_the_model_before(monkeypatch):
    # a story the models keep and no results rule names: out when the model before rejects it
    title, text = (
        "Northwind's chief upbeat as investors look ahead",
        "SEATTLE (Reuters) - The head of Northwind Inc assured shareholders on Tuesday that profit and revenue "
        "should grow this year, at 90 cents a share, after costs fell.",
    )
    kept = decide(title, text)
    feats = scope.features(doc_until(text, "scope", title=title, published=dt.date(2010, 7, 20)))
    assert (
        kept.in_scope
        and scope.p_in_scope(feats, scope.SECOND_OPINION) >= scope.model(scope.SECOND_OPINION)["threshold"]
    )
    strict = scope.model(scope.SECOND_OPINION) | {"threshold": 1.01}
    real = scope.model
    monkeypatch.setattr(
        scope, "model", lambda version=scope.SCOPE_VERSION: strict if version == scope.SECOND_OPINION else real(version)
    )
    assert not decide(title, text).in_scope


def test_a_dividend_headline_that_also_moves_a_quarters_results_is_results_news():
    # "first dividend as fourth-quarter revenue rises": results news; a dividend alone is capital news
    lede = (
        "Northwind Inc on Wednesday reported an 11 percent climb in fiscal fourth-quarter revenue, to $9.3 billion, "
        "and declared a maiden payout to shareholders of 40 cents per share."
    )
    title = "Northwind declares maiden dividend as fourth-quarter revenue rises 11%"
    assert scope.results_headline(doc_until(lede, "scope", title=title, published=dt.date(2024, 2, 28)))
    assert decide(title, lede).in_scope
    title, lede = (
        "Northwind lifts quarterly dividend 10 percent",
        "Northwind Inc on Wednesday lifted its quarterly dividend to 44 cents per share, having paid 40 cents "
        "until now.",
    )
    assert not scope.results_headline(doc_until(lede, "scope", title=title, published=dt.date(2024, 2, 28)))
    assert not decide(title, lede).in_scope


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Quillon earnings: CEO Dana Reyes will watch rival's streaming service", True),
        ("Quillon Q4 results: subscriber growth tops forecasts", True),
        ("Earnings season: what to watch this week", False),  # no company
        ("Quillon says its earnings call moves to Thursday", False),  # not the kicker's form
    ],
)
def test_a_headline_filed_under_a_companys_results(title, expected):
    # web publishers title results-day coverage "<Company> earnings: <the remark>", whatever the lede leads with
    doc = doc_until(
        "Quillon Inc CEO Dana Reyes is playing it cool about competition from a rival's new service.",
        "scope",
        title=title,
    )
    assert scope.results_kicker(doc) is expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (  # the forecast in the first sentence, the headline in the wire's capitals of the 1980s
            "GALEWOOD BANCORP <GWB> SEES IMPROVEMENT IN 1987",
            "Galewood Bancorp Inc said steadier farm prices and lower funding costs would help 1987 earnings "
            "increase from last year's profit of 14 mln dlrs.",
            True,
        ),
        (  # a feature's opening sentence, then the forecast in the second
            "Tern Tax Services sees gains from new tax code",
            "Weeks before returns are due, puzzled filers are crowding into Tern Tax Services Inc's branches. "
            "Analysts say earnings at the runner-up among American tax preparers should be strong in fiscal 2011.",
            True,
        ),
        (  # a headline that forecasts something other than results
            "Galewood predicts S&P 500 will reach 1,350 in late 2011",
            "Healthy corporate profits should push stocks higher through 2011, strategists at Galewood Securities "
            "said on Tuesday.",
            False,
        ),
        (  # losses foreseen are not a forecast of the company's results
            "Galewood Air sees $12 million hit from currency",
            "Galewood Air Inc expects a hit of roughly $12 million from currency swings in the second quarter.",
            False,
        ),
        (  # a headline about products
            "Galewood expects new products to lift 2009 profit",
            "Galewood Foods Inc said new snacks would help its 2009 earnings grow.",
            False,
        ),
        (  # a forecast with no period
            "Galewood sees better times",
            "Galewood Corp said its earnings would improve once the strike ends.",
            False,
        ),
    ],
)
def test_a_companys_own_forecast_of_its_results_in_the_opening(title, text, expected):
    """The guide puts a company's own forecast of its results in scope whatever words its headline uses: a
    headline that forecasts, and a forecast verb with the company's earnings or results for a period in one of
    the first two sentences."""
    doc = doc_until(text, "scope", title=title)
    assert scope.lede_forecasts_results(doc) is expected
    if expected:  # guidance, whatever kind the model reads: the quarter stage takes the forecast's period
        assert decide(title, text) == ScopeDecision(True, "guidance", decide(title, text).score)


@pytest.mark.parametrize(
    ("title", "lede", "expected"),
    [
        (  # a results day whose headline is about drinks: the lede places the year's sales growth in the forecast
            "Beanhouse disappoints after holiday drink sales lose steam",
            "Beanhouse Coffee Co on Thursday warned that 2024 global cafe sales growth would be at the low end of "
            "its forecast, after holiday drinks fell flat with U.S. customers.",
            True,
        ),
        (
            "Cocoline lowers profit goal, bets on top brands",
            "Cocoline Co on Tuesday lowered its long-term profit growth target and said it would put more money "
            "behind its best-selling brands.",
            True,
        ),
        (  # a sales goal in vehicles is a unit figure
            "Kanto Motor cuts 2024 sales goal",
            "Kanto Motor Corp trimmed its 2024 global sales goal by 4 percent, to 8.7 million vehicles.",
            False,
        ),
        (  # an output forecast is not a results forecast
            "Prairie Energy trims output forecast",
            "Prairie Energy Corp trimmed its production forecasts through 2025 as its gas output suffered from weak "
            "margins.",
            False,
        ),
        (  # a markets story told through one company's warning
            "Parcelco warning, record crude trigger sell-off",
            "Shares slid on Wednesday as Parcelco Inc slashed its earnings forecast and crude prices set a new high.",
            False,
        ),
        (  # a deal first
            "Brickworks sells U.S. unit, raises 2024 targets",
            "Brickworks Groep NV plans to part with its U.S. unit and raised its 2024 sales and profit targets.",
            False,
        ),
        (  # a broker's forecast of the company's earnings
            "Galewood Bank cuts view on Parcelco",
            "Galewood Bank analysts cut its earnings forecast for Parcelco Inc, citing fuel costs.",
            False,
        ),
    ],
)
def test_a_company_revising_its_own_forecast_in_the_first_sentence(title, lede, expected):
    """The guide's pre-announcement or guidance, whatever words the headline uses: the first sentence gives the
    company's own profit, margin or sales-growth forecast cut, raised or placed; not units, output, a market's
    move, a deal or a broker's view."""
    text = f"NEW YORK (Reuters) - {lede}"
    doc = doc_until(text, "scope", title=title)
    assert scope.lede_revises_forecast(doc) is expected
    if expected:
        assert doc.scope == ScopeDecision(True, "guidance", doc.scope.score)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Skyjet 'more confident' on new jet as profits rise", True),
        ("Orelake delays $14 billion potash project as profit drops", True),
        ("Skyjet to cut jobs as quarterly profit falls", False),  # job cuts lead: the guide puts them out
        ("Skyjet to buy Orelake as profit rises", False),  # a deal
        ("Skyjet sales chief quits as results disappoint", False),  # an executive
        ("Stocks slide as profits drop", False),  # no company: a market
        ("Skyjet 'more confident' on new jet as deliveries rise", False),  # no results word
    ],
)
def test_results_told_in_a_clause_of_the_headline(title, expected):
    """A headline that leads with other news and gives the day's results in a clause after it ("... as profits
    rise") is a results-day story (the guide reads the headline and first sentence together); the article is
    results reported whatever kind the model reads."""
    text = (
        "PARIS (Reuters) - Skyjet Group and Orelake Ltd executives spoke to reporters on Tuesday about the year ahead."
    )
    companies = {"Skyjet": {"ticker": "SKJ"}, "Orelake": {"ticker": "ORL"}}
    doc = doc_until(text, "scope", title=title, companies=companies)
    assert scope.results_in_headline_clause(doc) is expected
    if expected:
        assert doc.scope == ScopeDecision(True, "results_reported", doc.scope.score)


def test_guidance_at_a_meeting_for_analysts():
    # "a meeting for pharmaceutical analysts" names the occasion as "told analysts at a meeting" does
    title = "STOCKS/MERIDIAN LABS <MRL>"
    text = (
        "Meridian Laboratories Inc's stock rose sharply today after the company presented a bullish earnings "
        "scenario at a meeting for pharmaceutical analysts Monday, traders said. Meridian now expects "
        "earnings for fiscal 1987 to rise more than 75 pct."
    )
    doc = doc_until(text, "scope", title=title, published=dt.date(1987, 3, 24))
    assert scope.guidance_at_a_meeting(doc)
    assert doc.scope.in_scope and doc.scope.reason == "guidance"
    # as guidance, its quarter is the forecast year's fourth (the latest quarter ended, 1986Q4, were it results)
    doc = doc_until(text, "quarter", title=title, published=dt.date(1987, 3, 24))
    assert set(doc.quarters.values()) == {(1987, 4)}


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "U.S. brokers to get a trading boost",
            "NEW YORK (Reuters) - Busier trading is likely to lift profits at U.S. brokerages when they report "
            "quarterly results next week, analysts said.",
        ),
        (
            "Rising costs loom over airline earnings",
            "NEW YORK (Reuters) - Fuel bills are seen eating into quarterly profits at the big U.S. carriers when "
            "they report next week.",
        ),
        (
            "Lorry builders face a lean year",
            "FRANKFURT (Reuters) - Orders have dried up, so lorry builders in Europe are expected to earn less.",
        ),
        (
            "Analysis: lender results face lofty hopes",
            "(Reuters) - Shareholders want a lot from the big lenders when they report quarterly numbers next week.",
        ),
    ],
)
def test_a_sector_preview_headline_is_an_aggregate_forecast(title, text):
    doc = doc_until(text, "scope", title=title, published=dt.date(2010, 7, 20))
    assert scope.aggregate_forecast(doc) and not doc.scope.in_scope


def test_a_column_is_a_writers_view_not_the_companys_news():
    title, text = (
        "Northwind could face a big write-down",
        "NEW YORK (Reuters) - Northwind Corp ( NWD.N ) may book a large charge on the lender it bought last "
        "year, which would dent its quarterly profit, analysts said.",
    )
    assert decide(title, text).in_scope
    column = decide(title, text, url="https://example.com/article/us-column-northwind-lenders-idUSX1")
    assert (column.in_scope, column.reason) == (False, "other")


def test_a_rule_overrules_models_sure_of_other_news_only_when_the_headline_names_results(monkeypatch):
    text = (
        "TAIPEI (Reuters) - Northwind Inc ( NWD.N ) sees growth in its Taiwan business picking up in 2008 as trade "
        "ties improve, its country head said on Saturday."
    )
    title = "Northwind sees strong Taiwan growth in 2008"
    assert scope.results_headline(doc_until(text, "scope", title=title))
    monkeypatch.setattr(scope, "p_in_scope", lambda feats, version=scope.SCOPE_VERSION: 0.01)
    assert not decide(title, text).in_scope
    assert decide("Northwind sees strong 2008 profit growth", text).in_scope
    # a headline in capitals, the 1980s wire's, is a style the models never saw: the rules stand
    assert decide("NORTHWIND <NWD> SEES STRONG 1988 GROWTH", text).in_scope
    # the rules of calls stand whatever the model: the guide's own example is a remark on an earnings call
    call = (
        "SEATTLE (Reuters) - Northwind Inc ( NWD.N ) expects a shortage of chips to ease by the autumn, its "
        "chief executive told a quarterly earnings conference call on Tuesday."
    )
    assert decide("Northwind says parts shortage to ease", call).in_scope


_ROUNDUP_LEDE = (
    "CHICAGO (Reuters) - Not so fast.\n\n"
    "As a string of U.S. pump makers reported results that beat forecasts on Tuesday, their chiefs warned that "
    "orders had yet to recover. Northwind Inc ( NWD.N ) said its profit rose 9 percent. Quillon Tools Inc "
    "( QTL.N ), Harbor Freightways Inc ( HBFW.O ) and Tamsin Valve Co ( TMV.N ) also topped estimates.\n\n"
    '"Customers are still careful," Northwind Chief Executive Jane Roe told analysts.'
)


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # a theme headline over several companies' results of the day: a round-up
        ("Pump makers beat forecasts, but stay wary", _ROUNDUP_LEDE, (True, "roundup")),
        # the same opening under a headline about the market, or one whose companies report next week
        ("Pump stocks slide despite forecast beats", _ROUNDUP_LEDE, (False, None)),
        (
            "Pump makers face a tough quarter",
            _ROUNDUP_LEDE.replace(
                "As a string of U.S. pump makers reported results",
                "As investors await earnings reports from U.S. pump makers",
            )
            .replace("said its profit rose", "is expected to say its profit rose")
            .replace("also topped", "may top"),
            (False, None),
        ),
        # a month's sales of several chains is sales figures, not results
        (
            "Apparel chains slump as shoppers retreat",
            "NEW YORK (Reuters) - Several apparel chains posted weak March same-store sales on Thursday. "
            "Northwind Stores Inc ( NWS.N ), Quillon Apparel ( QAP.N ) and Harbor Outfitters ( HBO.O ) all "
            "missed forecasts.",
            (False, None),
        ),
        # two codes are not a round-up
        (
            "Pump makers beat forecasts, but stay wary",
            _ROUNDUP_LEDE.replace(", Harbor Freightways Inc ( HBFW.O ) and Tamsin Valve Co ( TMV.N )", ""),
            (False, None),
        ),
    ],
)
def test_a_theme_round_up_of_several_companies_results_is_in_scope(title, text, expected):
    doc = doc_until(text, "scope", title=title, published=dt.date(2010, 7, 20))
    in_scope, reason = expected
    assert scope.lede_rounds_up_results(doc) is in_scope
    assert doc.scope.in_scope is in_scope
    if reason:
        assert doc.scope.reason == reason


# A story on one company's results told through analysts' reactions, filed under a desk's slug: the guide keeps it.
_REACTION_TEXT = (
    "Northwind Instruments Corp surprised Wall Street with a quick start to 1987, though several analysts said "
    "its two-year profit decline is not over.\n"
    '    "I like what I see at Northwind more than I have in years," said Harbor Securities analyst Jane Roe.\n'
    '    "But they are not home yet," she added.\n'
    "    Northwind's first-quarter net income, 1.05 dlrs a share, came in above nearly every forecast.\n"
)


@pytest.mark.parametrize(
    ("title", "text", "in_scope"),
    [
        ("TALKING POINT/NORTHWIND <NWI>", _REACTION_TEXT, True),
        # guards: the headline's news is another (a deal), the opening names no period's results, the lede is
        # not analysts' view of its earnings
        ("TALKING POINT/NORTHWIND <NWI> TO BUY QUILLON", _REACTION_TEXT, False),
        ("TALKING POINT/NORTHWIND <NWI>", _REACTION_TEXT.replace("first-quarter net income", "new pump"), False),
        ("TALKING POINT/NORTHWIND <NWI>", _REACTION_TEXT.replace("several analysts said", "it said"), False),
    ],
)
def test_a_story_on_results_told_through_analysts_reactions_is_in_scope(title, text, in_scope):
    doc = doc_until(text, "scope", title=title, published=dt.date(1987, 4, 22))
    assert scope.lede_reacts_to_results(doc) is in_scope
    if in_scope:
        assert (doc.scope.in_scope, doc.scope.reason) == (True, "results_via_shares_or_analysts")


@pytest.mark.parametrize(
    ("text", "in_scope"),
    [
        (
            'Quillon Foods Co is "on course for results that set a record once more" in the twelve months '
            "ending June 30, Chairman Sam Poe told investment analysts.\n"
            "    Poe said the company would keep backing its big brands.\n",
            True,
        ),
        # told investment analysts, but no forecast of its results: not guidance
        (
            "Quillon Foods Co will keep backing its big brands and look for acquisitions abroad, Chairman Sam Poe "
            "told investment analysts.\n    Poe added that borrowing was low.\n",
            False,
        ),
    ],
)
def test_a_forecast_told_to_investment_analysts_is_guidance_at_a_meeting(text, in_scope):
    title = "QUILLON FOODS <QFC> ON COURSE FOR ANOTHER GOOD YEAR"
    doc = doc_until(text, "scope", title=title, published=dt.date(1987, 3, 12))
    assert scope.guidance_at_a_meeting(doc) is in_scope


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Northwind option traders lean bullish before results",
            "CHICAGO (Reuters) - Traders are buying calls on Northwind Inc ( NWD.O ) ahead of its quarterly "
            "earnings report on Thursday, betting the shares will climb.",
        ),
        (
            "Quillon could see the biggest swing on earnings",
            "The fourth-quarter reporting season is under way, and Quillon Corp ( QLN.O ) reports its quarterly "
            "results on Tuesday. Analysts forecast 43 cents per share in earnings. Options traders expect a move "
            "of about 9 percent either way, said Jane Roe of Harbor Partners.",
        ),
    ],
)
def test_the_options_markets_bets_on_coming_results_are_market_news(title, text):
    doc = doc_until(text, "scope", title=title, published=dt.date(2010, 7, 20))
    assert scope.options_market(doc)
    assert (doc.scope.in_scope, doc.scope.reason) == (False, "markets")


def test_an_exchanges_results_lifted_by_options_volume_stay_in_scope():
    title, text = (
        "Harbor Exchange quarterly profit up 24 percent",
        "CHICAGO (Reuters) - Harbor Exchange Holdings Inc ( HBX.O ) reported quarterly profit up 24 percent on "
        "Tuesday as options volume set a record and call options activity stayed busy.",
    )
    assert decide(title, text).in_scope


def test_a_companys_record_quarter_is_results_news_and_so_is_a_remark_on_its_call(monkeypatch):
    """ "Quillon scores record quarter on cloud sales" is results news whatever the "on ... sales"; a finance
    chief's hint on the earnings call is in scope too (the issue's "CFO Y on Thursday hinted at ...")."""
    monkeypatch.setattr(scope, "p_in_scope", lambda feats, version=scope.SCOPE_VERSION: 0.02)
    record = decide(
        "Quillon scores record quarter on cloud sales",
        "Quillon Corp. scored a record quarter, it said on Thursday, thanks to strong cloud sales, and its chief "
        "executive said growth would continue.",
    )
    assert (record.in_scope, record.reason) == (True, "results_reported")
    call = decide(
        "Northwind CFO hints at more price hikes",
        "Northwind Foods Inc CFO Jane Roe on Thursday hinted at further price increases. Roe said on the "
        "company's quarterly earnings call that pricing is under review.",
    )
    assert call.in_scope


REMARK_TITLE = "UPDATE 3-Harbor Bank sees no quick end to card review costs, gets tax lift"
REMARK_LEDE = (
    "BOSTON, Jan 12 (Reuters) - Harbor Bank Corp cannot yet say it has found every flaw in how its card unit "
    "signed up customers, Chief Executive Jane Roe said on Friday.\n\n"
)


@pytest.mark.parametrize(
    ("after", "in_scope"),
    [
        # the day's results in the sentence after the remark
        (
            "The lender put $900 million aside for customer claims, as its fourth-quarter earnings report Friday "
            "showed.",
            True,
        ),
        # or with a reporting verb and the weekday
        (
            "Harbor posted fourth-quarter net income just above $1.1 billion on Friday, a smaller tax bill helping.",
            True,
        ),
        # results given days before (the story is dated Friday): background to other news
        ("Harbor, which reported the fourth quarter's net loss back on Tuesday, plans to sell the card unit.", False),
        # results still to come: no results day
        ("Its fourth-quarter results come out on Jan. 20, once the review of the card unit ends.", False),
        # no quarter's results at all: a remark on a probe
        ("Regulators opened an inquiry into the card unit's sales methods last year.", False),
    ],
)
def test_a_remark_that_leads_a_results_day_story_is_results_news(monkeypatch, after, in_scope):
    """ "X sees no end yet to ... costs": the chief executive's remark leads, and the next sentence reports the
    quarter's results of the day; the story is results news (reported), even with a model sure of other news. A
    remark beside results still to come, or none, is not admitted by this rule."""
    monkeypatch.setattr(scope, "p_in_scope", lambda feats, version=scope.SCOPE_VERSION: 0.02)
    doc = doc_until(REMARK_LEDE + after, "scope", title=REMARK_TITLE, published=dt.date(2011, 1, 14))
    assert scope.remark_on_results_day(doc) is in_scope
    assert doc.scope is not None
    assert (doc.scope.in_scope, doc.scope.reason if in_scope else None) == (
        in_scope,
        "results_reported" if in_scope else None,
    )


def test_a_remark_over_a_deal_headline_is_not_a_results_day_story(monkeypatch):
    monkeypatch.setattr(scope, "p_in_scope", lambda feats, version=scope.SCOPE_VERSION: 0.02)
    doc = doc_until(
        REMARK_LEDE + "Harbor posted fourth-quarter net income just above $1.1 billion on Friday.",
        "scope",
        title="Harbor Bank says it will buy Ridgeline Trust for $2 billion",
        published=dt.date(2011, 1, 14),
    )
    assert not scope.remark_on_results_day(doc)


@pytest.mark.parametrize(
    ("title", "lede", "in_scope"),
    [
        # brokers revising their numbers for a company, no results of its own: an analyst note
        (
            "Northwind Bank hit by earnings downgrades",
            "NEW YORK (Reuters) - Banks took another knock on Tuesday as Quillon Securities and Harbor Capital cut "
            "their earnings forecasts for Northwind Bank Corp ( NWB.N ) and said more write-downs were likely.",
            False,
        ),
        (
            "Ridgeline Research lifts Northwind price target",
            "Ridgeline Research raised its price target on Northwind Bank Corp ( NWB.N ) to $40 from $35, saying "
            "card fees should hold up.",
            False,
        ),
        # the same revision the morning after the company's results: results told through analysts' reactions
        (
            "Analysts raise Northwind Bank's full-year view",
            "NEW YORK (Reuters) - Some four analysts raised their 2008 per-share estimates for Northwind Bank Corp "
            "( NWB.N ) on Wednesday, the morning after the lender posted second-quarter results ahead of hopes.",
            True,
        ),
        # a company's own raised outlook for the year is its own news
        (
            "Northwind Bank posts higher profit, raises forecast",
            "NEW YORK (Reuters) - Northwind Bank Corp ( NWB.N ) reported stronger second-quarter income from card "
            "fees on Tuesday "
            "and lifted its forecast for twelve-month earnings by a notch.",
            True,
        ),
    ],
)
def test_an_analysts_revision_for_a_company_is_an_analyst_note(monkeypatch, title, lede, in_scope):
    monkeypatch.setattr(scope, "p_in_scope", lambda feats, version=scope.SCOPE_VERSION: 0.9)
    decision = decide(title, lede)
    assert decision.in_scope is in_scope
    if not in_scope:
        assert decision.reason == "other"


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Northwind slumps to first annual loss in a decade",
            "Northwind has reported its first annual loss for a decade after demand for fuel collapsed, but the "
            "company said it had paid down debt faster than planned.",
        ),
        (
            "Northwind Forecasts Modest Sales Growth for Fiscal 2021",
            "DAYTON, Ohio — Northwind Inc. said Tuesday it expects sales to grow about 3% in its next fiscal year, "
            "which ends in January 2021.",
        ),
        (
            "Northwind stumbles on crowded counters",
            "OMAHA — Northwind Coffee Co. said Thursday that sales at its older stores grew more slowly than "
            "expected over the holidays. The coffee chain reported comparable sales 3 percent higher in its fiscal first quarter, "
            "which ended Jan. 1.",
        ),
    ],
)
def test_web_results_news_without_the_wires_wording(title, text):
    """A headline that moves a company into a loss, a sales forecast under a newspaper's dateline, and a first
    sentence on the results' news whose quarter the next sentence reports."""
    assert decide(title, text).in_scope


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Quillon picks an exchange for its IPO even as losses widen",
            "Quillon Tools Inc, which made an annual loss last year, named on Tuesday the exchange it will list on.",
        ),
        (
            "Quillon plans fresh job cuts as it sees further losses",
            "Quillon Tools Inc will cut 2,000 more jobs, it said on Tuesday, after an operating loss last year.",
        ),
    ],
)
def test_a_headline_leading_with_other_news_stays_out_whatever_loss_the_lede_names(title, text):
    assert not decide(title, text).in_scope


def test_a_lede_that_describes_the_company_and_a_next_sentence_that_names_it_reports_the_quarter():
    # a feature-style web lede: the company only described first, named in the next sentence with its quarter
    text = (
        "The world's largest pretzel chain on Tuesday reported a fourth straight quarter of falling same-store "
        "sales, though the drop was milder than Wall Street had feared.\n"
        "Northwind Pretzels Inc said comparable sales fell 4% in its fiscal first quarter, against analysts' "
        "estimates of a 5.5% drop.\n"
        '"We are making progress," Chief Executive Jo Fay said.'
    )
    decision = decide("Pretzel giant's slump extends, but turnaround shows early signs", text)
    assert decision.in_scope and decision.reason == "results_reported"
    # a month's sales figures in the same shape stay out: the next sentence names no quarter
    monthly = text.replace("in its fiscal first quarter", "in March")
    assert not decide("Pretzel giant's slump extends, but turnaround shows early signs", monthly).in_scope

"""The mentions component: printed codes and organisations with their kinds (hand-written texts)."""

import pytest

from conftest import doc_until
from earnings_events.pipeline.document import OrgKind
from earnings_events.pipeline.mentions import codes_in, kind_of, ticker_of


@pytest.mark.parametrize(
    ("text", "tickers"),
    [
        ("Northwind Data Corp. NWD.N said", ["NWD"]),
        ("Harbor Oil ( HBO.N ) rose", ["HBO"]),
        ("Quillon Tools (QTL.OQ) fell", ["QTL"]),
        ("Chugoku Widgets ( 7203.T ) and Harbor plc ( HBR.L )", ["7203.T", "HBR.L"]),
        ("Northwind Inc. (NYSE: NWD) and Quillon (NASDAQ:QTL)", ["NWD", "QTL"]),
        ("Canadian Rail ( CPR.TO ) and Maple Gold (TSX: MPG)", ["CPR.TO", "MPG.TO"]),
        ("DEAN WIDGETS <DWG> SEES PROFIT", ["DWG"]),
        ("H.J. Widget Co. HJW.N said", ["HJW"]),
        ("U.S. sales rose. The U.K. unit fell.", []),
        ("Ford Motor F.N and Citi C.N rose", ["F", "C"]),
        # a share class in lower case, bare as in brackets
        ("Maple Parts Ltd MPa.TO said, and Quill ( QLb.TO ) fell", ["MPA.TO", "QLB.TO"]),
        ("The CEOs.To our surprise", []),
    ],
)
def test_printed_codes_and_their_tickers(text, tickers):
    assert [c.ticker for c in codes_in(text)] == tickers


def test_us_venues_give_the_bare_symbol_others_keep_the_suffix():
    assert ticker_of("XOM.N") == "XOM" and ticker_of("AAPL.O") == "AAPL" and ticker_of("KFT.K") == "KFT"
    assert ticker_of("VOD.L") == "VOD.L" and ticker_of("7203.T") == "7203.T"
    assert ticker_of("CHKP", "NASDAQ") == "CHKP" and ticker_of("CP", "TSX") == "CP.TO"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Thomson Reuters I/B/E/S", OrgKind.AGENCY),
        ("Reuters Estimates", OrgKind.AGENCY),
        ("Bloomberg L.P.", OrgKind.AGENCY),
        ("Nasdaq", OrgKind.MARKET),
        ("Dow Jones industrial average", OrgKind.MARKET),
        ("Securities and Exchange Commission", OrgKind.REGULATOR),
        ("Federal Reserve", OrgKind.REGULATOR),
        ("Ridgeline Securities", OrgKind.BROKER),
        ("Harbor Asset Management", OrgKind.FUND),
        ("Northwind Inc", OrgKind.COMPANY),
    ],
)
def test_kinds_by_name(name, kind):
    assert kind_of(name) == kind


def test_names_before_codes_suffixes_and_short_forms():
    text = (
        "NEW YORK (Reuters) - Chip maker Northwind Data Corp ( NWD.O ) said profit rose, while rival "
        "Quillon Tools Inc fell. Northwind's shares rose. China's Lakeside Power ( 0902.HK ) was flat."
    )
    doc = doc_until(text, "scope")
    names = [(o.name, o.code.ticker if o.code else None) for o in doc.orgs]
    assert ("Northwind Data", "NWD") in names
    assert ("Quillon Tools", None) in names
    assert ("Northwind", None) in names  # the short form, found because the long one was
    assert ("Lakeside Power", "0902.HK") in names  # "China's" is not part of the name


def test_a_number_inside_a_name_before_its_code_is_part_of_the_name():
    text = "NEW YORK (Reuters) - Quay 1 Imports Inc ( QIR.N ) posted a loss, and shares rose 2 Harbor Inc ( HBR.N )."
    names = [(o.name, o.code.ticker if o.code else None) for o in doc_until(text, "scope").orgs]
    assert ("Quay 1 Imports", "QIR") in names
    assert ("Harbor", "HBR") in names  # a number opening the run is not a name's


def test_saint_abbreviated_opens_a_name():
    # "St." is a name's first word, not a sentence's end: the company is "St. Ives Widgets", never "Ives Widgets"
    text = "NEW YORK (Reuters) - St. Ives Widgets Inc ( SIW.N ) posted a profit, and St. Ives's shares rose."
    names = [(o.name, o.code.ticker if o.code else None) for o in doc_until(text, "scope").orgs]
    assert ("St. Ives Widgets", "SIW") in names
    assert not [n for n, _ in names if n.startswith("Ives")]


def test_firms_named_like_people_are_organisations():
    doc = doc_until('"Margins were fine," John Boylan from Edward Jones said.', "scope")
    assert any(o.name == "Edward Jones" for o in doc.orgs)


def test_no_organisation_in_a_credit_line_or_dateline():
    text = (
        "CHARLOTTE (Reuters) - Harbor Bank Corp said profit rose. (Reporting by Gerald McWidget Inc; Editing by Kim Lo)"
    )
    doc = doc_until(text, "scope")
    assert [o.name for o in doc.orgs] == ["Harbor Bank"]


def test_a_companys_initials_are_its_short_form_where_the_article_names_it():
    companies = {"Quillon Instruments": {"ticker": "QIN"}}
    text = (
        "DALLAS (Reuters) - Quillon Instruments Inc lowered its sales goal. QI stock lost ground in early trade, "
        "and QI Automotive, which makes brakes, was not affected."
    )
    doc = doc_until(text, "scope", companies=companies)
    got = [(text[o.start : o.end], o.company.name if o.company else None) for o in doc.orgs]
    assert got[1] == ("QI", "Quillon Instruments")  # "QI stock"
    assert ("QI", "Quillon Instruments") not in got[2:]  # not "QI Automotive"
    # an article that does not name the company has no such mention
    doc = doc_until("The watchdog QI said bribery rose. QI publishes an index.", "scope", companies=companies)
    assert [o for o in doc.orgs if o.company is not None and o.company.name == "Quillon Instruments"] == []


def test_a_press_releases_name_comma_suffix_before_its_code_and_its_about_heading():
    """ "Quillon Systems, Inc. (NASDAQ:QLSY)": the name before the comma is the company's, not "Inc."; the
    boilerplate's heading line "About Quillon Systems" is not part of the name on the line below it."""
    text = (
        "SAN JOSE, Calif., Jan. 25, 2018 /PRNewswire/ -- Quillon Systems, Inc. (NASDAQ:QLSY), a maker of network "
        "gear, today announced results for its third quarter.\n"
        "About Quillon Systems\n"
        "Quillon Systems, Inc. (NASDAQ:QLSY) makes security appliances."
    )
    doc = doc_until(text, "company", title="Quillon Systems Reports Third Quarter Results")
    coded = [(o.name, o.code.ticker) for o in doc.orgs if o.code is not None and not o.in_title]
    assert ("Quillon Systems", "QLSY") in coded
    assert all(name in ("Quillon Systems", "QLSY") for name, _ in coded)
    assert doc.primary is not None and (doc.primary.name, doc.primary.ticker) == ("Quillon Systems", "QLSY")


def test_a_name_never_runs_over_a_line_of_web_text():
    text = "Last updated: 12:05 p.m. ET\nNorthwind Widgets & Co. kicked off the season.\nShares rose 2%.\n"
    doc = doc_until(text, "scope")
    assert [o.name for o in doc.orgs if o.kind == OrgKind.COMPANY][:1] == ["Northwind Widgets"]


def test_a_given_name_shared_with_a_firms_first_word_is_no_short_form_of_it():
    # (a firm named like a person, "Thomas Weisel", gives no mention at the analyst "Thomas Roe said")
    text = (
        "NEW YORK (Reuters) - Northwind Inc ( NWD.N ) said profit rose.\n\n"
        "Sales rose 4 percent. Costs fell. Margins widened. The shares rose.\n\n"
        "Harbor analyst Thomas Roe said Northwind did well.\n\n"
        '"It was clean," said Jo Fay of Thomas Weisel Partners.'
    )
    doc = doc_until(text, "speakers")
    at = text.index("Thomas Roe")
    assert not any(o.start == at for o in doc.orgs)
    assert any(text[o.start : o.end] == "Thomas Weisel" for o in doc.orgs)


def test_a_dateline_before_a_printed_code_is_no_part_of_the_companys_name():
    doc = doc_until("OSLO - Royal Quillon (NYSE: RQN) lowered its forecast for the year on Thursday.", "scope")
    assert {o.company.name for o in doc.orgs if o.code is not None} == {"Royal Quillon"}

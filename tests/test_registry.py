"""The registry's history: calendars, tickers and names on dates either side of a change, checked versus
unchecked calendars, names that are also exchanges or everyday words, and a byte-stable build."""

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from earnings_events.registry import load

REPO = Path(__file__).resolve().parents[1]


def company(name: str):
    c = load().lookup(name)
    assert c is not None, name
    return c


@pytest.mark.parametrize(
    ("name", "day", "month"),
    [
        ("Morgan Stanley", dt.date(2008, 6, 18), 11),  # fiscal years ended Nov 30 until 2008
        ("Morgan Stanley", dt.date(2010, 4, 21), 12),
        ("Goldman Sachs", dt.date(2008, 9, 16), 11),
        ("Goldman Sachs", dt.date(2010, 1, 21), 12),
        ("Rockwell Automation", dt.date(2012, 7, 25), 9),
        ("Olympus", dt.date(2011, 11, 8), 3),
        ("Panasonic", dt.date(2012, 10, 31), 3),
        ("Burberry", dt.date(2013, 5, 22), 3),
        ("Best Buy", dt.date(2011, 12, 13), 2),  # late-February years until fiscal 2012
        ("Best Buy", dt.date(2014, 5, 22), 1),
        ("Viacom", dt.date(2009, 7, 28), 12),  # calendar years through 2009 (the wire's Q2 of July 2009)
        ("Viacom", dt.date(2011, 8, 5), 9),  # September years from fiscal 2011
        ("Pier 1", dt.date(2006, 12, 14), 2),  # retailers and others the 2006-2013 wire reports on
        ("Sara Lee", dt.date(2007, 2, 7), 6),
        ("Tech Data", dt.date(2007, 8, 22), 1),
        ("Ryanair", dt.date(2009, 2, 2), 3),
    ],
)
def test_calendar_on(name, day, month):
    assert company(name).calendar_on(day).end_month == month


def test_calendar_history_decides_the_quarter():
    ms = company("Morgan Stanley")
    # Sep-Nov 2007 was the last quarter of Morgan Stanley's fiscal year; under its later December calendar Nov is Q4
    # too, but Aug is Q3 (Jun-Aug was Q3 of the November year, Q3 of the December year too) and Dec 2007 is Q1 of 2008
    assert ms.calendar_on(dt.date(2007, 12, 19)).quarter_of_month(2007, 12) == (2008, 1)
    assert ms.calendar_on(dt.date(2010, 1, 20)).quarter_of_month(2009, 12) == (2009, 4)
    # a quarter ending in November is Pier 1's fiscal third (its years end late February, named by the end
    # year); a year ending in January is Borders' fiscal year before, Tech Data's the same
    assert company("Pier 1").calendar_on(dt.date(2006, 12, 14)).quarter_of_month(2006, 11) == (2007, 3)
    assert company("Borders").calendar_on(dt.date(2008, 3, 20)).quarter_of_month(2008, 1) == (2007, 4)
    assert company("Tech Data").calendar_on(dt.date(2008, 3, 4)).quarter_of_month(2008, 1) == (2008, 4)


@pytest.mark.parametrize(
    ("name", "day", "ticker"),
    [
        ("Google", dt.date(2010, 10, 14), "GOOG"),
        ("Google", dt.date(2015, 7, 16), "GOOGL"),
        # Frankfurt: the Xetra symbol, not the wire's Reuters code (DAIGn.DE), which only names the company
        ("Daimler", dt.date(2012, 7, 26), "DAI.DE"),
        ("DaimlerChrysler", dt.date(2007, 2, 16), "DCX.DE"),
        ("Deutsche Telekom", dt.date(2008, 2, 28), "DTE.DE"),
        ("Munich Re", dt.date(2008, 1, 30), "MUV2.DE"),
        ("Volkswagen", dt.date(2008, 10, 29), "VOW.DE"),
        ("Volkswagen", dt.date(2011, 4, 28), "VOW3.DE"),
        ("Daimler", dt.date(2023, 4, 27), "MBG.DE"),
        ("UBS", dt.date(2009, 8, 4), "UBSN.VX"),
        ("Intermediate Capital Group", dt.date(2008, 5, 28), "ICP.L"),  # London's ICP then, ICG today
        ("Intermediate Capital Group", dt.date(2024, 5, 21), "ICG.L"),
        ("EADS", dt.date(2012, 11, 14), "EAD.PA"),
        ("EADS", dt.date(2016, 2, 24), "AIR.PA"),
        ("Research In Motion", dt.date(2011, 6, 16), "RIM.TO"),  # Toronto, its home listing (Nasdaq RIMM a code)
        ("BlackBerry", dt.date(2013, 9, 27), "BB.TO"),
        ("Lehman Brothers", dt.date(2008, 6, 16), "LEH"),
        ("Merrill Lynch", dt.date(2009, 6, 1), None),  # bought by Bank of America: never the parent's ticker
        ("Facebook", dt.date(2010, 6, 18), None),  # private until its IPO of May 18 2012
        ("Facebook", dt.date(2012, 7, 26), "FB"),
        ("IAC/InterActiveCorp", dt.date(2007, 10, 31), "IACI"),  # Nasdaq IACI until the Match Group separation
        ("Berkshire Hathaway", dt.date(2009, 2, 28), "BRK.A"),  # Class A, the code the wire prints (BRKa.N)
        ("Ingram Micro", dt.date(2008, 10, 23), "IM"),  # NYSE IM until taken private in December 2016
        ("Ingram Micro", dt.date(2020, 5, 1), None),
        ("United Air", dt.date(2007, 10, 23), "UAUA"),  # a headline's short form of the airline's name
        ("US Air", dt.date(2006, 11, 15), "LCC"),
        ("Perry Ellis", dt.date(2006, 11, 21), "PERY"),  # Nasdaq until taken private in October 2018
        # a unit the index lists today had no ticker of its own before its spin-off (never its parent's)
        ("PayPal", dt.date(2011, 2, 10), None),  # eBay's unit until July 2015
        ("PayPal", dt.date(2016, 4, 27), "PYPL"),
        ("Victoria's Secret", dt.date(2006, 12, 4), None),  # a Limited Brands unit until August 2021
        ("Victoria's Secret", dt.date(2022, 3, 2), "VSCO"),
    ],
)
def test_ticker_on(name, day, ticker):
    assert load().ticker_on(company(name), day) == ticker


@pytest.mark.parametrize(
    ("code", "name"),
    [("DAIGN.DE", "Mercedes-Benz"), ("MUVGN.DE", "Munich Re"), ("VOWG_P.DE", "Volkswagen"), ("RIMM", "BlackBerry")],
)
def test_wire_codes_name_their_company(code, name):
    # a Reuters Frankfurt code is no ticker, but printed it still says whose the story is
    assert load().by_ticker[code].name == name


@pytest.mark.parametrize(
    ("alias", "day", "name"),
    [
        ("Daimler", dt.date(2012, 7, 26), "Daimler"),
        ("Daimler", dt.date(2023, 4, 27), "Mercedes-Benz"),
        ("DaimlerChrysler", dt.date(2007, 2, 16), "DaimlerChrysler"),
        ("EADS", dt.date(2013, 6, 1), "EADS"),
        ("EADS", dt.date(2014, 6, 1), "Airbus Group"),
        ("Airbus", dt.date(2020, 6, 1), "Airbus"),
        ("Research In Motion", dt.date(2012, 3, 29), "Research In Motion"),
        ("BlackBerry", dt.date(2013, 9, 27), "BlackBerry"),
        ("Kraft Foods", dt.date(2011, 8, 4), "Kraft Foods"),
        ("Mondelez", dt.date(2013, 2, 1), "Mondelez International"),
        ("Google", dt.date(2012, 1, 19), "Google"),
        ("Google", dt.date(2016, 1, 1), "Alphabet"),
    ],
)
def test_name_on(alias, day, name):
    c = company(alias)
    assert c.name_on(day) == name
    assert load().name_on(c, day) == name


def test_no_date_gives_the_current_values():
    c = company("Daimler")
    assert (c.name_on(None), c.ticker_on(None), c.calendar_on(None)) == (c.name, c.ticker, c.calendar)


def test_checked_and_unchecked_calendars():
    assert company("Rockwell Automation").calendar_checked
    assert company("Merrill Lynch").calendar_checked
    assert not company("Yokohama Financial Group").calendar_checked  # a hand row marked unchecked
    index_only = [c for c in load().by_alias.values() if not c.calendar_checked]
    assert index_only and all(c.calendar.end_month == 12 for c in index_only if not c.calendars)


@pytest.mark.parametrize(
    ("name", "month", "naming", "dec_2023"),
    [
        # Japanese March years of both namings: Komatsu's year to March 2024 is FY2023, Tokyo Electron's FY2024
        ("Komatsu", 3, "start", (2023, 3)),
        ("Tokyo Electron", 3, "end", (2024, 3)),
        ("Bandai Namco", 3, "end", (2024, 3)),
        ("Sainsbury's", 3, "end", (2024, 3)),  # UK: 52 weeks to early March, '2023/24'
        ("Experian", 3, "end", (2024, 3)),
        ("Victoria's Secret", 1, "start", (2023, 4)),  # US retailer: the year to early Feb 2024 is fiscal 2023
        ("Buckle", 1, "start", (2023, 4)),
        ("Signet Jewelers", 1, "end", (2024, 4)),  # ... while Signet calls it Fiscal 2024
        ("Perry Ellis", 1, "end", (2024, 4)),  # ... and so does Perry Ellis (fiscal 2007 ended Feb 3, 2007)
        ("Copart", 7, "end", (2024, 2)),
        ("BASF", 12, "end", (2023, 4)),  # a checked December
    ],
)
def test_checked_calendars_of_index_companies(name, month, naming, dec_2023):
    c = company(name)
    assert c.calendar_checked
    assert (c.calendar.end_month, c.calendar.naming) == (month, naming)
    assert c.calendar.quarter_of_month(2023, 12) == dec_2023  # the fiscal quarter holding December 2023


@pytest.mark.parametrize(
    ("name", "day", "month"),
    [
        ("Deckers Brands", dt.date(2012, 10, 25), 12),  # calendar years until a Jan-Mar 2014 transition period
        ("Deckers Brands", dt.date(2015, 5, 28), 3),
        ("Global Payments", dt.date(2013, 7, 25), 5),  # years to May 31 until 2016
        ("Global Payments", dt.date(2018, 2, 15), 12),
        ("Japan Tobacco", dt.date(2013, 4, 25), 3),  # an unchecked history: March years until 2014
        ("Japan Tobacco", dt.date(2020, 2, 6), 12),
    ],
)
def test_checked_calendar_history(name, day, month):
    assert company(name).calendar_on(day).end_month == month


def test_unchecked_rows_and_defaults():
    casio = company("Casio")  # year end known, naming not: a better default, still unchecked
    assert (casio.calendar.end_month, casio.calendar_checked) == (3, False)
    kuraray = company("Kuraray")  # no row: the index default
    assert (kuraray.calendar.end_month, kuraray.calendar_checked) == (12, False)
    assert not company("Japan Tobacco").calendar_checked


def test_checked_calendars_table_joins_by_ticker_and_name():
    pytest.importorskip("pytickersymbols")  # make_registry imports it
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import make_registry
    finally:
        sys.path.pop(0)
    rows = make_registry.load_checked()
    assert len({r["ticker"] for r in rows}) == len(rows) and all(r["checked"] in ("yes", "no") for r in rows)

    def entry():
        default = dict(make_registry.DEFAULT_CALENDAR)
        return {"name": "Casio", "ticker": "6952.T", "source": "pytickersymbols", "calendars": [default]}

    row = {"name": "Casio", "ticker": "6952.T", "fy_end_month": "3", "fy_naming": "start", "calendars": ""}
    row |= {"checked": "yes", "source": "annual report: fiscal year ends 31 March", "note": ""}
    e = entry()
    make_registry.apply_checked([e], [row])
    assert (e["fy_end_month"], e["fy_naming"], e["calendar_checked"]) == (3, "start", True)
    assert e["calendars"] == [{"until": None, "fy_end_month": 3, "fy_naming": "start", "source": row["source"]}]
    e = entry()
    make_registry.apply_checked([e], [row | {"checked": "no"}])
    assert not e["calendar_checked"] and e["calendars"][0]["source"].endswith("(unchecked)")
    with pytest.raises(ValueError, match="not 'Casio Computer'"):
        make_registry.apply_checked([entry()], [row | {"name": "Casio Computer"}])
    with pytest.raises(ValueError, match="not an index-only"):
        make_registry.apply_checked([entry() | {"source": "hand+pytickersymbols"}], [row])


@pytest.mark.parametrize(
    "text",
    [
        "The stock firmed 3 percent on the Nasdaq by midday.",
        "Forecasts logged at Thomson Reuters I/B/E/S pointed to 41 cents for the quarter.",
        "The Dow slipped early, though late buying left the Dow Jones industrial average flat.",
        "Moody's cut the bank's rating on Tuesday.",
        "They shopped at the Gap and the Target of the campaign was the next sprint.",
        "NYSE Euronext's floor was busy.",
        "Guess what the Coles family bought at the Borders of Wales.",
    ],
)
def test_exchanges_indexes_and_everyday_words_are_not_companies(text):
    assert load().find(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Nasdaq ( NDAQ.O ) said", "Nasdaq"),
        ("NYSE Euronext ( NYX.N ) reported", "NYSE Euronext"),
        ("Target Corp ( TGT.N ) said", "Target"),
        ("Sprint Nextel Corp ( S.N ) booked", "Sprint"),
        ("Apple said on Tuesday", "Apple"),
        ("Guess Inc ( GES.N ) said", "Guess"),
        ("Network Appliance Inc ( NTAP.O ) reported", "NetApp"),
    ],
)
def test_ambiguous_names_next_to_a_suffix_or_code(text, name):
    assert [c.name for _, _, c in load().find(text)][:1] == [name]


def test_registry_build_is_byte_stable():
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "make_registry.py"), "--check"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr

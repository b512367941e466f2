"""The mentions and company stages: organisations with their kinds, the article's company, its ticker."""

import datetime as dt
import json

import pytest

from conftest import doc_until
from earnings_events.pipeline import company
from earnings_events.pipeline.mentions import canonical, kind_of, trim_lead
from earnings_events.registry import _DATA as REGISTRY_FILE
from earnings_events.registry import load

KNOWN = {e["name"]: e for e in json.loads(REGISTRY_FILE.read_text()) if e["name"] in ("Apple", "Toyota")}


def primary_of(text: str, title: str = "", published: dt.date = dt.date(2024, 1, 25), companies=None):
    return doc_until(text, "company", title=title, published=published, companies=companies).primary


@pytest.mark.parametrize(
    ("text", "title", "name", "ticker"),
    [
        ("Harbor Freightways Inc. (NASDAQ: HBFW) reported higher profit.", None, "Harbor Freightways", "HBFW"),
        ("Larkfield Foods Inc (LKF.N) said profit rose.", None, "Larkfield Foods", "LKF"),
        ("Dean Widgets Co said profit rose.", "DEAN WIDGETS <DWG> PROFIT RISES", "Dean Widgets", "DWG"),
        ("Hongkong Widgets Ltd <HKWG.HK> said profit rose.", None, "Hongkong Widgets", "HKWG.HK"),
        ("Apple reported record iPhone sales on Thursday.", None, "Apple", "AAPL"),
        ("Toyota Motor Corp raised its forecast.", None, "Toyota", "7203.T"),
        ("Brightwater Robotics Ltd, a private company, said sales doubled.", None, "Brightwater Robotics", None),
    ],
)
def test_company_and_ticker(text, title, name, ticker):
    primary = primary_of(text, title=title or "", companies=KNOWN)
    assert (primary.name, primary.ticker) == (name, ticker)


def test_canonical_names():
    assert canonical("The Coca-Cola Co.") == "Coca-Cola"
    assert canonical("Dean Foods Co") == "Dean Foods"
    assert canonical("Acme Holdings Inc.") == "Acme"


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
    doc = doc_until(text, "scope", published=dt.date(1987, 3, 20))
    assert "Romilly Ashdown" not in [o.name for o in doc.orgs]
    doc = doc_until("Grupo Ferrovial S.A. said profit rose.", "scope", published=dt.date(1987, 3, 20))
    assert "Grupo Ferrovial" in [o.name for o in doc.orgs]


def test_a_headline_code_names_the_company_as_the_text_spells_it():
    text = "Lone Star Trust Bancorp of Texas, which lost 90 mln dlrs in 1986, said losses would continue."
    primary = primary_of(text, title="AUDITORS QUALIFY LONE STAR TRUST <LST> OPINION", published=dt.date(1987, 3, 31))
    assert (primary.name, primary.ticker) == ("Lone Star Trust", "LST")


def rows_of(text: str, title: str = "", companies=None, published: dt.date = dt.date(2011, 1, 26)):
    doc = doc_until(text, "company", title=title, published=published, companies=companies)
    return [
        (a.person.name, c.name if c else None, c.ticker if c else None, a.role)
        for a, c in zip(doc.attributions, doc.companies, strict=True)
    ]


def test_a_printed_code_wins_over_the_registry_ticker():
    text = "ZURICH (Reuters) - Northwind AG ( NWDN.VX ) ended its fourth quarter in the red."
    primary = primary_of(text, companies={"Northwind": {"ticker": "NWDG.SW"}})
    assert (primary.name, primary.ticker) == ("Northwind", "NWDN.VX")


@pytest.mark.parametrize(("code", "ticker"), [("", "DTE.DE"), (" ( DTEGn.DE )", "DTEGN.DE")])
def test_a_frankfurt_listing_is_its_xetra_symbol_unless_a_code_is_printed(code, ticker):
    """The registry fills in the Xetra symbol (DTE.DE), not the wire's Reuters code; a printed Reuters code
    names the company and is kept whole, as the guide keeps (7203.T)."""
    text = f"FRANKFURT (Reuters) - Deutsche Telekom{code} reported a fifth less profit for its quarter."
    entry = {e["name"]: e for e in json.loads(REGISTRY_FILE.read_text()) if e["name"] == "Deutsche Telekom"}
    primary = primary_of(text, title="Deutsche Telekom profit falls", published=dt.date(2008, 2, 28), companies=entry)
    assert (primary.name, primary.ticker) == ("Deutsche Telekom", ticker)


def test_agencies_exchanges_analyst_firms_and_datelines_are_never_the_company():
    text = (
        "CHARLOTTE (Reuters) - Harbor Bank Corp ( HBC.N ) swung into the red for its second quarter on Tuesday, "
        "short of the forecasts analysts had given Thomson Reuters I/B/E/S. Harbor stock lost ground on the Nasdaq. "
        '"Credit costs will stay high," said Omar Haddad, an analyst at Ridgeline Securities. '
        "(Reporting by Sam McCorp Inc; Editing by Kim Lo)"
    )
    assert primary_of(text).name == "Harbor Bank"
    assert rows_of(text) == [("Omar Haddad", "Harbor Bank", "HBC", "analyst")]


def test_each_quote_of_a_round_up_goes_to_its_company():
    text = (
        "BOSTON (Reuters) - Nobody is popping corks yet. \n\n Factory groups turned in numbers that ran ahead of "
        'forecasts. "Bookings are firm, though nowhere near their 2008 peak," Northwind Tools Corp ( NWT.N ) Chief '
        "Financial Officer Greg Hays told investors. Northwind, Quillon Inc ( QLN.N ) and Lakeside Motors Corp "
        "( LKM.N ) each reported fourth-quarter figures on Wednesday that ran ahead of what the Street had "
        "pencilled in. "
        "Quillon, the top builder of jetliners, forecast that its profit would triple. Quillon Chief Executive Scott "
        'Donner said bookings were starting to pick up. "Our plants still waste far too much," Donner told investors.'
    )
    assert rows_of(text, title="Factory groups recover, but stay cautious") == [
        ("Greg Hays", "Northwind Tools", "NWT", "executive"),
        ("Scott Donner", "Quillon", "QLN", "executive"),
    ]


@pytest.mark.parametrize(
    "introduced",
    [
        # the company opens the sentence that introduces its chief
        "Harbor Pumps, which makes valves and filters, cut its forecast, with Chief Executive Sam Poe citing weak "
        "orders. The Denver-based company now sees a smaller profit. In March it had been more hopeful.",
        # or the sentences after it go on about it ("It", "That") up to the one that names him
        "Harbor Pumps will book a charge of $40 million. It also trimmed its target for the year. That is well "
        "short of March's target. Chief Executive Sam Poe wrote to staff that, though orders held,",
    ],
)
def test_a_round_ups_executive_belongs_to_the_company_that_introduces_him(introduced):
    """A round-up of two leads and a smaller company its body reports: the smaller one's chief, whose title names
    no company, is quoted after sentences about his company that name it only at their start. His quote is his
    company's, not the lead's the story last named before him."""
    text = (
        "CHICAGO (Reuters) - Northwind Tools Corp ( NWT.N ) and Quillon Lifts Inc ( QLL.N ) posted lower "
        "first-quarter profits on Tuesday. Northwind said demand for its tools kept falling. Quillon said lift "
        "orders slowed. Both cut their forecasts. Analysts had expected as much.\n\n"
        "SMALLER MAKERS\n\nHarbor Pumps Inc ( HBP.N ) also reported on Tuesday. "
        f"{introduced} "
        '"We think this quarter was the low point," Poe said.'
    )
    got = rows_of(text, title="Northwind, Quillon profits fall")
    assert [(n, c, t) for n, c, t, _ in got][-1] == ("Sam Poe", "Harbor Pumps", "HBP")


def test_a_headlines_amex_is_american_express_not_the_exchange():
    """ "Amex" in a headline that says what it will earn is the card company; "NYSE Amex" stays the exchange."""
    entry = {e["name"]: e for e in json.loads(REGISTRY_FILE.read_text()) if e["name"] == "American Express"}
    text = "NEW YORK (Reuters) - The card issuer warned on Thursday its quarterly profit would fall short of forecasts."
    doc = doc_until(text, "company", title="Amex to miss profit views", companies=entry)
    assert [(o.kind.value, o.company and o.company.name) for o in doc.orgs if o.in_title] == [
        ("company", "American Express")
    ]
    doc = doc_until(text, "company", title="NYSE Amex to list options", companies=entry)
    assert all(o.kind.value != "company" for o in doc.orgs if o.in_title)


def test_an_executive_of_another_company_is_other():
    text = (
        "NEW YORK (Reuters) - Harbor Bank Corp ( HBC.N ) stayed profitable through its second quarter, it reported "
        'on Tuesday. "Lenders look in better health by the month," said Jane Roe, chief executive of Quillon Tools '
        "Inc ( QLN.N ), a Harbor customer."
    )
    assert rows_of(text, title="Harbor Bank profit rises") == [("Jane Roe", "Harbor Bank", "HBC", "other")]


def test_instant_view_company_headings_assign_quotes():
    text = (
        "NEW YORK (Reuters) - Northwind Inc ( NWD.O ) beat sales targets. Quillon Inc ( QLN.O ) reported lower "
        "sales and profit. Following is reaction. "
        'NORTHWIND JANE ROE, ANALYST, RIDGELINE SECURITIES "The quarter was cleaner than we feared." '
        'QUILLON SAM POE, HARBOR RESEARCH "Revenue is still declining, and that is the story."'
    )
    got = rows_of(text, title="Instant view: Northwind sales beat Street")
    assert [(n, c) for n, c, _, _ in got] == [("Jane Roe", "Northwind"), ("Sam Poe", "Quillon")]


def test_a_heading_after_a_rule_of_dashes_heads_its_companys_reactions():
    """A round-up's section heading after a rule of dashes ("------- COMMENTARY ON QUILLON: SAM POE, ...") is a
    heading like one at a line start: its speaker's quotes are his, about the company it names."""
    text = (
        "NEW YORK (Reuters) - Northwind Inc ( NWD.O ) beat forecasts. Quillon Inc ( QLN.O ) also reported. "
        'COMMENTARY ON NORTHWIND: JANE ROE, ANALYST, RIDGELINE SECURITIES "The quarter was cleaner than we feared." '
        '------------------------- COMMENTARY ON QUILLON: SAM POE, ANALYST, HARBOR RESEARCH "Revenue is still '
        'declining, and that is the story." "Nobody will pay up for that."'
    )
    got = rows_of(text, title="INSTANT VIEW: Northwind results beat")
    assert [(n, c) for n, c, _, _ in got] == [("Jane Roe", "Northwind"), ("Sam Poe", "Quillon"), ("Sam Poe", "Quillon")]


def test_a_former_name_after_a_spin_off_is_the_short_form_of_the_company_named():
    """The registry's history says "Northwind" was Northwind Systems' name until it spun off Northwind Mobile; a
    later story on Northwind Mobile that calls it "Northwind" means Northwind Mobile, and a story from before
    the spin-off still means Northwind Systems."""
    companies = {
        "Northwind Systems": {"names": [{"until": "2011-01-03", "name": "Northwind"}, {"name": "Northwind Systems"}]},
        "Northwind Mobile": {"aliases": ["Northwind Mobile Holdings"]},
    }
    text = (
        "NEW YORK (Reuters) - Northwind Mobile Holdings Inc shipped fewer handsets in its fourth quarter than hoped. "
        'Northwind shipped 4 million phones. "We saw a slowdown," Chief Executive Jo Fay told analysts.'
    )
    got = rows_of(text, title="Northwind phone sales light", companies=companies, published=dt.date(2011, 1, 26))
    assert [(n, c) for n, c, _, _ in got] == [("Jo Fay", "Northwind Mobile")]
    doc = doc_until(
        text, "company", title="Northwind phone sales light", published=dt.date(2010, 1, 26), companies=companies
    )
    assert [o.company.name for o in doc.orgs if o.name == "Northwind" and o.company] == ["Northwind Systems"] * 2


def test_a_news_subhead_naming_a_rival_does_not_change_the_company():
    text = (
        "NEW YORK (Reuters) - Shares of Quillon Stores Inc ( QLS.N ) dropped by a fifth on Tuesday once the "
        "electronics retailer said its quarterly loss would widen, while rival Northwind Inc ( NWD.N ) gained. "
        '"It is a dire situation for them," said Jane Roe, an analyst at Ridgeline Securities.\n\n'
        "NORTHWIND GAINING GROUND\n\n"
        "Northwind has taken market share for two years, analysts said. "
        '"Customers want advice when they buy a television," Roe said.'
    )
    got = rows_of(text, title="Quillon Stores shares plunge on forecast loss")
    assert [(n, c) for n, c, _, _ in got] == [("Jane Roe", "Quillon Stores"), ("Jane Roe", "Quillon Stores")]


def test_a_trade_word_before_the_name_is_not_part_of_it():
    text = "NEW YORK (Reuters) - Drugmaker Quillon Laboratories Inc. ( QLB.N ) said its profit climbed by a third."
    assert (primary_of(text).name, primary_of(text).ticker) == ("Quillon Laboratories", "QLB")


def test_a_share_class_code_keeps_its_class():
    text = "OMAHA (Reuters) - Warren Buffett's Northwind Hathaway Inc ( NWHa.N ) ( NWHb.N ) said profit fell."
    assert (primary_of(text).name, primary_of(text).ticker) == ("Northwind Hathaway", "NWH.A")


def test_an_analysts_firm_is_not_the_company_of_the_quote():
    """In a round-up, "said Harbor Bank's David Arnold" comments on the sector: his firm, though a company the
    article names with an event of its own, is not his quote's company."""
    text = (
        "FRANKFURT (Reuters) - Northwind Motors AG ( NWMG.DE ) and Quillon Motors SA ( QLNM.PA ) posted higher "
        "second-quarter profits on Thursday. Harbor Bank Corp ( HBK.N ) reported a profit too. Northwind shares "
        'rose. "Every name in the group rallied before these numbers came out," said Harbor Bank\'s David Arnold.'
    )
    got = rows_of(text, title="Carmakers' profits soar", published=dt.date(2010, 7, 29))
    assert [(n, c, r) for n, c, _, r in got] == [("David Arnold", "Northwind Motors", "analyst")]


def test_a_company_called_by_its_printed_symbol():
    """ "IntercontinentalExchange Inc ( ICE.N )" then "ICE said", "ICE's chief executive": the symbol is the company
    (alone "ICE" would read as an exchange), so the quote is the reporting company's, not the takeover target's."""
    text = (
        "(Reuters) - IntercontinentalExchange Inc ( ICE.N ) earned more in its third quarter, it said on Tuesday, "
        "and its purchase of Harbor Clearing Corp HCC.N should be done in a week or so. ICE said regulators had "
        'asked for a little longer. "We are nearly there now," Sam Poe, ICE\'s chief executive, said.'
    )
    got = rows_of(text, title="ICE profit up, Harbor Clearing purchase near", published=dt.date(2013, 11, 5))
    assert [(n, c, t, r) for n, c, t, r in got] == [("Sam Poe", "IntercontinentalExchange", "ICE", "executive")]


def test_a_one_word_subhead_echoed_by_its_sentence_heads_its_companys_quotes():
    """A wire story that lost its line breaks: "WACHOVIA Wachovia, also based in ..." is a subhead, and the
    executive quoted under it, named by title alone, is that company's."""
    text = (
        "NEW YORK (Reuters) - Harbor Bank Corp ( HBC.N ) and Quillon Bank Corp ( QBC.N ) told investors on Tuesday "
        "that almost nothing was left of their quarterly earnings. Both lenders earned less in the fourth quarter. "
        "HARBOR BANK Harbor Bank said it made $212 million in the quarter. QUILLON Quillon, also based in Charlotte, "
        'said it made $37 million in the quarter. "Nobody here is proud of these numbers," Chief Executive Ken '
        "Thorne said on a conference call."
    )
    assert rows_of(text, title="Harbor Bank, Quillon Bank earnings all but vanish") == [
        ("Ken Thorne", "Quillon Bank", "QBC", "executive")
    ]


def test_an_executive_by_title_alone_belongs_to_the_lead_company_last_named():
    """ "Chief Executive Richard Dane" four sentences after the story turns to the second bank (named after a
    subhead, "Minneapolis-based ..."): that bank's executive, not the first bank's, nor a company named in passing."""
    text = (
        "NEW YORK (Reuters) - Harbor Bank Corp ( HBC.N ) forecast smaller loan losses, while Quillon Bancorp's "
        "( QBN.N ) shares slid as it warned that bad debts had further to climb. Harbor Bank said it expects a "
        "fourth-quarter loss. CONSUMERS CUT BACK Minneapolis-based Quillon Bancorp, meanwhile, said quarterly profit "
        "dropped 58 percent. Its net income was $295 million for the fourth quarter. Analysts expected more. "
        "The bank put more aside to cover bad loans, as firms like Lakeside Phones Inc ( LKP.N ) posted losses. "
        "Net charge-offs tripled, and Chief Executive Richard Dane said they might keep rising. "
        '"Until home prices settle, nothing else gets better," Dane said.'
    )
    got = rows_of(text, title="Harbor Bank soothes on credit losses, Quillon Bancorp does not")
    assert [(n, c, t) for n, c, t, _ in got] == [("Richard Dane", "Quillon", "QBN")]


def test_a_name_never_starts_inside_a_word():
    text = (
        "NEW YORK (Reuters) - Smaller lenders are feeling it too. Regions Widget Corp, a lender across the South, "
        "earned 74 percent less, and the drop was 39 percent at Fifth Harbor Bancorp and RidgeCorp. National Widget "
        "Corp, a second Ohio lender, lost money."
    )
    names = [o.name for o in doc_until(text, "scope").orgs]
    assert "National Widget" in names and not any(n.startswith("Corp") for n in names)


def test_two_companies_names_run_together_are_their_joint_venture():
    """ "Sony Ericsson": neither parent, an unlisted company of its own; its "company president" is its executive."""
    text = (
        "STOCKHOLM (Reuters) - Mobile phone maker Harbor Quillon stayed in the black for a second quarter running on "
        "Friday. Harbor Quillon, owned jointly by Quillon and Harbor Corp, cut costs. Rival Lakeside Phones Inc "
        '( LKP.N ) has reported weak shipments. "We believe conditions will stay challenging," company president '
        "Bert Nord said."
    )
    companies = {"Harbor": {"ticker": "6758.T"}, "Quillon": {"ticker": "QUILB.ST"}}
    got = rows_of(text, title="Smartphones boost Harbor Quillon Q2", companies=companies)
    assert got == [("Bert Nord", "Harbor Quillon", None, "executive")]


@pytest.mark.parametrize(
    ("text", "companies", "ticker"),
    [
        # Reuters' ".UL" marks an unlisted company: no ticker, and the registry's (of another era) is not filled in
        (
            "DETROIT (Reuters) - Harbor Motors ( HBM.UL ) lost $3.8 billion over three months.",
            {"Harbor Motors": {"ticker": "HBM"}},
            None,
        ),
        # of a US and a home listing printed, the home listing's
        (
            "ZURICH (Reuters) - Harbor Bank AG ( HBK.N ) posted a profit. Shares of Harbor Bank ( HBKN.VX ) rose.",
            None,
            "HBKN.VX",
        ),
        # a short form in brackets between the name and its code
        (
            "SYDNEY (Reuters) - Australia and New Harbor Banking Group (ANH) ( ANH.AX ) warned profits would fall.",
            None,
            "ANH.AX",
        ),
        # an unfamiliar exchange suffix is a code all the same (Philippines)
        ("MANILA (Reuters) - Harbor Miguel Corp HBMB.PS said first-quarter net profit doubled.", None, "HBMB.PS"),
        # an Osaka listing is printed whole, not replaced by the registry's Tokyo code
        (
            "OSAKA (Reuters) - Game maker Kitagawa Toys ( 7971.OS ) cut its profit forecast.",
            {"Kitagawa Toys": {"ticker": "7971.T"}},
            "7971.OS",
        ),
    ],
)
def test_printed_codes_unlisted_home_listing_and_short_forms(text, companies, ticker):
    assert primary_of(text, title="Profit news", companies=companies).ticker == ticker


def test_a_registry_name_with_its_suffix_is_found_as_that_company():
    primary = primary_of(
        "NEW YORK (Reuters) - Quarterly profit rose at News Corp, the media group said on Thursday.",
        companies={"News Corp": {"ticker": "NWSA"}},
    )
    assert (primary.name, primary.ticker) == ("News Corp", "NWSA")


@pytest.mark.parametrize(
    "described",
    [
        "portfolio manager at Argent Widget Management, which oversees assets of about $3 billion",
        "who helps manage $7 billion at Fiduciary Widget Co of Boston",
        "a partner at Gardner, Widget & Gardner, a firm that manages over $5 billion",
        "head of investment strategy for Marusan Widgets",
        # what the fund holds is not whose officer he is
        "CEO of RNC Widgets, a $3.4 billion fund that counts Harbor Bank shares among its holdings",
        "a principal at Gardner, Widget & Gardner in Lancaster, which owns a piece of the bank",
    ],
)
def test_a_person_described_as_an_investor_is_an_analyst(described):
    text = (
        "NEW YORK (Reuters) - Harbor Bank Corp ( HBC.N ) stayed profitable through its second quarter, it reported "
        "on Tuesday. "
        f'"This bank has years of repair work left," said Michael Holm, {described}.'
    )
    assert rows_of(text, title="Harbor Bank profit rises") == [("Michael Holm", "Harbor Bank", "HBC", "analyst")]


@pytest.mark.parametrize(
    "described",
    [
        "of Quillon Bros in Denver",
        "a senior retail specialist with Quillon Group",
        "president, Roe & Associates Inc.",
        "CEO of Investwell",
        "managing director with Quillon Advisory Group",
        "who tracks the bank for Quillon Bros in Denver",
    ],
)
def test_a_person_placed_only_at_an_outside_firm_is_an_analyst(described):
    """No title of the company's, only an outside firm after the name: the wire's way of naming who comments on
    the results (an investment firm's officer is an investor)."""
    text = (
        "NEW YORK (Reuters) - Harbor Bank Corp ( HBC.N ) stayed profitable through its second quarter, it reported "
        "on Tuesday. "
        f'"Nobody is borrowing, and the full year will show it," said Nora Vale, {described}.'
    )
    assert rows_of(text, title="Harbor Bank profit rises") == [("Nora Vale", "Harbor Bank", "HBC", "analyst")]


@pytest.mark.parametrize(
    "described", ["an attorney at Roe & Poe LLP", "a lecturer at Quillon University", "an editor at Quillon Review"]
)
def test_a_person_placed_at_an_outside_firm_with_a_title_of_its_own_is_other(described):
    text = (
        "NEW YORK (Reuters) - Harbor Bank Corp ( HBC.N ) stayed profitable through its second quarter, it reported "
        "on Tuesday. "
        f'"Loan demand is flat," said Nora Vale, {described}.'
    )
    assert rows_of(text, title="Harbor Bank profit rises") == [("Nora Vale", "Harbor Bank", "HBC", "other")]


@pytest.mark.parametrize(
    ("described", "role"),
    [
        ("a partner at Booz & Co.", "other"),
        ("a principal with Quillon Consulting Group", "other"),
        ("a director at Roland Berger Strategy Consultants", "other"),
        ("an analyst at Quillon Consulting", "analyst"),  # the title says analyst
    ],
)
def test_a_consultant_is_other_unless_titled_analyst(described, role):
    """The guide's ``other`` takes consultants: a management consultancy's partner commenting on the results is
    neither the company's officer nor an investor."""
    text = (
        "NEW YORK (Reuters) - Harbor Bank Corp ( HBC.N ) stayed profitable through its second quarter, it reported "
        "on Tuesday. "
        f'"The bench behind the chief is deep," said Nora Vale, {described}.'
    )
    assert rows_of(text, title="Harbor Bank profit rises") == [("Nora Vale", "Harbor Bank", "HBC", role)]


@pytest.mark.parametrize(
    ("described", "role"),
    [
        ("managing partner of Leeds-based supply chain consultancy Vale Partners", "other"),
        ("chief information officer at Quillon Mutual, an insurer based in Ohio", "other"),
        ("president of Quillon Home, a housewares maker that sells through Harbor Bank", "other"),
        ("chief executive of the Northside Traders' Alliance, a business group", "other"),
        ("a regional officer for the Unite union", "other"),
        ("who owns a road building company that banks with Harbor", "other"),
        # (the company's own unit, though described the same way: its officer)
        ("president of Quillon Cards, a unit of Harbor Bank", "executive"),
    ],
)
def test_an_officer_of_a_body_the_article_describes_is_other(described, role):
    """A person the description places at another organisation, which the article then says what it is (a maker,
    an insurer, a business group, a union, a company the speaker owns), is no officer of the company: ``other``;
    so is a consultancy's partner, the trade given in lower case. A unit of the company stays its."""
    text = (
        "NEW YORK (Reuters) - Harbor Bank Corp ( HBC.N ) lifted its quarterly profit by a fifth on Tuesday. "
        f'"Loan demand is flat," said Nora Vale, {described}.'
    )
    assert rows_of(text, title="Harbor Bank profit rises") == [("Nora Vale", "Harbor Bank", "HBC", role)]


def test_a_round_ups_one_word_section_line_names_the_company_below_it():
    """A web round-up's section line with a company's name alone ("Quillon") heads that company's quotes, the
    officer's title naming no company."""
    text = (
        "Big U.S. lenders posted second-quarter results on Friday that mostly beat forecasts.\n"
        "Harbor Bank\n"
        "Harbor Bank Corp ( HBC.N ) said profit rose 20% to $4 billion.\n"
        '"Lending held up better than we feared in every region," Chief Executive Sam Poe said.\n'
        "Quillon\n"
        "Quillon Financial ( QFC.N ) said its profit fell 30% as fees slumped.\n"
        '"Dealmaking was weak again and I will not pretend otherwise," Chief Financial Officer Jo Fay said.'
    )
    assert [(who, name) for who, name, _, _ in rows_of(text, title="Harbor Bank, Quillon report results")] == [
        ("Sam Poe", "Harbor Bank"),
        ("Jo Fay", "Quillon Financial"),
    ]


@pytest.mark.parametrize(
    "described",
    ["of Harbor Bank's consumer division", "treasurer for Northland operations", "head of Europe operations"],
)
def test_a_person_placed_at_the_company_itself_stays_an_executive(described):
    text = (
        "NEW YORK (Reuters) - Harbor Bank Corp ( HBC.N ) stayed profitable through its second quarter, it reported "
        "on Tuesday. "
        f'"Loan demand is flat," said Nora Vale, {described}.'
    )
    assert rows_of(text, title="Harbor Bank profit rises") == [("Nora Vale", "Harbor Bank", "HBC", "executive")]


def test_an_executive_speaking_to_investors_stays_an_executive():
    text = (
        "NEW YORK (Reuters) - Harbor Bank Corp ( HBC.N ) stayed profitable through its second quarter, it reported "
        'on Tuesday. "The quarter went to plan," said Dave Anders, chief financial officer, on a call with investors.'
    )
    assert rows_of(text, title="Harbor Bank profit rises") == [("Dave Anders", "Harbor Bank", "HBC", "executive")]


def test_a_public_office_before_a_name_is_a_title():
    text = (
        "NEW YORK (Reuters) - Harbor Bank Corp ( HBC.N ) had its most profitable second quarter ever, it reported "
        'on Tuesday. "Lenders are finally on the mend," House Majority Leader Dana Whitfield told reporters.'
    )
    assert rows_of(text, title="Harbor Bank profit jumps") == [("Dana Whitfield", "Harbor Bank", "HBC", "other")]


def test_a_news_publishers_name_with_a_corporate_suffix_is_the_company():
    primary = primary_of(
        "(Reuters) - Rising digital subscriptions helped The New York Times Co handily top forecasts.",
        title="Times Co revenue climbs though print advertising slips",
        companies={"New York Times Co": {"ticker": "NYT"}},
    )
    assert (primary.name, primary.ticker) == ("New York Times Co", "NYT")


def test_a_registry_company_is_taken_by_its_code_only_where_the_printed_name_fits():
    """ "Alcan Inc ( AL.N )" in 2007 is Alcan, not the registry's later holder of AL; "Quillon Harbor Ltd/Plc
    ( QHB.AX )", where only the suffix precedes the code, is the registry's QHB."""
    companies = {"Air Lease": {"ticker": "AL"}, "QHB": {"ticker": "QHB.AX", "aliases": ["Quillon Harbor"]}}
    got = primary_of("MONTREAL (Reuters) - Alcan Inc ( AL.N ) posted higher profit.", companies=companies)
    assert (got.name, got.ticker) == ("Alcan", "AL")
    got = primary_of("PERTH (Reuters) - Quillon Harbor Ltd/Plc ( QHB.AX ) said profit fell.", companies=companies)
    assert (got.name, got.ticker) == ("QHB", "QHB.AX")


def test_an_executive_speaks_for_his_own_company_even_of_another_it_names():
    text = (
        "NEW YORK (Reuters) - Harbor Aluminum Inc ( HAL.N ) earned less in its second quarter, it said on Monday, and "
        "extended its offer for Quillon Metals Inc ( QML.N ). Quillon Metals also reported lower quarterly profit. "
        '"This extension will give Quillon Metals\' shareholders time to weigh our offer," Harbor Aluminum Chief '
        "Executive Alan Belt said."
    )
    got = rows_of(text, title="Harbor Aluminum profit slips; extends Quillon Metals offer")
    assert [(n, c, r) for n, c, _, r in got] == [("Alan Belt", "Harbor Aluminum", "executive")]


def test_an_investors_firm_named_in_his_description_is_not_the_quotes_company():
    text = (
        "NEW YORK (Reuters) - Harbor Bank Inc ( HBC.N ) said quarterly losses surged, yet a gain from selling its "
        'Quillon brokerage helped it report a profit. "It\'s a mixed quarter, but we expected Harbor to be better," '
        "said Michael Mull, who helps manage $7 billion at Fiduciary Widget Co of Boston."
    )
    got = rows_of(text, title="Harbor Bank losses masked by Quillon gain")
    assert got == [("Michael Mull", "Harbor Bank", "HBC", "analyst")]


def test_a_surname_in_two_capitals_after_a_firm_ending_in_a_period():
    """ "McFarlane" after "& Co. analyst": the name is whole, and the firm before it makes him an analyst."""
    text = (
        "NEW YORK (Reuters) - Harbor Bank Corp ( HBC.N ) stayed profitable through its second quarter, it reported "
        'on Tuesday. "They did better than we had modeled," Harlan P. Ridgeway & Co. analyst Colin McFarlane said.'
    )
    assert rows_of(text, title="Harbor Bank profit rises") == [("Colin McFarlane", "Harbor Bank", "HBC", "analyst")]


def test_a_one_word_name_printed_with_a_suffix_is_found_alone_and_its_quote_goes_to_it():
    # "Marlowe Inc ( MRLW.N )" makes "Marlowe" a company wherever it stands alone, inside a quote too
    text = (
        "NEW YORK (Reuters) - Shares of clothing chains Tessaly Inc ( TSSL.N ) and Marlowe Inc ( MRLW.N ) fell on "
        "Friday, a day after both forecast lower profit. Marlowe was down 20 percent. The same problems hurt "
        "Brindle Corp ( BRDL.N ). "
        '"Marlowe just pushed any recovery out by a year or more," said analyst Jo Park of Ridgeline '
        "Securities."
    )
    doc = doc_until(text, "company", title="Tessaly, Marlowe shares dive after results")
    assert sum(1 for o in doc.orgs if o.name == "Marlowe") == 3
    assert rows_of(text, title="Tessaly, Marlowe shares dive after results") == [
        ("Jo Park", "Marlowe", "MRLW", "analyst")
    ]


def test_a_speakers_quote_naming_no_company_goes_to_the_one_her_other_quotes_name():
    text = (
        "NEW YORK (Reuters) - Tessaly Inc ( TSSL.N ) and Marlowe Inc ( MRLW.N ) both beat profit forecasts on "
        "Thursday. Brindle Corp ( BRDL.N ) earned more in its quarter too. "
        '"We have been complaining about companies that beat on cost cuts," said Jo Park, a portfolio manager at '
        'Ridgeline Funds. "It is good to see one (Tessaly) that grows its sales."'
    )
    got = rows_of(text, title="Tessaly, Marlowe top forecasts")
    assert [(n, c) for n, c, _, _ in got] == [("Jo Park", "Tessaly"), ("Jo Park", "Tessaly")]


def test_a_joint_venture_named_in_a_quote_is_not_the_headline_company():
    # the headline's "Harbor" names Harbor, not its joint venture Harbor Quillon (and that venture's name is never
    # shortened to its parent's)
    text = (
        "HELSINKI (Reuters) - Harbor Oyj ( HBR.HE ) said third-quarter profit fell by less than analysts had feared. "
        '"The margin target looks fine, yet the network unit (Harbor Quillon) is still a black box," said Jo Park, '
        "analyst at Ridgeline Securities."
    )
    companies = {"Harbor": {"ticker": "HBR.HE"}, "Quillon": {"ticker": "QLN.DE"}}
    assert rows_of(text, title="Instant view: Harbor posts surprise Q3 profit", companies=companies) == [
        ("Jo Park", "Harbor", "HBR.HE", "analyst")
    ]


def test_an_analysts_remark_naming_no_company_in_a_round_up_goes_to_the_articles_company():
    # the paragraph before is about the second company, but the remark names none: it speaks to the round-up's
    # lead company, not to whichever company was named last
    text = (
        "CHICAGO (Reuters) - Households are still careful with money, judging by the quarterly numbers Tessaly Corp "
        "( TSSL.N ) and Marlowe Inc ( MRLW.N ) gave on Wednesday. At Marlowe, shoppers traded down to smaller packs, "
        "its finance chief said. "
        '"Margins are beginning to feel the squeeze," said Jo Park, an analyst at '
        "Ridgeline Securities."
    )
    got = rows_of(text, title="Tessaly, Marlowe profits up despite shopper concerns")
    assert [(n, c) for n, c, _, _ in got] == [("Jo Park", "Tessaly")]


def test_an_executive_is_not_given_a_company_a_trailing_clause_names_in_passing():
    # the attributing sentence names a company the story does not lead with ("referring to systems bought in the
    # Westmark deal"): the executive still speaks for a lead company, the one the story was last about
    text = (
        "NEW YORK (Reuters) - Harbor Cable Inc ( HCB.N ) forecast revenue growth for 2007 on Wednesday, and Quillon "
        "Cable Corp ( QCC.N ) reported higher quarterly profit. Quillon's profit rose 10 percent. Its revenue rose "
        "8 percent. Analysts had expected less. Both companies added subscribers.\n\n"
        "Westmark Communications Corp posted a quarterly loss last year before it sold its systems.\n\n"
        "Harbor Cable shares rose 2 percent. "
        '"Our forecast rests on steady gains in the systems we have owned for years," said Chief '
        "Executive Glenn Birch, referring to systems excluding those bought in the Westmark Communications deal."
    )
    got = rows_of(text, title="Harbor Cable sees revenue growth; Quillon Cable profit rises")
    assert [(n, c, r) for n, c, _, r in got] == [("Glenn Birch", "Harbor Cable", "executive")]


def test_a_speakers_surname_that_is_a_company_name_is_not_that_company():
    # "CEO Ray Harbor" names no Harbor Soup: the executive speaks for the lead company the story was last about
    text = (
        "NEW YORK (Reuters) - Northwind Cycles Inc and Quillon Systems Inc each earned more in the quarter than "
        "analysts had forecast, they said on Thursday.\n\nNorthwind said home-market sales slipped.\n\nQuillon's "
        'outlook for the third quarter came in under estimates. "Fuel costs us far more now than when we last gave '
        'guidance," CEO Ray Harbor told investors on a call.\n\nHarbor Soup Co reports next week.'
    )
    companies = {"Harbor Soup": {"ticker": "HBS", "aliases": ["Harbor", "Harbor Soup Co"]}}
    got = rows_of(text, title="Two industrial names top profit forecasts", companies=companies)
    assert [(n, c) for n, c, _, _ in got] == [("Ray Harbor", "Quillon Systems")]


def test_two_companies_joined_by_and_are_two_names():
    text = (
        "BOSTON (Reuters) - Industrial groups Quillon Co and Harbor International Inc lowered what they expect to "
        'earn in 2009. "Orders simply vanished," said Harbor Chief Executive Sam Poe.'
    )
    orgs = [o.name for o in doc_until(text, "scope", companies={"Harbor": {"aliases": ["Harbor International"]}}).orgs]
    assert "Co and Harbor International" not in orgs and "Harbor" in orgs
    title = "Northwind and NW Bancorp earn more"
    text = "CHARLOTTE (Reuters) - Northwind Trust & Co ( NWT.N ) and NW Bancorp ( NWB.N ) both earned more."
    banks = {"N.W. Bancorp": {"aliases": ["NW Bancorp"], "ticker": "NWB"}, "Northwind Trust": {"ticker": "NWT"}}
    doc = doc_until(text, "company", title=title, published=dt.date(2011, 1, 19), companies=banks)
    assert all(" and " not in o.name for o in doc.orgs)


def test_a_possessive_name_keeps_its_first_word():
    text = "LOS ANGELES (Reuters) - Women's Wardrobe Inc ( WWR.N ) said holiday-quarter earnings would come in light."
    primary = primary_of(text, title="Women's Wardrobe outlook short of forecasts", published=dt.date(2007, 11, 28))
    assert primary.name == "Women's Wardrobe"


def test_a_two_letter_initialism_is_its_companys_short_form():
    # "QX" after "QX Satellite Radio Holdings Inc." is that company, which the story is about, not its rival
    text = (
        "NEW YORK (Reuters) - QX Satellite Radio Holdings Inc. QXSR.O, which agreed to combine with its rival Harbor "
        "Satellite Radio Inc. ( HSR.O ), cut its quarterly loss from a year before. QX said it signed up more "
        "listeners. Harbor shares rose. Harbor had said last week it signed up listeners too. Harbor reports "
        "next week. "
        '"QX\'s numbers had nothing unexpected in them," said Jo Fay, an analyst at Ridgeline.'
    )
    primary = primary_of(text, title="QX Satellite loss narrows", published=dt.date(2007, 4, 26))
    assert primary.name.startswith("QX")


def test_a_subject_named_after_its_trade_is_the_company_and_never_a_speaker():
    # "Irish airline Skylark Monday posted ...": Skylark (unknown to the registry, no code printed) is the company,
    # not Burgerland, which a quotation names in passing; '"...," Skylark said' is the company's, not a person's
    text = (
        "DUBLIN (Reuters) - Irish airline Skylark Monday posted a loss in its third quarter yet lifted its "
        'forecast for the year. "With fuel this cheap, Skylark will make solid money again next year," '
        'Skylark said. "Like Burgerland, Skylark flies for less than anyone," Chief Executive Declan Roe said.'
    )
    companies = {"Burgerland": {"ticker": "BGL"}}
    got = rows_of(text, title="Skylark in red for Q3, lifts year view", companies=companies)
    assert got == [("Declan Roe", "Skylark", None, "executive")]


def test_a_company_named_to_say_who_another_is_is_not_the_headlines_subject():
    # "Airframe battery maker": the story is the battery maker's, whose code the first sentence prints
    text = (
        "TOKYO (Reuters) - Denkai Corp ( 6699.T ), maker of the batteries that safety probes into Airframe Co's "
        "( AFC.N ) jet are looking at, said the matter should leave its earnings untouched. Denkai cut its "
        'profit forecast. "The probe is not something we can talk about," Denkai President Kenji Mori told reporters.'
    )
    got = rows_of(text, title="Airframe battery maker sees lower profits", published=dt.date(2013, 2, 5))
    assert got == [("Kenji Mori", "Denkai", "6699.T", "executive")]


def test_a_name_ending_in_and_keeps_it_and_a_hyphenated_name_is_named_by_its_first_part():
    assert canonical("Ingleton-Rand Plc") == "Ingleton-Rand"
    assert canonical("Copeland Corp") == "Copeland"
    assert canonical("Black & Decker Corp") == "Black & Decker"
    # "Ingleton Chief Executive ..." speaks for Ingleton-Rand Plc, not for the story's lead company
    text = (
        "BOSTON (Reuters) - Northwind Controls Inc ( NWC.N ) and Ingleton-Rand Plc ( IGR.N ) each raised their "
        'profit outlooks for 2010. "Our order book says the upturn is real," Northwind Chief Executive Dave Cole said. '
        '"Bookings gave us reason to smile," said Ingleton Chief Executive Michael Lamb.'
    )
    got = rows_of(text, title="Industrial makers keep topping profit forecasts", published=dt.date(2010, 7, 23))
    assert got == [
        ("Dave Cole", "Northwind Controls", "NWC", "executive"),
        ("Michael Lamb", "Ingleton-Rand", "IGR", "executive"),
    ]


def test_a_company_label_before_a_speakers_heading_names_the_company_his_quotes_are_about():
    # an instant view labels each company's reactions "Amazonia:", "Microware:" in mixed case
    text = (
        "LOS ANGELES (Reuters) - Amazonia Inc missed Wall Street's earnings targets for the quarter.\n\n"
        "Also on Thursday, Microware Corp gave numbers that topped what analysts expected. Commentary: "
        'Amazonia: DAN GRAY, ANALYST, HARBOR WRIGHT "Margins took a hit nobody saw coming." '
        'Microware: JO FAY, ANALYST, HARBOR WRIGHT "All told, a superb three months." NORA VALE, '
        'ANALYST, RIDGELINE SECURITIES "Nothing messy in these numbers at all."'
    )
    got = rows_of(text, title="Instant View: Amazonia misses, Microware beats", published=dt.date(2010, 7, 22))
    assert [(n, c) for n, c, _, _ in got] == [
        ("Dan Gray", "Amazonia"),
        ("Jo Fay", "Microware"),
        ("Nora Vale", "Microware"),
    ]


def test_a_speakers_heading_opening_with_a_company_name_names_it():
    # "PALMETTO SAM POE, ANALYST, ...": Palmetto's reactions, though the opening reports its loss in a sentence
    # without its name
    text = (
        "NEW YORK (Reuters) - Oracular Corp and Rimrock Ltd both earned more in the quarter than Wall Street had "
        "forecast.\n\nPalmetto Inc. was the odd one out on Thursday. Its shares slid once the company "
        'reported a bigger loss. COMMENTARY: RIMROCK JO FAY, ANALYST, HARBOR BROS "Both lines came in well '
        'ahead." ORACULAR NORA VALE, ANALYST, RIDGELINE CAPITAL GROUP "Corporate buyers clearly have budgets '
        'again." PALMETTO SAM POE, ANALYST, QUILLON SECURITIES "Palmetto\'s sales to shoppers were a '
        'letdown."'
    )
    got = rows_of(
        text, title="INSTANT VIEW: Rimrock, Oracular results beat expectations", published=dt.date(2009, 12, 17)
    )
    assert [(n, c) for n, c, _, _ in got] == [
        ("Jo Fay", "Rimrock"),
        ("Nora Vale", "Oracular"),
        ("Sam Poe", "Palmetto"),
    ]


def test_a_headline_names_a_company_by_the_first_part_of_a_hyphenated_name():
    # "UPDATE 3-Bristow profit jumps": the headline names Bristow-Myers, so a rival's results in the body do not
    # make the story a round-up, and an analyst on Bristow's stock speaks to Bristow
    text = (
        "NEW YORK (Reuters) - Bristow-Myers Squibb Co ( BMQ.N ) lifted its quarterly profit, it reported on Thursday. "
        "Its drug sales rose. Its costs fell. Its shares rose. Analysts were pleased.\n\n"
        "Eli Lomax & Co ( LMX.N ) also reported results this week, with profit rising 10 percent.\n\n"
        '"The shares have had a big run since January," said Kim Lo, an analyst at Ridgeline Securities.'
    )
    got = rows_of(text, title="UPDATE 3-Bristow profit jumps on heart drug", published=dt.date(2007, 10, 25))
    assert [(n, c) for n, c, _, _ in got] == [("Kim Lo", "Bristow-Myers Squibb")]


def test_a_longer_unknown_name_is_not_the_known_company_its_first_word_names():
    # the registry reads "Harlow" as Harlow Industries; "Harlow Optics", spun off from it, is another company, and
    # the headline that spells it out names it, not its former parent (named more often in the body)
    registry = {"Harlow Industries": {"aliases": ["Harlow"], "ticker": "HRW"}}
    text = (
        "Harlow Optics Ltd. ( HOP.N ) lost $1.3 billion in its first quarter on its own, it said on Wednesday, "
        "after paying to settle suits brought against its former parent Harlow Industries Ltd. ( HRW.N ).\n\n"
        "Harlow Industries spun off the unit in June. Harlow kept its security business. Harlow shares rose, and "
        "Harlow plans to repurchase shares."
    )
    primary = primary_of(text, title="Harlow Optics loses $1.3 billion", companies=registry)
    assert (primary.name, primary.ticker) == ("Harlow Optics", "HOP")


@pytest.mark.parametrize(
    ("title", "name"),
    [
        # the run of the name the headline uses, a hyphenated word read whole
        ("Cola-Rica Bottlers sees second-quarter profit down", "Cola-Rica Bottlers"),
        ("Automobiles Corvan profit rises", "Automobiles Corvan"),
        ("Corvan profit rises", "Corvan"),
        ("UPDATE 2-Corvan profit rises", "Corvan"),
        # a corporate word alone is never the name
        ("Enterprises shares slide as profit falls", "Cola-Rica Enterprises"),
    ],
)
def test_an_unknown_companys_name_is_the_run_its_headline_uses(title, name):
    lede = {
        "Cola-Rica": "Beverage bottler Cola-Rica Bottlers Inc ( CRB.N ) forecast a smaller profit on Wednesday.",
        "Corvan": "Automobiles Corvan SA said on Wednesday its profit rose 10 percent.",
        "Enterprises": "Cola-Rica Enterprises Inc ( CRE.N ) forecast a smaller profit on Wednesday.",
    }
    text = next(v for k, v in lede.items() if k in title)
    assert primary_of(text, title=title, companies=set()).name == name


@pytest.mark.parametrize(
    ("title", "text", "name"),
    [
        # a common noun "of" a company is not part of its name
        (
            "Northwind's software disappoints as sales wane",
            "SEATTLE (Reuters) - Sales of Northwind Corp's software fell short of forecasts. Northwind Corp "
            "said quarterly profit rose. Sales of its games rose.",
            "Northwind",
        ),
        # "De" opens a name
        (
            "De Vries sales slip, sees better year ahead",
            "LONDON (Reuters) - De Vries, the largest miner of diamonds, said on Friday that its 2007 sales slipped.",
            "De Vries",
        ),
        # a person's name in the possessive before the company's, the suffix after
        (
            "Film slate weighs on Harbor Media profit",
            "(Reuters) - Jo Fay's Harbor Media Corp on Wednesday reported a bigger profit for the quarter.",
            "Harbor Media",
        ),
    ],
)
def test_words_before_a_name_that_are_not_part_of_it(title, text, name):
    primary = primary_of(text, title=title, companies={"Harbor Media": {"ticker": "HMC"}})
    assert (primary.name, primary.ticker) == (name, "HMC" if name == "Harbor Media" else None)


def test_a_name_spelled_out_in_full_is_the_company_its_initials_name():
    # the text misspells the registry's "International Widget Machines" (IWM); its initials still name it
    registry = {"International Widget Machines": {"aliases": ["IWM"], "ticker": "IWM"}}
    text = (
        "(Reuters) - IWM ( IWM.N ) lifted its forecast for the whole year on Wednesday.\n\n"
        'International Widget Machine Corp beat estimates. "We have strength in Latin America," Chief Financial '
        "Officer Mark Loft said."
    )
    got = rows_of(text, title="IWM raises outlook; second-quarter earnings beat", companies=registry)
    assert got == [("Mark Loft", "International Widget Machines", "IWM", "executive")]


def test_a_divisions_acronym_is_not_named_by_the_headlines_word():
    # "PC" in the headline is not the initials of "PC Client Group": the analyst's quote stays Northwind's
    text = (
        "(Reuters) - Northwind Corp forecast revenue above estimates. "
        '"PC Client Group sales came in far above what the Street had modeled," said Ridgeline Securities '
        "analyst Win Crane."
    )
    got = rows_of(text, title="Northwind sales strong in spite of PC worries", companies={"Northwind"})
    assert [(n, c) for n, c, _, _ in got] == [("Win Crane", "Northwind")]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Federal Deposit Insurance Corp", "regulator"),
        ("Federal Deposit Insurance", "regulator"),
    ],
)
def test_public_bodies_by_name(name, kind):
    assert kind_of(name).value == kind


def test_a_country_with_a_suffix_is_not_a_company():
    doc = doc_until(
        "TOKYO (Reuters) - Japanese companies start reporting results this week.",
        "company",
        title="Quake-hit Japan Inc starts reporting amid doubts",
        companies=set(),
    )
    assert "Japan" not in [o.name for o in doc.orgs]


def test_a_plural_trade_before_names_is_not_part_of_the_first():
    text = (
        "SAN DIEGO (Reuters) - Retailers Men's Outfitters ( MOF.N ), Harbor Stores Inc ( HBS.N ) and Ridgeline "
        "Pets Inc ( RPI.O ) lowered their profit outlooks on Wednesday as monthly sales disappointed."
    )
    doc = doc_until(text, "company", title="Shoppers pull back; stores trim forecasts", companies=set())
    assert [o.name for o in doc.orgs if o.code] == ["Men's Outfitters", "Harbor Stores", "Ridgeline Pets"]


def test_the_ledes_fuller_name_names_the_bodys_short_one():
    text = (
        "LONDON (Reuters) - Privately-owned airline Corvan Atlantic said its annual profit almost doubled.\n\n"
        "Jo Fay's Corvan Group owns a 51 percent stake. Corvan flies to 30 cities."
    )
    assert primary_of(text, title="Corvan Atlantic doubles profits", companies=set()).name == "Corvan Atlantic"


def test_a_dateline_left_in_the_lede_is_not_its_subject():
    text = (
        "RALEIGH, N.C./BOSTON  (Reuters) - Bad loans dragged on the results of three regional lenders.\n\n"
        "Quarterly results from Harbor Banks Inc ( HBK.N ) and Ridgeline Corp ( RDG.N ) showed losses."
    )
    primary = primary_of(text, title="Loan troubles linger at U.S. regional lenders", companies=set())
    assert primary is not None and primary.name != "RALEIGH"


@pytest.mark.parametrize(
    ("lede", "title", "company"),
    [
        # a long description before the name the headline gives, and a rival printed with a code further down
        (
            "STOCKHOLM (Reuters) - Swedish household appliance giant Norrvik warned on Thursday that soft demand "
            "would dent its earnings for the year.",
            "Norrvik warns on year",
            "Norrvik",
        ),
        (
            "DALLAS (Reuters) - Luxury department store chain Halden Marsh said on Wednesday its profit for the "
            "quarter fell by 70 percent.",
            "Halden Marsh quarterly profit falls",
            "Halden Marsh",
        ),
    ],
)
def test_a_lede_subject_after_a_long_trade_when_the_headline_names_it(lede, title, company):
    text = f"{lede}\n\nRival Ridgeline Corp ( RDG.N ) cut its outlook last week, and shares of Ridgeline fell."
    assert primary_of(text, title=title, companies=set()).name == company


def test_a_long_trade_before_a_name_the_headline_does_not_give_is_no_subject():
    text = (
        "NEW YORK (Reuters) - Stock in large department store Halden Marsh slid on Wednesday as Ridgeline Corp "
        "( RDG.N ) reported a 70 percent slide in quarterly profit."
    )
    assert primary_of(text, title="Ridgeline quarterly profit falls", companies=set()).name == "Ridgeline"


def test_a_news_company_reporting_its_own_outlook_is_the_company():
    text = (
        "LONDON (Reuters) - Data and news group Thomson Reuters said its 2008 targets were still within reach on "
        "Thursday.\n\nRival Pearson ( PSON.L ) gives its own update next week, Thomson Reuters said."
    )
    primary = primary_of(text, title="Thomson Reuters sticks to 2008 targets", companies={"Thomson Reuters", "Pearson"})
    assert primary is not None and primary.name == "Thomson Reuters"


def test_another_listed_companys_executive_speaks_to_its_own_event():
    text = (
        "ATLANTA (Reuters) - Discount carrier Bluejay Airways ( BJY.O ) lowered its holiday-quarter revenue "
        "forecast.\n\n"
        '"The busy days were meant to be busier," Bluejay Chief Financial Officer Ned Barlow said. Osprey Air Lines '
        'Inc ( OSP.N ) said it expected to make money in the fourth quarter. "Thanksgiving travel held up well," '
        "Osprey Chief Financial Officer Hal Brandt told the conference. "
        '"Freight prices should hold up through December," Osprey Cargo President Jo Ames said.'
    )
    doc = doc_until(text, "company", title="Bluejay cuts outlook", companies=set())
    got = {a.person.name: (c.name, a.role) for a, c in zip(doc.attributions, doc.companies, strict=True)}
    assert got["Ned Barlow"] == ("Bluejay", "executive")
    assert got["Hal Brandt"][1] == "executive" and got["Hal Brandt"][0].startswith("Osprey")
    # a title that names the company only loosely ("Osprey Cargo" is not Osprey Air Lines) keeps the story's company
    assert got["Jo Ames"][0] == "Bluejay"


def test_an_industry_word_after_and_stays_in_the_name_before_a_code():
    # "Coppervale Tire and Rubber Co. ( CVT.N )" is one company, not "Rubber", and no short form of a company whose
    # name only ends in "Rubber"
    text = (
        "CHICAGO (Reuters) - Coppervale Tire and Rubber Co. ( CVT.N ) earned more in the quarter than analysts had "
        "forecast, it said on Thursday. Coppervale made 41 cents a share. Goodyear Tire & Rubber Co, a rival, "
        "reports next week."
    )
    primary = primary_of(text, title="Coppervale Tire tops forecasts")
    assert (primary.name, primary.ticker) == ("Coppervale Tire", "CVT")


def test_a_hyphenated_names_first_part_is_its_short_form():
    text = (
        "NEW YORK (Reuters) - Lorrow Co ( LRW.N ) and Brassick-Myers Squibb Co ( BMQ.N ) both earned more in the "
        "quarter than analysts had forecast, they said on Thursday.\n\nLorrow said its sales rose. For the quarter, "
        "Brassick said it earned $2.14 billion.\n\n"
        '"Brassick has little to apologise for this time," said Deutsche Bank analyst Nora Vale.'
    )
    doc = doc_until(text, "company", title="Lorrow and Brassick top analyst targets")
    assert [(a.person.name, c.name) for a, c in zip(doc.attributions, doc.companies, strict=True)] == [
        ("Nora Vale", "Brassick-Myers Squibb")
    ]


def test_an_analysts_firm_is_not_the_company_the_attribution_speaks_of():
    text = (
        "NEW YORK (Reuters) - Delvin Air Lines Inc ( DVL.N ) saw its quarterly loss deepen on Wednesday, "
        "while rival Airtrax Holdings Inc ( ATX.N ) swung to a profit.\n\nDelvin lost $231 million. "
        "Airtrax said net income was $64 million.\n\nBank of America/Merrill Lynch analyst Omar Haddad said in "
        'a research note that Airtrax\'s core numbers were "about as clean as any carrier will show this season."'
    )
    doc = doc_until(text, "company", title="Delvin, Airtrax results diverge", companies={"Bank of America"})
    assert [c.name for c in doc.companies] == ["Airtrax"]


def test_a_lower_case_word_of_a_headline_does_not_name_a_company():
    # "... slow steel recovery" does not name U.S. Steel (whose one distinctive word is "steel"), so the story is not
    # about several companies' results: the chief executive speaks for the headline's company
    text = (
        "PARIS (Reuters) - Arcelorix ( ARX.AS ) expects steel demand to recover only gradually in the first "
        "quarter, it said on Wednesday.\n\nRival U.S. Steel Corp cut its forecast last week, and Nippon Steel Corp "
        "reported a loss.\n\n"
        '"Our footing for the year is firm," Chief Executive Jo Fay said.'
    )
    doc = doc_until(
        text, "company", title="Arcelorix expects sluggish steel recovery early in year", companies={"Nippon Steel"}
    )
    assert [c.name for c in doc.companies] == ["Arcelorix"]


def test_a_common_first_word_the_headline_uses_alone_is_the_companys_short_form():
    # "Continental, Airtrax beat Street": "Continental" is Continental Airlines wherever it stands alone
    text = (
        "HOUSTON (Reuters) - Like Airtrax Holdings Inc ( ATX.N ), Continental Airlines Inc ( CAL.N ) saw a smaller "
        "loss in the quarter than analysts had feared, the carriers said on Wednesday.\n\nAirtrax said net income "
        "rose. Continental said its loss widened.\n\n"
        '"Some will argue Continental left money on the table," said analyst Matt Jacob.'
    )
    doc = doc_until(text, "company", title="Airtrax, Continental top forecasts as fuel eases")
    assert [c.name for c in doc.companies] == ["Continental Airlines"]
    headline_mentions = [o.name for o in doc.orgs if o.in_title]
    assert "Continental" in headline_mentions
    states = doc_until(
        "NEW YORK (Reuters) - United Widgets Inc ( UWG.N ) said profit rose. United States sales slipped.",
        "company",
        title="United beats estimates",
    )
    assert [o.start for o in states.orgs if not o.in_title and o.name == "United"] == []  # "United States"


def test_a_word_after_a_names_initials_the_headline_uses_alone_is_the_companys_short_form():
    # "Marlot, Kanto smarting": "Marlot" is PSA Marlot Citroen wherever it stands alone, so its chief executive
    # speaks for it (he had been an outsider and his quotes Kanto's)
    text = (
        "PARIS/YOKOHAMA (Reuters) - The quake left its mark on carmakers' numbers: France's PSA Marlot Citroen "
        "( MRL.PA ) said 2024 profits would suffer, and Japan's Kanto Motor ( 7999.T ) said its profit fell 10 "
        "percent.\n\nMarlot, Europe's No. 2 carmaker, expects its car unit to take a knock. "
        "Kanto said sales fell.\n\nMarlot Chief Executive Jean Varinet said at a press briefing that the unit would "
        'earn less. "Metals costs climbed faster than we planned for, as they did for every rival," Varinet '
        "told analysts."
    )
    rows = rows_of(text, title="Marlot, Kanto smarting after the quake")
    assert rows == [("Jean Varinet", "Marlot", "MRL.PA", "executive")]
    # not when the headline uses the whole name, nor for a word the registry gives to another company
    doc = doc_until(text, "company", title="PSA Marlot Citroen, Kanto smarting after the quake")
    assert [o.name for o in doc.orgs if o.name == "Marlot"] == []
    doc = doc_until(text, "company", title="Marlot, Kanto smarting after the quake", companies={"Marlot": {}})
    assert [o.name for o in doc.orgs if o.name == "Marlot" and o.company is None] == []


def test_a_registry_name_with_and_before_a_code_is_one_company():
    # "Ridgeline and New Harbor Banking Group ( RNH.AX )": the registry's RNH, not "New Harbor Banking"
    registry = {"RNH": {"ticker": "RNH.AX", "aliases": ["Ridgeline and New Harbor Banking Group"]}}
    text = "BRISBANE (Reuters) - Ridgeline and New Harbor Banking Group ( RNH.AX ) said second-half profit would slip."
    primary = primary_of(text, title="RNH sees lower profit", companies=registry)
    assert (primary.name, primary.ticker) == ("RNH", "RNH.AX")


def test_a_rival_the_quote_names_is_not_the_company_it_speaks_to():
    # the headline names the rival, the analyst's quote too; only the article's company reports ("Bed Quill" is
    # the headline's and the body's short form of Bed Quill & Lamp's first two words)
    text = (
        "NEW YORK (Reuters) - Bed Quill & Lamp Inc ( BQLP.O ) set a profit target for the running quarter below "
        "what analysts had pencilled in, saying it would spend early on its web store.\n\n"
        "The web spending comes while online seller Quillmart.com Inc ( QMRT.O ) courts furniture buyers with free "
        'delivery. "Quillmart keeps taking a bigger bite of the bedding aisle every season," said Ridgeline '
        "Securities analyst Jane Roe, who pointed to thinner margins at Bed Quill.\n\n"
        '"We are spending money where our shoppers have gone," Chief Executive Sam Poe said of Bed Quill\'s plans.'
    )
    companies = {"Quillmart.com": {"ticker": "QMRT", "aliases": ["Quillmart"]}, "Bed Quill & Lamp": {"ticker": "BQLP"}}
    rows = rows_of(text, title="Bed Quill costs climb; fending off Quillmart", companies=companies)
    assert [(who, company) for who, company, _, _ in rows] == [
        ("Jane Roe", "Bed Quill & Lamp"),
        ("Sam Poe", "Bed Quill & Lamp"),
    ]
    # ... while in a story on both companies' results, the quote that names one speaks to it
    both = text.replace("courts furniture buyers with free delivery", "reported higher quarterly profit")
    rows = rows_of(both, title="Bed Quill, Quillmart post results", companies=companies)
    assert rows[0][:2] == ("Jane Roe", "Quillmart.com")


def test_an_analysts_firm_in_an_instant_view_heading_is_not_the_company():
    text = (
        "NEW YORK (Reuters) - Northwind Inc ( NWD.N ) earned less in the quarter, it said on Monday. Following is "
        "reaction.\n\n"
        'REBECCA ROE, EQUITY OPTIONS ANALYST AT QUILLON BROKERS GROUP "Option buyers had bet on a sharp swing '
        "in Northwind's stock after its earnings report,\" said Rebecca Roe, equity options analyst at Quillon "
        "Brokers Group."
    )
    rows = rows_of(text, title="INSTANT VIEW: Northwind quarterly profit falls", companies={"Northwind"})
    assert [(who, company) for who, company, _, _ in rows] == [("Rebecca Roe", "Northwind")]


def test_a_one_word_subhead_echoed_after_at_heads_its_companys_section():
    # "QUILLON At Quillon, ..." is a section subhead that lost its line break: the officer below it is Quillon's,
    # not the company of the subhead before
    text = (
        "NEW YORK (Reuters) - Northwind Group Inc ( NWG.N ) and Quillon Brothers Holdings Inc ( QBH.N ) each "
        "earned more than analysts had pencilled in for the quarter. NORTHWIND Northwind said its trading desks "
        'had a record month. "Clients came back in March," Finance Director Sam Poe said. QUILLON At Quillon, '
        "sales of bonds slumped by a third. Finance Director Jane Roe told callers that Quillon could fund itself "
        'for years, and went on: "Nobody here expects the storm to pass before the summer."'
    )
    rows = rows_of(text, title="Northwind and Quillon earnings ahead of estimates")
    assert [(who, company) for who, company, _, _ in rows] == [
        ("Sam Poe", "Northwind"),
        ("Jane Roe", "Quillon"),
    ]


def test_a_remark_whose_sentence_names_another_reporting_company_speaks_to_it():
    # a story on Northwind's results that also reports Quill Mills': Quill Mills' chief (his title's "Mills'")
    # and the analyst whose sentence names only Quill Mills speak to it; a remark on Northwind stays Northwind's
    text = (
        "NEW YORK (Reuters) - Northwind Stores Corp ( NWS.O ) earned a little less than forecast in its latest "
        "quarter.\n\nDiscount chain Quill Mills Inc ( QML.N ) topped profit forecasts for the quarter on the "
        'same day. "Bargain hunting is the new habit of our shoppers," Quill Mills\' Chief Executive Sam Poe said.'
        "\n\nQuill Mills, whose stock had doubled since March, slipped because its June sales looked "
        '"soft next to a strong spring," said Ridgeline analyst Jane Roe.\n\n'
        '"Northwind will keep prices low," said Harbor analyst Omar Haddad.'
    )
    rows = rows_of(text, title="Northwind profit a shade below view")
    assert [(who, company, role) for who, company, _, role in rows] == [
        ("Sam Poe", "Quill Mills", "executive"),
        ("Jane Roe", "Quill Mills", "analyst"),
        ("Omar Haddad", "Northwind Stores", "analyst"),
    ]


def test_a_remark_speaks_to_the_company_its_attribution_says_it_is_about():
    # "wrote in a note about Quillon" after the quote names its subject; "after Quillon released its results"
    # names an occasion; "rivals like Quill Mills" before it is a yardstick, not the subject
    base = (
        "NEW YORK (Reuters) - Northwind Bank Corp ( NWB.N ) earned more than Wall Street expected this quarter. "
        "Quillon Trust Corp ( QTC.N ) missed profit forecasts.\n\n"
    )
    about = '"Fees were thin and costs stubborn," Ridgeline analyst Jane Roe wrote in a client note about Quillon.'
    occasion = '"Lenders are doing fine again," Sam Poe said in a statement after Quillon released its earnings.'
    rows = rows_of(base + about + "\n\n" + occasion, title="Northwind earnings top view")
    assert [(who, company) for who, company, _, _ in rows] == [
        ("Jane Roe", "Quillon Trust"),
        ("Sam Poe", "Northwind Bank"),
    ]
    yardstick = (
        "Its card business grew more slowly than at rivals like Quill Mills Corp ( QML.N ), which posted higher "
        'profit. "Card growth is what this bank is judged on," said Ridgeline analyst Jane Roe.'
    )
    rows = rows_of(base + yardstick, title="Northwind earnings top view")
    assert [(who, company) for who, company, _, _ in rows] == [("Jane Roe", "Northwind Bank")]


def test_a_headline_that_names_one_company_and_counts_others_is_a_round_up():
    text = (
        "NEW YORK (Reuters) - Gadget maker Northwind Instruments Inc ( NWI.N ) and its smaller peer Quillon "
        "Semiconductor Corp ( QSC.N ) lowered their sales goals for the quarter under way.\n\n"
        "Quillon Semiconductor also said it would idle two plants over the holidays. "
        '"Orders from phone makers dried up in a matter of days," Chief Executive Sam Poe told analysts.'
    )
    rows = rows_of(text, title="Northwind Instruments and 2 others lower sales goals")
    assert [(who, company, role) for who, company, _, role in rows] == [
        ("Sam Poe", "Quillon Semiconductor", "executive")
    ]
    # (a headline that names one company and counts nobody else: his quote is the story's company's)
    rows = rows_of(text, title="Northwind Instruments lowers sales goal")
    assert [(who, company) for who, company, _, _ in rows] == [("Sam Poe", "Northwind Instruments")]


def test_a_fragment_after_a_company_in_its_own_sentence_speaks_to_it_in_a_round_up():
    text = (
        "NEW YORK (Reuters) - Northwind Bank ( NWB.N ) and Quillon Trust ( QTT.N ) could post losses this quarter, "
        "Ridgeline analyst Jane Roe wrote. She also lowered her numbers for Harbor Group Inc ( HBG.N ), whose "
        "bond losses she put at $2 billion for the quarter.\n\n"
        '"Investors had bet on December being the low point," Roe wrote of Northwind. '
        'Roe sees more lenders selling shares, with Harbor Group "first in line for a large sale of new stock." '
        'Ridgeline\'s Jane Roe said: "Quillon Trust and Northwind will both need more."'
    )
    rows = rows_of(text, title="Northwind, Quillon estimates cut by Ridgeline")
    assert [company for _, company, _, _ in rows][:2] == ["Northwind Bank", "Harbor"]


def test_a_company_the_headline_names_for_a_deal_with_it_is_not_an_event_company():
    """ "...; unveils Quillon deal": Quillon is named for the deal, so the chief executive and the analyst who
    comments on the deal speak to Northwind's quarter, not to Quillon's."""
    text = (
        "NEW YORK (Reuters) - Northwind Media Inc said its quarterly earnings slid by a fifth and that Quillon Telecom "
        "Inc will carry its film channel under a new agreement. Before the Quillon deal, investors had "
        "doubted how many homes the channel would reach. "
        '"Our channel just became a national one," Chief Executive Jane Roe told analysts on a call. '
        "Sam Poe, an analyst with Ridgeline Securities, was less sure. "
        '"Quillon reaches only a small share of homes," Poe wrote in a note.'
    )
    got = rows_of(text, title="Northwind profit falls; unveils Quillon deal")
    assert [(n, c) for n, c, _, _ in got] == [("Jane Roe", "Northwind"), ("Sam Poe", "Northwind")]


def test_a_headline_names_a_company_by_the_first_part_of_a_name_run_together():
    text = (
        "HOUSTON (Reuters) - QuillonHarbor Corp plans to part with its holding in Northwind Neft ( NWNF.MM ), and its "
        "quarterly profit beat forecasts. Northwind shares rose in Moscow. Northwind has been a partner "
        "since 2004. Analysts said Northwind would find other investors. "
        '"Selling the stake frees up cash," said Sam Poe, an analyst at Ridgeline Securities.'
    )
    assert primary_of(text, title="Quillon selling Northwind stake, profit tops Street").name == "QuillonHarbor"


def test_a_bidder_the_headline_names_in_an_aside_is_not_the_company_quotes_speak_to():
    """ "Northwind results improve; Quillon shrugs": Quillon's clause reports nothing, so quotes that name its bid
    are about Northwind's quarter; a company named in an earlier quote of the sentence is not what a remark is
    about; a quote a colon introduces takes no company from the sentence after it."""
    text = (
        "SAN FRANCISCO (Reuters) - Northwind Web Inc lifted its quarterly profit, while Quillon Soft "
        "Corp, which has bid for Northwind, said it saw nothing in the figures to make it pay more. Northwind shares "
        'were flat. "Quillon can relax now that the worst is out," said Sam Poe, an analyst at Ridgeline & Co. "These are decent numbers, but '
        "nothing has changed at Northwind's core business.\" Nora Vale, a fund manager at Lakeside Capital, which "
        'holds shares of both Quillon and Northwind, said: "Quillon will not raise its bid." Helped by a gain on a '
        "stake in Harbor Trading Ltd, Northwind's net income rose to $500 million. "
        '"We remain open to any offer, including a Quillon deal," Chief Executive Jane Roe told investors.'
    )
    got = rows_of(text, title="Northwind results improve; Quillon shrugs")
    assert [(n, c) for n, c, _, _ in got] == [
        ("Sam Poe", "Northwind"),
        ("Sam Poe", "Northwind"),
        ("Nora Vale", "Northwind"),
        ("Jane Roe", "Northwind"),
    ]


def test_an_outsiders_remark_naming_no_company_goes_to_the_one_the_story_just_reported_on():
    """In a round-up, a remark that names no company speaks to the one company the two sentences before it report
    on ("Quillon relies more on late fees. A new law caps them." then "This falls hardest on them"), not to the
    story's lead; a company named in passing ("rivals like Lakeside") does not count."""
    text = (
        "NEW YORK (Reuters) - Harbor Bank Corp ( HBC.N ) and Quillon Bancorp ( QBN.N ) both posted first-quarter "
        "profits that beat forecasts on Thursday. Harbor Bank said loan losses fell. "
        '"Harbor has come through the worst of it," said Jane Roe, an analyst at Ridgeline Securities. '
        "Quillon Bancorp, the No.2 card lender, said its card losses had peaked. Quillon relies more heavily on late "
        "fees than rivals like Lakeside Bank Corp ( LKB.N ). A new law will cap those fees from August. "
        '"This falls hardest on them, and the market knows it," said Sam Poe, an analyst at Vale Partners.'
    )
    got = rows_of(text, title="Harbor Bank, Quillon Bancorp profits beat forecasts")
    assert [(n, c) for n, c, _, _ in got] == [("Jane Roe", "Harbor Bank"), ("Sam Poe", "Quillon")]


def test_a_firm_the_speaker_comments_on_is_not_taken_for_his_own():
    """ ", commenting on Quillon's forecast" after an analyst's name says what the remark is about; it is not a
    description of the analyst's firm (", who manages money for Quillon")."""
    text = (
        "NEW YORK (Reuters) - Northwind Chemical Co ( NWC.N ) and Quillon Materials Corp ( QMC.N ) both cut their "
        "profit forecasts on Tuesday. Northwind shares fell 6 percent and Quillon shares fell 20 percent. "
        '"This is a grim guide and I expect plenty more like it this season," said Sam Poe, an '
        "analyst at Ridgeline Securities, commenting on Quillon's outlook to his clients."
    )
    got = rows_of(text, title="Northwind, Quillon cut outlooks, shares fall")
    assert [(n, c) for n, c, _, _ in got] == [("Sam Poe", "Quillon")]


def test_a_listed_companys_manager_speaks_to_its_own_event_in_another_companys_story():
    """A registry company the body reports on (no code printed) is listed: its manager's quote is its own, not
    the story's company's."""
    text = (
        "TOKYO (Reuters) - Northwind Motor Co ( 7999.T ) now expects more profit for the year as its sales "
        "recovered. Quillon Parts Corp, the biggest listed parts maker, trebled its forecast for the year's operating profit "
        'as well. "We made these numbers before the recall was announced, so it is not in them," senior Quillon Parts '
        "manager Ken Ito told reporters."
    )
    got = rows_of(text, title="Northwind raises profit forecast", companies={"Quillon Parts": {"ticker": "6999.T"}})
    assert got == [("Ken Ito", "Quillon Parts", "6999.T", "executive")]


def test_a_round_ups_lead_is_the_first_company_after_a_lede_that_names_none():
    """ "Fuel costs cut airline earnings" names no company: the sentence after it names the round-up's lead, to
    which a remark about the whole industry goes (not to a company the body names with a code)."""
    text = (
        "CHICAGO (Reuters) - Dearer jet fuel ate into what carriers earned, though fares climbed too. \n\n "
        "Quillon Air Holdings, which owns Quillon Airlines, lost money in the quarter. Quillon Air said "
        "it paid $400 million more for fuel than twelve months before. Northwind Airlines Co ( NWA.N ) posted a small profit. "
        '"Demand is holding up across the industry, even with fares this high," said Sam Poe, an analyst at '
        "Ridgeline Securities."
    )
    got = rows_of(text, title="Fuel costs sap airline profits")
    assert [(n, c) for n, c, _, _ in got] == [("Sam Poe", "Quillon Air")]


def test_a_remark_after_a_subhead_does_not_take_the_company_named_before_it():
    text = (
        "NEW YORK (Reuters) - Harbor Bank Corp ( HBC.N ) and Quillon Bancorp ( QBN.N ) both posted first-quarter "
        "profits that beat forecasts on Thursday. Harbor Bank said loan losses fell. Excluding items, Quillon earned "
        '84 cents a share. WAITING FOR THE RECOVERY? "They are not in bad shape, but they are not great either," '
        "said Sam Poe, an analyst at Vale Partners."
    )
    got = rows_of(text, title="Harbor Bank, Quillon Bancorp profits beat forecasts")
    assert [(n, c) for n, c, _, _ in got] == [("Sam Poe", "Harbor Bank")]


def test_a_round_ups_executive_titled_without_a_company_speaks_for_the_one_just_reported_on():
    """ "CEO Sam Poe said" right after two sentences on one reporting company is that company's chief, even when
    the company is not one of the round-up's leads (its opening reports others), not the lead named last."""
    text = (
        "BOSTON (Reuters) - Northwind Pumps Inc ( NWP.N ) and Harbor Valve Corp ( HVC.N ) posted weaker quarterly "
        "profits on Wednesday, and their shares fell.\n\nNorthwind said orders slowed in June. Its shares lost 5 percent. Its "
        "chief blamed farmers.\n\nHarbor Valve said profit fell 4 percent. It kept its forecast. Its shares slid.\n\n"
        "Even Quillon Ratings Corp ( QRC.N ), whose quarterly profit climbed by almost a third, warned that bond "
        "issuance would slow. "
        '"We expect a harder second half than the first," CEO Sam Poe said.'
    )
    got = rows_of(text, title="Fears of a slowdown spook pump makers")
    assert [(n, c) for n, c, _, _ in got] == [("Sam Poe", "Quillon Ratings")]


def test_an_analysts_run_of_quotes_speaks_to_the_company_one_of_them_refers_to():
    """In a round-up, an analyst's first quote names no company and has no reference word ("It was long
    overdue"), but the next quote of the same run does ("They are cleaning up their business"): both speak to the
    company the story has just turned to, not to the round-up's lead."""
    text = (
        "BOSTON (Reuters) - Rising costs were the main worry as Northwind Pumps Inc ( NWP.N ) and Quillon Tissue Corp "
        "( QTC.N ) reported quarterly results on Tuesday. Northwind said its margins slipped.\n\n"
        "Quillon Tissue said it could close four mills to cut costs. "
        '"It was something long overdue," said Jane Roe, an analyst at Ridgeline Securities. '
        '"They are finally cleaning up their business."'
    )
    got = rows_of(text, title="Rising costs squeeze industrial makers")
    assert [(n, c) for n, c, _, _ in got] == [("Jane Roe", "Quillon Tissue"), ("Jane Roe", "Quillon Tissue")]


def test_a_company_name_opening_with_a_digit():
    """ "9Lives Pumps Co ( NLP.N )" is the company's whole name (not "Lives Pumps Co" nor "Co"), and
    "said 9Lives Pumps Chief Executive Sam Poe" names the speaker."""
    text = (
        "BOSTON (Reuters) - 9Lives Pumps Co ( NLP.N ) lifted its quarterly profit by 8 percent, it said on Tuesday. "
        '"Orders held up better than we feared," said 9Lives Pumps Chief Executive Sam Poe.'
    )
    doc = doc_until(text, "company", title="9Lives Pumps profit rises")
    assert next(doc.text[o.start : o.end] for o in doc.orgs if not o.in_title) == "9Lives Pumps Co"
    assert (doc.primary.name, doc.primary.ticker) == ("9Lives Pumps", "NLP")
    assert [(a.person.name, a.role) for a in doc.attributions] == [("Sam Poe", "executive")]


def test_a_round_ups_executive_whose_title_names_a_company_not_reporting_speaks_for_it():
    """In a round-up of others' results, "Harbor Stores Chief Executive Sam Poe" speaks for Harbor Stores, whose
    code the article prints though it reports nothing, not for the lead company named last before him."""
    text = (
        "NEW YORK (Reuters) - The flood is cutting into the profits of companies that sell in the region, from "
        "Northwind Drinks Co ( NWD.N ) to Quillon Leather Inc ( QLI.N ).\n\n"
        "Northwind said quarterly profit fell 5 percent. Quillon Leather lowered its forecast for annual profit.\n\n"
        "Harbor Stores Inc ( HBS.N ) has flown in water for its shops. "
        '"That is really helping shoppers at a time like this," Harbor Stores Chief Executive Sam Poe said.'
    )
    got = rows_of(text, title="Flood hurts U.S. company profits")
    assert [(n, c) for n, c, _, _ in got] == [("Sam Poe", "Harbor Stores")]


def test_an_executive_titled_without_a_company_is_not_given_a_rival_named_in_an_aside():
    """ "Chief Executive Sam Poe said" after a sentence on the story's company, which names it only as "the
    group", and on another's results in an aside ("where discount chain Quillon Retail has just reported ...") is
    the story's company's chief: the company just reported on must open its sentence to take him."""
    text = (
        "LONDON (Reuters) - Northwind Stores Plc ( NWS.L ) and online seller Harbor Books Plc ( HBK.L ) shrugged "
        "off the gloom on the high street on Tuesday, both posting higher annual profits.\n\n"
        "Harbor Books said sales rose 20 percent. Its shares rose 3 percent.\n\n"
        "Northwind's pretax profit rose 4 percent. The group, which also runs cafes, raised its dividend. "
        "The group sees no broad revival in its trade, where discount chain Quillon Retail ( QRT.L ) for one has "
        "just reported a tenth less first-half profit and is shutting branches. "
        '"We remain cautious about the months ahead," Chief Executive Sam Poe said.'
    )
    got = rows_of(text, title="Northwind Stores, Harbor Books shrug off retail gloom")
    assert [(n, c) for n, c, _, _ in got] == [("Sam Poe", "Northwind Stores")]


def test_a_units_name_before_its_parents_code_is_the_parent():
    """ "Northwind's Harbor ( NWD.N )": the code is the parent's, so the mention is Northwind, the registry's
    Northwind Motors, not a company called "Northwind's Harbor"."""
    text = (
        "FRANKFURT (Reuters) - Quillon Motoren AG ( QMOG.DE ) reported its best ever first quarter on Thursday.\n\n"
        "Northwind's Harbor ( NWD.N ), which sells little beyond Europe, slipped into the red."
    )
    registry = {"Northwind Motors": {"ticker": "NWD", "aliases": ["Northwind"]}}
    doc = doc_until(text, "company", title="Quillon profit at record", companies=registry)
    unit = next(o for o in doc.orgs if o.code is not None and o.code.ticker == "NWD")
    assert (doc.text[unit.start : unit.end], unit.company.name) == ("Northwind", "Northwind Motors")


def test_a_common_noun_of_the_headline_does_not_shorten_a_companys_name():
    """ "Home Goods Retail" keeps its name in a headline that says "retail" as a common noun; a headline that
    names it by that word capitalised ("Retail" as its short name) or in capitals still shortens it."""
    reg = load()
    assert (
        company._short_name("Harbor Quay Retail", "Northwind, Quillon buck retail gloom", reg) == "Harbor Quay Retail"
    )
    assert company._short_name("Automobiles Quillon", "Quillon profit rises", reg) == "Quillon"
    assert company._short_name("Automobiles Quillon", "QUILLON PROFIT RISES", reg) == "Quillon"


def test_an_analyst_who_covers_a_company_speaks_to_it():
    """ ", an analyst at Ridgeline Securities, who covers Quillon" names what the remark is about, not the
    analyst's own firm: the remark speaks to Quillon, not to the round-up's lead."""
    text = (
        "BOSTON (Reuters) - Northwind Pumps Inc ( NWP.N ) and Quillon Lifts Corp ( QLC.N ) both posted higher "
        "quarterly profits on Wednesday.\n\n"
        "Northwind said orders rose. Its shares gained 2 percent.\n\n"
        "QUIET GAINS\n"
        "Quillon, based in Hartford, said orders for lift parts grew in the quarter. "
        '"The road ahead looks smoother," said Jane Roe, an analyst at Ridgeline Securities, who covers Quillon.'
    )
    got = rows_of(text, title="Makers say demand picks up")
    assert [(n, c) for n, c, _, _ in got] == [("Jane Roe", "Quillon Lifts")]


def test_a_speaker_headings_firm_sharing_one_word_with_a_company_is_not_that_company():
    """Under the instant view's "Quillon:" heading, ", MANAGING DIRECTOR, GLOBAL EQUITIES RESEARCH" is the
    analyst's firm: its one word "research" does not make the remark Research Harbor's; a firm names a company
    there only whole."""
    text = (
        "LOS ANGELES (Reuters) - Research Harbor Ltd ( RHB.O ) cut its sales and earnings targets for "
        "the quarter under way.\n\n"
        "Separately, Quillon Corp ( QLN.O ) reported lower quarterly revenue from its software unit. "
        "Commentary: Research Harbor: JANE ROE, ANALYST, RIDGELINE PARTNERS "
        '"Carriers are trimming their handset stocks before the new models arrive." '
        "Quillon: SAM POE, MANAGING DIRECTOR, GLOBAL EQUITIES RESEARCH: "
        '"Nothing here surprised us. The quarter came in roughly as planned."'
    )
    got = rows_of(text, title="Instant View: Research Harbor lowers outlook, Quillon revenue slips")
    assert [(n, c) for n, c, _, _ in got] == [("Jane Roe", "Research Harbor"), ("Sam Poe", "Quillon")]


def test_a_headline_word_that_is_the_parents_own_name_is_not_its_listed_unit():
    """ "Harbor staff celebrate ..." names Quillon Precision, which the article also calls Harbor, not Harbor
    International, a listed unit the body names once: the story is one company's, and its founder's words are
    its own, not those of the customer the body names."""
    text = (
        "TAIPEI (Reuters) - Quillon Precision ( 2399.TW ), which assembles gadgets for Northwind Inc ( NWD.O ), "
        "fell short of what analysts expected for the first quarter, yet its staff were celebrating on "
        "Saturday.\n\n"
        "Hundreds of workers from Harbor's factories applauded the firm's founder at a dinner in Taipei. Harbor "
        "has drawn fire over factory conditions, mostly because it builds Northwind's devices. "
        '"I am grateful to everyone here for the effort," founder and chairman Sam Poe told the crowd.\n\n'
        "Shares of Harbor International ( 2088.HK ), its handset arm, fell 2 percent."
    )
    registry = {"Quillon Precision": {"ticker": "2399.TW", "aliases": ["Harbor"]}}
    got = rows_of(text, title="Harbor staff celebrate, but profit disappoints", companies=registry)
    assert [(n, c) for n, c, _, _ in got] == [("Sam Poe", "Quillon Precision")]


def test_what_an_investors_fund_owns_is_not_the_investors_firm():
    """ ", portfolio manager of the Ridgeline 100 fund, which owns Quillon" names what the fund holds, not the
    speaker's firm: the remark on Quillon's results (named before the quote) speaks to Quillon."""
    text = (
        "CHICAGO (Reuters) - Northwind Motion Corp ( NWM.N ) and Quillon Tool Works Inc ( QTW.N ) each topped "
        "profit estimates on Tuesday and lifted their outlooks.\n\n"
        "Northwind beat by a wide margin. Quillon's shares fell 5 percent.\n\n"
        'Though Quillon\'s numbers were uneven, "the bright spot was a pickup in its electronics unit," said '
        "Jane Roe, portfolio manager of the Ridgeline 100 fund, which owns Quillon."
    )
    got = rows_of(text, title="Northwind, Quillon point to sturdier factory demand")
    assert [(n, c) for n, c, _, _ in got] == [("Jane Roe", "Quillon")]  # (the headline's short name)


def test_a_company_coordinated_with_another_before_its_results_verb_reports():
    """ "Harbor and Ridgeline, which ..., are expected to report robust quarterly earnings": Harbor's results are
    part of the preview, so the analyst's remark that names Harbor speaks to Harbor, not to the lead."""
    text = (
        "TOKYO (Reuters) - Floods that idled plants will leave Northwind Motor ( 7299.T ) with its weakest "
        "quarter in years, analysts say.\n\n"
        "Harbor Motor ( 005399.KS ) and Ridgeline ( 000299.KS ), which between them sell more cars than any rival "
        "outside Japan, are expected to report robust quarterly earnings on strong exports. "
        '"Harbor will gain more from the floods as it has more models that compete with theirs," said Jane Roe, '
        "an analyst at Quillon Securities."
    )
    got = rows_of(text, title="Floods to dent Asian carmakers' quarter", published=dt.date(2011, 7, 25))
    assert [(n, c) for n, c, _, _ in got] == [("Jane Roe", "Harbor Motor")]


def test_an_executive_of_a_company_that_said_its_profit_rose_speaks_to_it():
    """In a story led by Northwind's results, "Quillon, for its part, said its operating profit hit a record"
    reports Quillon's own results: its director's words are Quillon's, not Northwind's."""
    text = (
        "TOKYO (Reuters) - Northwind Corp ( 6799.T ) reported a 25 percent climb in quarterly net profit on "
        "Thursday.\n\n"
        "Quillon, for its part, said its operating profit hit a record in the October-December period. "
        '"That figure is a floor for the year, and we aim higher still," Quillon director Sam Poe told reporters.'
    )
    registry = {"Quillon Electric": {"ticker": "6798.T", "aliases": ["Quillon"]}}
    got = rows_of(
        text, title="Northwind profit climbs, trims outlook", companies=registry, published=dt.date(2008, 1, 31)
    )
    assert [(n, c, r) for n, c, _, r in got] == [("Sam Poe", "Quillon Electric", "executive")]


def test_a_company_named_before_its_officers_title_opens_the_lede():
    """The web's "Quillon Foods CFO Jane Roe on Thursday hinted at ..." names the company the registry does not
    know and no suffix or code marks: taken from the text when the headline names it too."""
    text = (
        "Quillon Foods CFO Jane Roe on Thursday hinted at further price increases.\n"
        'Roe said on the fourth-quarter earnings call that higher prices "remain on the table for the spring."'
    )
    primary = primary_of(text, title="Quillon Foods CFO hints at more price hikes", companies=KNOWN)
    assert primary is not None and (primary.name, primary.ticker) == ("Quillon Foods", None)
    # not a name the headline leaves out (a person's employer named only in passing)
    assert primary_of(text, title="Snack makers weigh price hikes", companies=KNOWN) is None


@pytest.mark.parametrize(
    "intro",
    [
        "said Jo Fay, a director at Ridgeline Ratings in London.",
        "Quillon Ratings Managing Director Jo Fay said.",
    ],
)
def test_a_rating_agencys_people_are_analysts(intro):
    """The guide's analysts include those who comment on a company for a research firm: a credit rating agency's
    director is one, never an officer of the company (a "managing director" title alone read as one)."""
    text = (
        "CHICAGO (Reuters) - Harbor Bank Corp ( HBC.N ) trimmed its second-quarter loss, the bank said on Tuesday.\n\n"
        f'"Capital is still thin for a bank this size," {intro}'
    )
    assert rows_of(text, title="Harbor Bank loss narrows") == [("Jo Fay", "Harbor Bank", "HBC", "analyst")]


def test_a_unit_named_by_the_companys_initials_is_the_companys():
    """ "chief executive of NP Capital" in a story on Northwind Pumps: NP are its initials, so he runs its finance
    arm (an executive), not an investment firm ("Capital" alone read him as an investor)."""
    text = (
        "NEW YORK (Reuters) - Northwind Pumps Inc ( NWP.N ) said on Thursday its finance arm would stay profitable.\n\n"
        '"We are closer to the base case than we feared," Sam Poe, chief executive of NP Capital, told analysts.'
    )
    assert rows_of(text, title="Northwind Pumps finance arm to stay profitable") == [
        ("Sam Poe", "Northwind Pumps", "NWP", "executive")
    ]


def test_the_companys_chief_named_by_a_bare_title_stays_an_executive():
    """ "Chief Executive Sam Poe, who built its investment bank ..." names the company's own chief: what the
    relative clause tells of his career ("investment") makes no investor of him."""
    text = (
        "LONDON (Reuters) - Harbor Bank PLC ( HBR.L ) said first-half profit fell by a third on Tuesday.\n\n"
        "Chief Executive Sam Poe, the banker who built investment banking unit Tidewater Markets into a force, said "
        "more jobs "
        'would go. "We will keep cutting where the returns are thin," Poe said.'
    )
    assert rows_of(text, title="Harbor Bank profit falls") == [("Sam Poe", "Harbor Bank", "HBR.L", "executive")]


def test_fund_words_before_a_dash_are_no_part_of_the_chiefs_title():
    """A dash opens another clause: "... whose assets under management -- grown after Chief Executive Sam Poe
    ..." titles Poe by "Chief Executive" alone, so the fund words before the dash make no investor (an analyst)
    of the company's own chief."""
    text = (
        "NEW YORK (Reuters) - Northwind Asset Holdings Inc ( NWAH.N ) on Tuesday gave a fourth-quarter profit up by "
        "half.\n\n"
        "The firm, whose assets under management -- grown after Chief Executive Sam Poe took over a rival's fund "
        "arm -- now top $2 trillion, earns more from fees. "
        '"New trading systems will eat much of this year\'s cash," Poe said.'
    )
    assert rows_of(text, title="Northwind Asset profit up by half") == [
        ("Sam Poe", "Northwind Asset", "NWAH", "executive")
    ]


def test_two_analysts_named_under_one_plural_title_speak_as_the_first_named_analyst():
    """ "Ridgeline analysts Jo Fay and Sam Poe wrote": one quote of two people is the first named's, and the plural
    title before the names is theirs (not an audience, as in "told analysts")."""
    text = (
        "TOKYO (Reuters) - Quillon Games Co ( 7999.T ) shares rose after its third-quarter profit doubled.\n\n"
        '"Holiday demand for the new console ran well ahead of our model," Ridgeline analysts Jo Fay and Sam Poe '
        "wrote, lifting their price target."
    )
    assert rows_of(text, title="Quillon Games shares jump", published=dt.date(2008, 1, 25)) == [
        ("Jo Fay", "Quillon Games", "7999.T", "analyst")
    ]


def test_analysts_an_officer_speaks_to_are_no_title_of_his():
    """ "..., its finance chief said on a call for analysts": an audience after the title, not a plural title
    before two names."""
    text = (
        "TOKYO (Reuters) - Quillon Games Co ( 7999.T ) shares rose after its third-quarter profit doubled.\n\n"
        '"Holiday demand for the new console ran well ahead of our plan," Jo Fay, the company\'s finance head told '
        "a call for analysts."
    )
    assert rows_of(text, title="Quillon Games shares jump", published=dt.date(2008, 1, 25)) == [
        ("Jo Fay", "Quillon Games", "7999.T", "executive")
    ]


@pytest.mark.parametrize(
    ("verb", "role"),
    [
        ("Jo Fay and Sam Poe wrote in their client note", "analyst"),
        ("Jo Fay said Tuesday in a research note", "analyst"),
        ("Jo Fay wrote in a note to staff", "executive"),  # a note to employees is an officer's
        ("Jo Fay said", "executive"),
    ],
)
def test_a_quote_from_a_note_is_an_analysts(verb, role):
    """A person the article gives no title, quoted from a note (to clients, a research note): the wire's way of
    quoting a broker's analysts, for every quote of that person."""
    text = (
        "BOSTON (Reuters) - Harbor Trust Corp ( HBT.N ) expects second-quarter profit above forecasts, it told "
        "investors on Wednesday.\n\n"
        '"Fee income keeps climbing at a steady clip," Jo Fay said.\n\n'
        f'"We see room for the stock to run further from here," {verb}.'
    )
    assert rows_of(text, title="Harbor Trust sees profit above forecasts", published=dt.date(2010, 7, 7)) == [
        ("Jo Fay", "Harbor Trust", "HBT", role),
        ("Jo Fay", "Harbor Trust", "HBT", role),
    ]


def test_a_short_seller_with_a_position_in_the_company_is_an_analyst():
    """A fund manager's position in the company ("a short position in Northwind") names the company but makes him
    no officer of it: an investor, so an analyst."""
    text = (
        "TORONTO (Reuters) - Northwind Devices Inc ( NWD.O ) shares fell after its results on Friday.\n\n"
        '"It will lag for some time yet," said Sam Poe, who co-manages a bear fund and had a short position in '
        "Northwind before the results."
    )
    assert rows_of(text, title="Northwind shares slide") == [("Sam Poe", "Northwind", "NWD", "analyst")]


def test_a_managing_director_at_a_securities_firm_with_an_ampersand_is_an_analyst():
    """ "managing director at Roe & Poe Securities, who follows Northwind": the firm's whole name (not "Roe & Poe"
    cut at its last word) makes it a broker, so she is an analyst, not an executive."""
    text = (
        "MEMPHIS (Reuters) - Northwind Freight Corp ( NWF.N ) earned less in its quarter, it said on Thursday.\n\n"
        "Jo Fay, managing director at Roe & Poe Securities, who follows Northwind, said rates were firming. "
        '"Two rivals raised prices last month," Fay said.'
    )
    assert rows_of(text, title="Northwind profit falls") == [("Jo Fay", "Northwind", "NWF", "analyst")]


def test_a_joint_venture_printed_with_its_parents_codes_is_unlisted():
    """ "Quill Harbor ( QUI.N ) ( HAR.L )": a venture named by its two parents, each code naming one of them; the
    guide's company is the venture, which is not listed (no ticker), not the parent whose code comes first."""
    text = (
        "STOCKHOLM (Reuters) - Quill Harbor ( QUI.N ) ( HAR.L ) ended its fourth quarter in the red, a poor "
        "start for Quill as its new sole owner.\n\n"
        '"The venture lost its way in smartphones," said Jo Fay, an analyst at Ridgeline Research.'
    )
    registry = {"Quill": {"ticker": "QUI"}, "Harbor": {"ticker": "HAR.L"}}
    assert rows_of(text, title="Quill Harbor slips to loss", companies=registry, published=dt.date(2012, 1, 19)) == [
        ("Jo Fay", "Quill Harbor", None, "analyst")
    ]


def test_the_chief_of_an_outside_firm_named_by_its_trade_is_other():
    """ "chief executive at turnaround specialists Roe Poe" runs another company: other, not an executive of
    the company whose results the story reports."""
    text = (
        "DETROIT (Reuters) - Northwind Motors Co ( NWM.N ) made money in its third quarter, it said on Wednesday.\n\n"
        '"It shows the turnaround is real," said Jo Fay, chief executive at turnaround specialists Roe Poe.'
    )
    assert rows_of(text, title="Northwind posts profit") == [("Jo Fay", "Northwind Motors", "NWM", "other")]


def test_an_outside_firms_chief_who_does_not_own_the_shares_is_an_investor():
    """ "co-chief executive at Quillon Holdings, which does not own Northwind shares": whether he holds them or
    not, he speaks as an investor, so an analyst (not another company's officer)."""
    text = (
        "NEW YORK (Reuters) - Northwind Bank Corp ( NWB.N ) said quarterly profit fell on Thursday.\n\n"
        '"Mortgage exposure has hurt them lately," said Sam Poe, co-chief executive at Quillon Holdings Inc., '
        "which does not own Northwind shares."
    )
    assert rows_of(text, title="Northwind profit falls") == [("Sam Poe", "Northwind Bank", "NWB", "analyst")]


def test_the_president_of_an_investment_firm_who_owns_the_shares_is_an_analyst():
    """ "president of investment firm Roe, Poe & Fay, who owns shares of Northwind": the trade the description
    gives makes the firm a money manager, and owning the company's shares makes him no officer of it."""
    text = (
        "HOUSTON (Reuters) - Northwind Oil Corp ( NWO.N ) lifted its earnings for the quarter, it said on Monday.\n\n"
        "Sam Poe, president of investment firm Roe, Poe & Fay, who owns shares of Northwind, said the results "
        'were strong. "There was little not to like today," Poe said.'
    )
    assert rows_of(text, title="Northwind profit rises") == [("Sam Poe", "Northwind", "NWO", "analyst")]


def test_names_with_in_the_and_a_possessive_before_a_generic_word_are_whole():
    """ "Jill in the Bag Inc JBG.N" is one name (not "Bag"), and so is "Papa Joe's International Inc", whose word
    after the possessive names no company (unlike "Sam Poe's Harbor Subs Inc", a person's company)."""
    text = (
        "SAN FRANCISCO (Reuters) - Northwind Burgers Inc NWB.N and other restaurant companies posted mixed results "
        "on Tuesday. Costs also weighed at sandwich chain Jill in the Bag Inc JBG.N and pizza company Papa Joe's "
        "International Inc ( PPJ.O ). "
        '"Given the hard commodity and consumer climate, our quarter was very encouraging," Papa Joe\'s Chief '
        "Executive Jo Fay said. "
        '"Beef and cheese cost us more than we planned for in the quarter," said Kim Soo, chief financial officer of '
        "Jill in the Bag."
    )
    rows = rows_of(text, title="Costs weigh on restaurant results")
    assert [(name, ticker) for _, name, ticker, _ in rows] == [
        ("Papa Joe's International", "PPJ"),
        ("Jill in the Bag", "JBG"),
    ]
    assert trim_lead("Sam Poe's Harbor Subs") == "Harbor Subs"


def test_officers_of_other_bodies_and_politicians_introduced_before_their_quotes_are_other():
    text = (
        "NEW YORK (Reuters) - Northwind Coffee Corp ( NWC.O ) posted a thinner quarterly profit on Tuesday.\n"
        '"We are making real progress," Chief Executive Jo Fay said.\n'
        "U.S. Sen. Ann Hale, a Vermont Democrat who sits on the agriculture committee, has criticised prices.\n"
        '"I expect answers before Congress returns," Hale said.\n'
        "Luis Mora, chief executive of Cafetal Sur, a Colombian exporter that sells beans to Northwind, said demand "
        'held up. "Our volumes this harvest match last season\'s," Mora said.\n'
        "Kim Lo, who runs the appliance business at a national electronics chain, agreed. "
        '"Shoppers are repairing rather than replacing," Lo said.'
    )
    assert [(who, role) for who, _, _, role in rows_of(text, title="Northwind profit falls")] == [
        ("Jo Fay", "executive"),
        ("Ann Hale", "other"),
        ("Luis Mora", "other"),
        ("Kim Lo", "other"),
    ]


def test_a_supplier_named_after_its_customer_in_the_headline_is_the_company():
    # the customer is named in the headline and the lede only to say who the supplier is; the supplier's chief
    # speaks for the supplier
    text = (
        "AUSTIN, Texas (Reuters) - Quillon Chips Inc ( QCH.O ), the chip designer that counts Harbor Phones Inc "
        "( HPH.O ) as its biggest customer, reported revenue above Wall Street expectations on Tuesday.\n"
        "Quarterly revenue climbed 7.2%.\n"
        '"Demand for our parts set a revenue record," Chief Executive Officer Jo Fay said.'
    )
    rows = rows_of(text, title="Harbor supplier Quillon Chips tops estimates")
    assert rows == [("Jo Fay", "Quillon Chips", "QCH", "executive")]


def test_a_round_ups_section_line_gives_its_executives_company():
    text = (
        "CHICAGO (Reuters) - Three carriers gave first-quarter numbers on Thursday.\n"
        "Harbor: Boeing sets the schedule\n"
        "Harbor Airlines ( HBA.N ) lost money in the first quarter.\n"
        "“Boeing’s delays have forced us to rework the schedule,” Chief Executive Jo Fay said.\n"
        "American: premium demand carries the quarter\n"
        "American Airlines Group ( AAL.O ) posted a narrower loss.\n"
        "“Demand for travel this summer looks strong,” Chief Executive Sam Poe said."
    )
    rows = rows_of(text, title="Harbor and American report results: Boeing delays, strong summer bookings")
    assert [(who, name) for who, name, _, _ in rows] == [
        ("Jo Fay", "Harbor Airlines"),
        ("Sam Poe", "American Airlines"),
    ]


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        (
            'Dave Ellery, a national officer at the union, said: "We will ballot our members if the talks fail."',
            "other",
        ),
        (
            '"Our members build the best turbines in the world, and they should not pay for this," said Wayne Kos, '
            "who leads the machinists' union at Quillon's Hartford plants.",
            "other",
        ),
        (
            '"Pilots are flying record amounts of overtime to hold this operation together," said Capt. Renee Holt, '
            "who chairs the Quillon chapter of the Flight Crews Association.",
            "other",
        ),
        (
            '"Consumers are still shopping online at a healthy clip," said Robert Lind, chief U.S. economist at '
            "Barrow National Bank in New York.",
            "analyst",
        ),
        (
            "“Since we put Quillon’s monitors on our cardiac wards, readmissions dropped by a third,” said Dr. Leah Mont, Chief "
            "Medical Officer at Riverbend Health System, which widened its Quillon contract this year.",
            "other",
        ),
        (
            "“We now see full-year sales above our earlier range,” said Omar Hadd, Co-Founder, President and Chief Financial Officer "
            "of Quillon.",
            "executive",
        ),
        # a union's numbered local, a government department whose name the title cuts short ("Labor")
        (
            '"Quillon can afford a contract that protects these jobs," said Rick Dunmore, president of IAM District '
            "751 in Seattle.",
            "other",
        ),
        (
            "“Thousands of families at Quillon are missing paychecks right now,” said Tom Brask, a deputy director "
            "at the Michigan Department of Labor and Economic Opportunity.",
            "other",
        ),
    ],
)
def test_roles_of_union_officers_economists_and_another_companys_officers(sentence, role):
    # a union's officer, a bank's economist whose title holds "U.S.", a customer's officer with a press release's
    # capitalised title are not the company's officers; "Co-Founder" opens no company name ("Hadd, Co")
    text = f"Quillon Health Technologies Inc swung to its best third quarter yet, it said on Tuesday.\n\n{sentence}"
    got = rows_of(text, companies={"Quillon Health Technologies": {"ticker": "QHT"}})
    assert [(c, r) for _, c, _, r in got] == [("Quillon Health Technologies", role)]


def test_an_officer_of_the_companys_unit_named_alone_stays_its_executive():
    text = (
        "Quillon Industries lifted fourth-quarter profit 8 percent on Tuesday.\n\nIts Harrow lifts unit led the "
        'gains. "Orders in China doubled," said Pedro Alva, president of Harrow.'
    )
    assert [r for *_, r in rows_of(text, companies={"Quillon Industries": {}})] == ["executive"]


def test_an_analyst_who_rates_a_company_still_speaks_to_it():
    text = (
        "SEATTLE (Reuters) - Quillon Soft Corp ( QSC.O ) and Northwind Retail Inc ( NWD.O ) both reported quarterly "
        "revenue above expectations on Thursday.\n\n"
        "QUILLON: BUSINESS BUYERS STEP UP\n\nQuillon's commercial arm did most of the work.\n\n"
        "NORTHWIND: SPENDING FOR THE HOLIDAYS\n\n"
        "Northwind, the online bookseller, lost $41 million in its third quarter.\n\n"
        '"Northwind is still pricing everybody else out of the cloud market, Quillon included," said Laura Pem, '
        "an analyst at Carver Street Research, who rates Northwind a buy."
    )
    got = rows_of(
        text, "Quillon, Northwind sales top forecasts", companies={"Quillon Soft": {}, "Northwind Retail": {}}
    )
    assert [(who, c) for who, c, *_ in got] == [("Laura Pem", "Northwind Retail")]


def test_a_company_whose_shares_open_the_lede_is_the_articles():
    # "Shares in Quillon fell ..." under a headline naming it: the company, though the registry does not know it
    doc = doc_until(
        "Shares in Quillon fell by a fifth on Tuesday after the brand warned that the hot summer would cut its "
        "profit.\n\n“This year began badly for us,” Chief Executive Ada Fay said.",
        "company",
        title="Quillon shares slump after profit warning",
        companies=set(),
    )
    assert [c.name if c else None for c in doc.companies] == ["Quillon"]

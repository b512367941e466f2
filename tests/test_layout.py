"""The layout component: paragraphs, sentences, datelines and the blocks that are not prose (hand-written texts)."""

import pytest

from conftest import doc_until
from earnings_events.pipeline import layout
from earnings_events.pipeline.document import BlockKind


def blocks(text: str) -> list[tuple[str, str]]:
    doc = doc_until(text, "scope")
    return [(b.kind.value, doc.text[b.start : b.end].strip()) for b in doc.blocks]


def lede(text: str) -> str:
    """The first sentence of the prose, as the layout stage finds it."""
    doc = doc_until(text, "scope")
    return doc.text[doc.lede[0] : doc.lede[1]]


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("\n \n\n NEW YORK  (Reuters) - Northwind Inc said profit rose.", "NEW YORK  (Reuters) -"),
        (
            "CHARLOTTE, North Carolina (Reuters) - Harbor Bank said profit rose.",
            "CHARLOTTE, North Carolina (Reuters) -",
        ),
        ("LONDON, Jan 23 (Reuters) - Quillon Tools said profit rose.", "LONDON, Jan 23 (Reuters) -"),
        ("(Reuters) - Quillon Tools said profit rose.", "(Reuters) -"),
        (
            "SAN JOSE, Calif., Jan. 25, 2018 /PRNewswire/ -- Northwind Inc reported results.",
            "SAN JOSE, Calif., Jan. 25, 2018 /PRNewswire/ --",
        ),
        ("DAYTON, Ohio — Northwind Inc. said Tuesday it expects sales to grow.", "DAYTON, Ohio —"),
        ("TOLEDO, Ore. — Harbor Bank said profit rose.", "TOLEDO, Ore. —"),
        ("GENEVA – Quillon Tools said profit rose.", "GENEVA –"),
        # a date after the place, and a spaced hyphen for the dash
        ("NEW YORK, Dec 10 — Northwind Corp. on Tuesday forecast sales growth.", "NEW YORK, Dec 10 —"),
        ("OSLO - Harbor Bank cut its outlook on Thursday.", "OSLO -"),
    ],
)
def test_datelines(text, dateline):
    doc = doc_until(text, "scope")
    assert doc.dateline is not None
    assert doc.text[doc.dateline.start : doc.dateline.end].strip() == dateline
    assert doc.text[doc.lede[0] :].startswith(("Northwind", "Harbor", "Quillon"))


def test_what_comes_before_the_dateline_is_not_prose():
    text = (
        "* Sales beat forecasts\n* Shares up 2 pct (Adds analyst comment)\nBy Jane Roe\n"
        "LONDON, Jan 10 (Reuters) - Quillon Tools said on Wednesday its profit rose."
    )
    doc = doc_until(text, "scope")
    assert doc.blocks[0].kind == BlockKind.BYLINE and doc.blocks[0].start == 0
    assert doc.text[doc.lede[0] : doc.lede[1]] == "Quillon Tools said on Wednesday its profit rose."


def test_web_furniture_line_is_a_byline():
    text = (
        "January 23, 2018 / 9:11 AM / Updated 11 minutes ago Quillon CEO upbeat Jane Roe 3 Min Read \n"
        "ZURICH, Jan 23 (Reuters) - Quillon Tools raised its forecast on Tuesday."
    )
    assert lede(text) == "Quillon Tools raised its forecast on Tuesday."


def test_a_web_pages_repeated_headline_byline_and_date_are_not_the_lede():
    text = (
        "Cold brew and hot rivals: inside Northwind's drinks push\n"
        "By Jo Fay, Staff reporter\n"
        "Jan. 31, 2024\n"
        "Northwind on Tuesday reported fiscal first-quarter sales that missed forecasts.\n"
        "The chain's revenue rose 6%."
    )
    assert lede(text) == "Northwind on Tuesday reported fiscal first-quarter sales that missed forecasts."


def test_inline_subhead_and_credit_line_are_blocks():
    text = (
        'NEW YORK (Reuters) - Northwind Inc said profit rose. "We are pleased," Jane Roe said. '
        "PROFIT TOPS STREET Northwind's sales rose 5 percent. (Reporting by Sam Poe; Editing by Kim Lo)"
    )
    assert ("subhead", "PROFIT TOPS STREET") in blocks(text)
    assert ("credit", "(Reporting by Sam Poe; Editing by Kim Lo)") in blocks(text)


@pytest.mark.parametrize(
    ("subhead", "after"),
    [
        ("A YEAR TO FORGET", "Northwind's sales fell."),  # a one-letter first word
        ("NO QUICK FIX", "Northwind's sales fell."),
        ("WHAT COMES NEXT?", "Northwind's sales fell."),  # a subhead that asks
        ("IS THE WORST OVER?", '"We think so," Poe said.'),
        # the copy runs the sentence's first word, a name in capitals, on from the subhead
        ("STRONG PHONES LIFT QUILLON", "QUILLON beat forecasts for its fourth-quarter results."),
    ],
)
def test_subheads_of_every_shape_are_blocks(subhead, after):
    text = f'NEW YORK (Reuters) - Northwind Inc said profit rose. "We are pleased," Jane Roe said. {subhead} {after}'
    assert ("subhead", subhead) in blocks(text)


def test_a_short_form_in_capitals_is_not_a_subhead():
    text = "NEW YORK (Reuters) - Northwind Inc said profit rose. U.S. sales rose. IBM said it was pleased."
    assert [k for k, _ in blocks(text) if k == "subhead"] == []


def test_instant_view_headings_are_speaker_blocks():
    text = (
        "NEW YORK (Reuters) - Northwind Inc beat forecasts. Following is reaction. "
        'NORTHWIND JANE ROE, ANALYST, RIDGELINE SECURITIES "The quarter was clean." '
        'SAM POE, PORTFOLIO MANAGER, HARBOR FUNDS "We like it."'
    )
    assert [t for k, t in blocks(text) if k == "speaker"] == [
        "NORTHWIND JANE ROE, ANALYST, RIDGELINE SECURITIES",
        "SAM POE, PORTFOLIO MANAGER, HARBOR FUNDS",
    ]


def test_hard_wrapped_wire_breaks_paragraphs_only_at_indents():
    wire = "Dean Widgets Co said profit\nrose in the quarter and\nsales were up.\n    The chairman said so.\n"
    web = "Northwind said profit rose.\nSales were up.\nThe chairman said so.\n"
    assert len(layout.paragraphs(wire)) == 2
    assert len(layout.paragraphs(web)) == 3


def test_sentences_do_not_end_after_abbreviations_or_initials():
    text = "Forecasts were logged at Thomson Reuters I/B/E/S. actual numbers beat them. J.R. Quillon Co. said it grew."
    doc = doc_until(text, "scope")
    got = [text[s.start : s.end] for s in doc.sentences]
    assert got == [
        "Forecasts were logged at Thomson Reuters I/B/E/S.",
        "actual numbers beat them.",
        "J.R. Quillon Co. said it grew.",
    ]


def test_an_instant_view_heading_may_end_with_a_semicolon():
    text = (
        'NEW YORK (Reuters) - Harbor Bank reported a profit. "The market is reacting positively." '
        'SAM POE, CHIEF INVESTMENT OFFICER OF POE ADVISORS LLC IN DAYTON, OH; "Nobody saw this coming."'
    )
    doc = doc_until(text, "scope")
    assert [text[b.start : b.end] for b in doc.blocks if b.kind == "speaker"] == [
        "SAM POE, CHIEF INVESTMENT OFFICER OF POE ADVISORS LLC IN DAYTON, OH"
    ]


def test_a_web_pages_takeaways_above_a_newspaper_dateline_are_not_prose():
    text = (
        "Main points\n\u2022 Sales up 4% in the half\n\u2022 Forecast raised\n"
        "BASEL, Switzerland — Quillon Tools raised its forecast on Thursday. Its shares rose."
    )
    assert lede(text) == "Quillon Tools raised its forecast on Thursday."


def test_mixed_case_heading_lines_of_web_text_are_subheads():
    text = (
        "Northwind Inc. reported results on Tuesday.\n"
        "What the Boss Said\n"
        "Chief Executive Jane Roe opened the call. She was upbeat.\n"
        "Q&A Highlights\n"
        "Analysts asked about costs.\n"
        "Revenue grew in every region\n"  # a line of prose that lost its full stop: no heading after it
        "and margins widened."
    )
    assert [t for k, t in blocks(text) if k == "subhead"] == ["What the Boss Said", "Q&A Highlights"]


def test_a_live_blogs_short_time_stamps_are_no_hard_wrapping():
    text = (
        "Last updated: 12:05 p.m. ET\nNorthwind Inc. beat forecasts on Thursday.\n11:20 a.m. ET\n"
        "Shares rose 2%.\n10:15 a.m. ET\nAnalysts were pleased.\n"
    )
    assert not layout.hard_wrapped(text)
    assert len(layout.paragraphs(text)) == 6


def test_a_company_in_capitals_with_its_code_is_no_subhead():
    text = (
        "Three lenders reported results this week.\nHARBOR BANK (HBK.TO)\nHarbor Bank said profit rose 9%.\n"
        "QUILLON (QLN.SW)\nThe Swiss bank's profit rose 14%."
    )
    assert [k for k, _ in blocks(text)] == []


def test_a_web_pages_section_label_headline_and_byline_line_are_not_the_lede():
    # a category line, the headline repeated, then "Name · date": none of them is prose, whatever order they come in
    text = (
        "Semiconductors\n"
        "Harbor supplier Quillon Chips tops estimates\n"
        "Jo Fay · February 5, 2025\n"
        "Feb 5, 2025 | 4:10 PM ET | Source: Quillon Chips Inc.\n"
        "Quillon Chips Inc reported fiscal third-quarter revenue above Wall Street expectations on Tuesday.\n"
        "Revenue rose 7%."
    )
    assert lede(text) == (
        "Quillon Chips Inc reported fiscal third-quarter revenue above Wall Street expectations on Tuesday."
    )
    # hard-wrapped wire copy keeps its first line, however short: a wrapped sentence is no page furniture
    wrapped = (
        "LONDON (Reuters) - Quillon Homes raised a warning flag on Wednesday, saying it\n"
        "might fall short of what analysts pencil in for profit while housing stays\n"
        "weak and plots of land keep losing value in Ohio as well as in Kent.\n"
    )
    assert lede(wrapped).startswith("Quillon Homes raised")


def test_a_round_ups_labelled_section_line_names_its_company_apart_from_its_theme():
    text = (
        "Two airlines reported quarterly results on Thursday.\n"
        "Harbor: Boeing sets the schedule\n"
        '"We are flying fewer seats," Chief Executive Jo Fay said.'
    )
    assert blocks(text) == [("company", "Harbor"), ("subhead", "Boeing sets the schedule")]


def test_an_instant_view_heading_ending_in_a_colon_on_its_own_line_is_a_speaker_heading():
    text = (
        "Northwind Bank posted a record quarter on Wednesday.\n"
        "COMMENTS:\n"
        "JANE ROE, CHIEF MARKET STRATEGIST, HARBOR BANK, NEW YORK:\n"
        '"Just the tonic this market craved."'
    )
    assert ("speaker", "JANE ROE, CHIEF MARKET STRATEGIST, HARBOR BANK, NEW YORK") in blocks(text)


def test_an_instant_view_heading_run_into_the_prose_and_ending_in_a_colon_is_a_speaker_heading():
    # (the text lost its line breaks: "NAME, FIRM:" between two quotes, the firm no title word)
    text = (
        'NEW YORK (Reuters) - Northwind Inc beat forecasts. "The quarter was clean." '
        'JANE ROE, QRX: "The handset margin looks fine to us, the networks side far less so."'
    )
    assert ("speaker", "JANE ROE, QRX") in blocks(text)


def test_a_printed_codes_one_letter_venue_ends_a_sentence_where_an_initial_does_not():
    text = (
        "NEW YORK (Reuters) - Northwind Inc said it would buy Quillon Corp QLN.N. Harbor, a maker of pumps whose "
        "fiscal year ends in June, rose. U.S. Steel fell. J.R. Roe spoke."
    )
    doc = doc_until(text, "scope")
    assert [text[s.start : s.end] for s in doc.sentences] == [
        "NEW YORK (Reuters) - Northwind Inc said it would buy Quillon Corp QLN.N.",
        "Harbor, a maker of pumps whose fiscal year ends in June, rose.",
        "U.S. Steel fell.",
        "J.R. Roe spoke.",
    ]


def test_a_photo_caption_and_a_standfirst_over_the_byline_are_not_the_lede():
    caption = (
        "Northwind's sales surge, lifting its forecast\n"
        "Jo Fay, chief executive of Northwind, speaks at a trade show in Taipei on June 3. (Photo by Sam Poe/Getty Images)\n"
        "By Kim Lo | kim.lo@example.com\n"
        "Northwind Inc. on Tuesday reported second-quarter revenue that topped estimates.\n"
        "Revenue rose 9% to $5.8 billion.\n"
        "Its data center unit more than doubled its sales.\n"
        "Shares rose 4% after the bell.\n"
        "The company will hold its analyst day in June."
    )
    assert lede(caption) == "Northwind Inc. on Tuesday reported second-quarter revenue that topped estimates."
    standfirst = (
        "Northwind beats on holiday quarter\n"
        "The chain's loyalty scheme keeps growing, yet the outlook for Asia has management hedging its bets.\n"
        "By Kim Lo - Jan 29, 2020 at 7:42AM\n"
        "Key Points\n"
        "• Sales rose 5%.\n"
        "Northwind (NASDAQ:NWND) reported a better quarter than expected on Tuesday evening.\n"
        "Sales rose in every region.\n"
        "The chain opened 500 stores.\n"
        "Its shares fell in late trading.\n"
    )
    assert lede(standfirst) == "Northwind (NASDAQ:NWND) reported a better quarter than expected on Tuesday evening."


def test_a_headline_repeated_over_web_furniture_and_a_dateline_is_not_prose():
    text = (
        "Northwind sees modest growth in 2025 at investor meeting\n"
        "Listen to this article · 5 min\n"
        "NEW YORK, Dec 10 — Northwind Corp. (NYSE:NWD) on Tuesday forecast sales growth for 2025.\n"
    )
    doc = doc_until(text, "scope", title="Northwind sees modest growth in 2025 at investor meeting")
    assert doc.text[doc.dateline.start : doc.dateline.end].strip() == "NEW YORK, Dec 10 —"
    assert doc.text[doc.lede[0] : doc.lede[1]].startswith("Northwind Corp. (NYSE:NWD) on Tuesday")


def test_a_web_pages_short_list_is_no_wrapping_and_an_image_credit_ends_a_caption():
    # paragraphs between blank lines, one short list of single lines: web text, not wire copy wrapped at 70
    # characters; the caption over the story, ending in "Image: ...", is no lede
    text = (
        "Northwind CEO Ada Fay shows the new handset in Austin on Sept. 7. “It is our best phone,” Fay said. "
        "Image: Northwind\n\n"
        "Northwind's fiscal fourth-quarter figures, out on Thursday, topped revenue estimates on strong "
        "sales of laptops, and its stock gained 3 percent.\n\n"
        "Here is how Northwind did against consensus estimates for the quarter:\n\n"
        "Earnings per share: $1.29 vs. $1.27 expected\nRevenue: $90.15 billion vs. $88.9 billion expected\n"
        "Laptop revenue: $11.51 billion vs. $9.29 billion expected\n\n"
        + "Sales of every product line grew, and no formal guidance was given for the next quarter. "
        * 12
    )
    assert not layout.hard_wrapped(text)
    assert lede(text).startswith("Northwind's fiscal fourth-quarter figures")

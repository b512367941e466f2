"""Quotation spans: every style the guide lists, with exact offsets."""

import pytest

from earnings_events.pipeline.quotes import find_spans


def statements(text: str) -> list[str]:
    spans = find_spans(text)
    for s in spans:
        assert text[s.start : s.end] == s.statement
    return [s.statement for s in spans]


def test_straight_and_curly_double_quotes_drop_the_handover_comma():
    text = '"Sales grew in every region," Lopez said. “We are hiring again,” she added.'
    assert statements(text) == ["Sales grew in every region", "We are hiring again"]


def test_sentence_final_punctuation_stays():
    assert statements('He said: "Margins will recover next year." Then he left.') == ["Margins will recover next year."]
    assert statements("“Can we do better? Yes!” she said.") == ["Can we do better? Yes!"]


def test_single_quotes_and_guillemets():
    text = "‘We have never had a better pipeline,’ Berg said. « Le marché reste difficile cette année », dit-il."
    assert statements(text) == ["We have never had a better pipeline", "Le marché reste difficile cette année"]
    text = "The chairman wrote that 'the plant will reopen in June' and left it there."
    assert statements(text) == ["the plant will reopen in June"]


def test_two_apostrophes_close_a_wire_quote():
    text = "Douglas said \"profits should improve slowly this year.'' He gave no figure."
    assert statements(text) == ["profits should improve slowly this year."]


def test_apostrophes_are_not_quotes():
    text = (
        "OPEC\"s output fell. Sales in the '90s were rock 'n' roll for the company's "
        "investors, and the firm's shares doubled."
    )
    assert statements(text) == []


def test_nested_quote_comma_is_kept():
    text = "\"Customers tell us 'we want it now,'\" the chief executive said."
    assert statements(text) == ["Customers tell us 'we want it now,'"]


def test_quote_over_two_paragraphs_is_one_span():
    text = '"We finished the year strongly.\n\n"Next year we will open forty stores," Reyes said.'
    spans = find_spans(text)
    assert len(spans) == 1
    assert spans[0].statement == 'We finished the year strongly.\n\n"Next year we will open forty stores'


def test_a_single_curly_quote_over_two_paragraphs_is_one_span():
    # the British way: the first paragraph ends a sentence with no closing mark, the next reopens with a single mark
    text = (
        "Jane Roe, who runs the group, said:\n\u2018It was a hard year. We had to cut the dividend.\n"
        "\u2018But the balance sheet is stronger now,\u2019 she said.\n"
        "\u2018Not every year,\u2019 he said of \u2018the plan\u2019.\n"
    )
    assert statements(text)[0] == (
        "It was a hard year. We had to cut the dividend.\n\u2018But the balance sheet is stronger now"
    )


def test_quote_over_paragraphs_whose_breaks_were_lost_is_one_span():
    # Instant-view pages often reach the corpus with a reaction's paragraphs run together on one line: each
    # paragraph still opens with a mark and only the last one closes. The guide reads that as one quote.
    text = (
        'COMMENTS: RUTH ALDER, ANALYST, MOSSGATE "Was it a weak quarter? Not really. '
        '"Margins held up better than we thought. "Nobody should expect a rebound before spring." '
        'The shares fell. "We are cautious, Alder said. "Orders will come back."'
    )
    assert statements(text) == [
        'Was it a weak quarter? Not really. "Margins held up better than we thought. '
        '"Nobody should expect a rebound before spring.',
        "We are cautious",  # a handover before the next mark: that quote lost its closing mark
        "Orders will come back.",
    ]


def test_wire_layout_keeps_hard_line_breaks_and_exact_offsets():
    text = (
        'Dean Widgets Co said first quarter profit rose.\n    "We expect\nthe second half to be\n'
        'better than the first," Chairman Hal Brice told analysts.\n    Reuter'
    )
    spans = find_spans(text)
    assert [s.statement for s in spans] == ["We expect\nthe second half to be\nbetter than the first"]
    assert text[spans[0].start : spans[0].end] == spans[0].statement


def test_space_after_opening_mark_is_trimmed():
    assert statements('he added," I can say we are off to a good start."') == ["I can say we are off to a good start."]


def test_missing_closing_mark_ends_before_the_attribution():
    text = (
        '"For the short term the key word is patience, Vice President Ann Lee said. '
        '"When rates fall, we will grow," she said.'
    )
    assert statements(text) == ["For the short term the key word is patience", "When rates fall, we will grow"]


def test_missing_closing_mark_ends_with_the_paragraph():
    text = '"We are not done yet\n\nThe shares fell.'
    spans = find_spans(text)
    assert [s.statement for s in spans] == ["We are not done yet"]
    assert spans[0].closed is False


def test_straight_quote_without_comma_before_it():
    assert statements('Graff said "we invested heavily in the new plant" last year.') == [
        "we invested heavily in the new plant"
    ]


def test_quote_that_runs_into_the_reporters_words_ends_before_their_sentence():
    # The closing mark is lost and the next mark closes far away: the narrative in between is no one's quote.
    text = (
        'Demand is firm, said Hal Ortega of Brightline. "Customers know what they face and they will pay. '
        'Widget shares were up 2 percent, according to Reuters Estimates. Ortega said margins held." '
        "The company reports again in May."
    )
    assert statements(text) == ["Customers know what they face and they will pay."]
    text = '"We outspend every rival on marketing. He added that the budget is fixed for the year."'
    assert statements(text) == ["We outspend every rival on marketing."]
    # an instant view's quote over several paragraphs, an aside of the reporter's between them
    text = (
        'LENA VOSS, ANALYST, HARBOR FUNDS "It is a great quarter. "We also got a signal from the chip makers. They '
        'gave good commentary. He noted that both products are in a refresh cycle. "But where is the mobile plan?"'
    )
    assert (
        statements(text)[0]
        == 'It is a great quarter. "We also got a signal from the chip makers. They gave good commentary.'
    )


@pytest.mark.parametrize(
    "narrative",
    [
        # the company's figures in the third person, then the consensus the wire cites
        "Quillon forecast a third-quarter profit of 44 to 48 cents. Analysts had expected 41 cents, according to "
        "Reuters data.",
        # the market's verdict, then the reporter's background
        "Shares of Quillon rose 4 percent in late trade. The company, based in Ohio, reports again in January, "
        "according to Reuters data.",
    ],
)
def test_a_lost_closing_mark_stood_before_the_reporters_first_sentence(narrative):
    text = (
        '"Our buyers sign for years, not weeks," said Jane Roe, chief executive. "We keep winning because '
        f"those multi-year service deals keep adding volume. {narrative}"
    )
    assert statements(text)[-1] == "We keep winning because those multi-year service deals keep adding volume."


def test_span_that_opens_with_the_reporters_words_is_no_quote():
    # A closing mark read as an opening one: the "quote" starts with an attribution.
    text = 'Sales held up, Okafor said." Okafor said the unit is for sale and he said no more.'
    assert "Okafor said the unit is for sale and he said no more." not in statements(text)


def test_multi_paragraph_quote_without_narrative_stays_whole():
    text = 'LENA VOSS, ANALYST, HARBOR FUNDS "Margins look strong. Units beat. "Pricing of parts keeps falling."'
    assert statements(text) == ['Margins look strong. Units beat. "Pricing of parts keeps falling.']


def test_stray_closing_mark_after_a_sentence_opens_nothing():
    # '... he said." For the year ...': the mark closes nothing that opened; the quote after it is the next one
    text = (
        '"We will keep costs down," he said." For the year, the company earned $2 a share, according to '
        'Reuters Estimates. "Prices lag costs by a quarter," said Dana Wills, an analyst.'
    )
    assert statements(text) == ["We will keep costs down", "Prices lag costs by a quarter"]


def test_unclosed_quote_followed_by_its_attribution_and_narrative_ends_at_the_attribution():
    text = (
        '"This is temporary because we will not repeat the same losses again, Nakada said. Nomura announced last '
        'month a large exposure." The shares fell.'
    )
    assert statements(text) == ["This is temporary because we will not repeat the same losses again"]


def test_an_elided_word_opens_no_quote():
    # "'n" before a word is an elision; read as an opening mark it made a quote of the words up to the next mark
    text = (
        "The chain gained from the collapse of rival Pots 'n Pans. Its new stores, its 'best ever' openings, did well."
    )
    assert statements(text) == ["best ever"]


def test_unclosed_quote_ends_before_a_source_the_reporter_cites():
    """A quote whose closing mark never comes runs into the reporter's next sentence; "according to" a data
    firm is the reporter's, so the quote's words end with the sentence before it."""
    text = (
        '"Puts are low-cost insurance against a miss," Poe said. "Traders are buying calls before the report. '
        "Northwind call trading is double its normal pace, according to options data firm Quillon Lake. One "
        "buyer took 5,000 calls at the $23 strike, said Quillon Lake President Jane Roe."
    )
    assert statements(text) == [
        "Puts are low-cost insurance against a miss",
        "Traders are buying calls before the report.",
    ]


def test_unclosed_quote_keeps_the_speakers_own_according_to():
    """ "according to some" in the speaker's words names no source of the reporter's: the quote goes on."""
    text = (
        'JANE ROE, ANALYST: "The slowdown is spreading. While the worst may be over, according to some, demand is '
        "unlikely to recover this year."
    )
    assert statements(text) == [
        "The slowdown is spreading. While the worst may be over, according to some, demand is unlikely to recover "
        "this year."
    ]


def test_unclosed_quote_at_the_paragraphs_end_stops_where_the_reporters_figures_begin():
    """A closing mark lost in flattened wire text: the quote that never closes runs to the end of the paragraph,
    through the reporter's figures ("Net bookings ... dropped 6 percent") and a company described by its home
    town or its printed code; its words end with the sentence before the figures."""
    text = (
        '"Buyers are simply spending less," said Sam Poe of Ridgeline Securities. "Harbor now resembles any other '
        "discount store. Net bookings, leaving out travel, dropped 6 percent over the period. Registered members "
        "climbed 2 percent. Last spring the Lake Town-based retailer cautioned about a soft season. Its stock "
        "trades at a discount to Quillon Inc ( QLN.O ) on projected profit."
    )
    assert statements(text) == ["Buyers are simply spending less", "Harbor now resembles any other discount store."]


def test_unclosed_quote_ends_before_a_companys_word_in_the_third_person():
    """ "Northwind said on Tuesday that ..." is the reporter's, even when a later ", the company said" could pass
    for the quote's attribution."""
    text = (
        '"Refiners barely covered their costs twelve months back," said Sam Poe, an analyst at Ridgeline. '
        '"Margins have recovered sharply. Northwind said on Tuesday that its drilling income would beat the '
        "prior period. Storms shut two platforms as well, the company said. Shares of Quillon Inc ( QLN.N ) rose."
    )
    assert statements(text)[1] == "Margins have recovered sharply."


def test_continued_to_is_no_handover():
    """ "habits continued to be squeezed" is not "..., she continued": an unclosed quote does not end at its
    comma."""
    text = (
        '"We did well in a tough market," Chief Executive Jane Roe said. "On top of that, shopper habits continued '
        "to be squeezed by heavier duties and a slow economy. Revenue climbed 2.1 percent to $1.4 billion. Rival "
        "Quillon Inc ( QLN.N ) reported a bigger profit."
    )
    assert statements(text)[1] == (
        "On top of that, shopper habits continued to be squeezed by heavier duties and a slow economy."
    )


def test_an_unclosed_quote_ends_before_the_reporters_apposition():
    """A fragment that lost its closing mark, then the reporter's ", the group's second-largest market": the
    words end at the comma, in the middle of the sentence."""
    text = (
        "\u201dIt was a hard year,\u201c Jane Roe, the finance chief, said, pointing to \u201dweak demand at "
        "home and falling prices in Quillonia, the group\u2019s biggest market abroad.\n"
        "The new forecast also reflects higher costs."
    )
    assert statements(text) == ["It was a hard year", "weak demand at home and falling prices in Quillonia"]
    # the speaker's own "our biggest market" is not the reporter's
    own = "He said \"we lost ground in Quillonia, the company's biggest market, and we will win it back."
    assert statements(own) == ["we lost ground in Quillonia, the company's biggest market, and we will win it back."]


def test_a_short_quotation_nested_in_a_quote_with_the_same_marks_stays_inside_it():
    text = (
        'BROKER VIEW "Harbor stands to gain most from a 2010 upturn and from the "cloud shift" among its '
        'clients." "Demand looks firm."'
    )
    assert statements(text) == [
        'Harbor stands to gain most from a 2010 upturn and from the "cloud shift" among its clients.',
        "Demand looks firm.",
    ]
    # a stray mark before a short quotation whose sentence ends before the next quote opens: no nesting
    stray = 'worries about "Alt-A" loans, which sit in between" and "jumbo" loans once safe. "Demand fell," Poe said.'
    assert statements(stray)[-1] == "Demand fell"
    # an opening mark while a quote is open, with a sentence before it: the first quote lost its closing mark
    lost = 'Poe said: "Sales held up well. He then added "we see a soft spring for all of us," Poe said.'
    assert statements(lost)[0] == "Sales held up well. He then added"

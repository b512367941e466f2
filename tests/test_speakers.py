"""The speakers stage: who said each quote, on articles written for these tests."""

import pytest

from conftest import doc_until


def quotes(text: str, orgs: set[str] | None = None) -> list[tuple[str, str, str]]:
    doc = doc_until(text, "speakers", companies=orgs or {"Northwind", "Apple", "Tesla"})
    for a in doc.attributions:
        assert text[a.quote.start : a.quote.end] == a.quote.statement
    return [(a.quote.statement, a.person.name, a.role) for a in doc.attributions]


def test_attribution_after_the_quote_with_surname_resolution():
    text = (
        "Northwind Chief Executive Laura Chen said revenue rose 9%.\n\n"
        "“Our cloud business doubled this year,” Chen said."
    )
    assert quotes(text) == [("Our cloud business doubled this year", "Laura Chen", "executive")]


def test_said_name_with_appositive_title():
    text = "“We shipped more handsets than ever in Brazil,” said Teo Markham, Northwind’s chief executive."
    assert quotes(text) == [("We shipped more handsets than ever in Brazil", "Teo Markham", "executive")]


@pytest.mark.parametrize(
    "lead",
    [
        "Ostrander told analysts on the earnings call: ",
        "Ostrander said: ",
        "According to Vikram Ostrander, ",
        "Vikram Ostrander, the chief executive, told analysts ",
    ],
)
def test_attribution_before_the_quote(lead):
    text = f"Vikram Ostrander runs the company.\n\n{lead}“Orders for our mapping tools keep running past what we can ship.”"
    assert quotes(text) == [
        ("Orders for our mapping tools keep running past what we can ship.", "Vikram Ostrander", "executive")
    ]


def test_pronoun_and_continuation_quotes():
    text = (
        "Chief Financial Officer Nora Pike said costs were in line.\n\n"
        "“Our outlay on new kilns goes up again in the spring,” she told Reuters. "
        "“That sits fine with us.”\n\n"
        "“The second kiln hall opens on time.”"
    )
    assert quotes(text) == [
        ("Our outlay on new kilns goes up again in the spring", "Nora Pike", "executive"),
        ("That sits fine with us.", "Nora Pike", "executive"),
        ("The second kiln hall opens on time.", "Nora Pike", "executive"),
    ]


def test_sentence_cut_in_two_by_its_attribution_gives_two_rows():
    text = (
        "Chairman Hal Brice spoke to shareholders.\n\n"
        "“Eight weeks into the year,” he added, “the plan is running ahead of itself.”"
    )
    assert quotes(text) == [
        ("Eight weeks into the year", "Hal Brice", "executive"),
        ("the plan is running ahead of itself.", "Hal Brice", "executive"),
    ]


def test_fragment_in_reported_speech():
    text = (
        "Chairman Kevin Dunn spoke on Tuesday. He repeated an earlier projection that "
        'first-quarter earnings "will probably be off slightly" from last year.'
    )
    assert quotes(text) == [("will probably be off slightly", "Kevin Dunn", "executive")]


def test_short_quotes_and_organisations_and_unnamed_people_give_no_rows():
    text = (
        "Analysts called it a “show me” story.\n\n"
        "“We expect a better second half,” Northwind said in a statement.\n\n"
        "“The stock is too cheap to ignore now,” one analyst said.\n\n"
        "“Costs will stay high for a while,” a spokeswoman said."
    )
    assert quotes(text) == []


@pytest.mark.parametrize(
    "who",
    [
        "Paris brokerage Quillon Roe wrote in a note",  # a firm's trade right before its name
        "the investment bank Harbor Fay said",
        "Collins Stewart said",  # a broker whose name reads as a person's
    ],
)
def test_a_firm_named_like_a_person_speaks_no_row(who):
    text = f"Northwind booked a quarterly loss again.\n\n“The turnaround needs two more years at least,” {who}."
    assert quotes(text) == []


@pytest.mark.parametrize("described", ["Oslo-listed", "Lisbon-based", "state-owned", "Family-controlled"])
def test_a_company_described_by_its_listing_or_base_is_no_person(described):
    # the description and the name read like a person's two names; the company's words are no row
    text = (
        "Chief Executive Laura Chen said the merger had gone well. “We are ahead of plan,” Chen said.\n\n"
        f"{described.capitalize()} Northwind said its yearly profit doubled. “Prices of copper should hold firm "
        "through the next twelve months,” Northwind said.\n\n"
        "“A clean set of numbers again,” said Omar Haddad, an analyst at Ridgeline Securities."
    )
    assert [(n, r) for _, n, r in quotes(text)] == [("Laura Chen", "executive"), ("Omar Haddad", "analyst")]


@pytest.mark.parametrize("body", ["The union", "The ministry", "The regulator", "The board"])
def test_a_fragment_in_a_bodys_statement_is_not_handed_to_the_next_speaker(body):
    # a body speaks the fragment; the analyst named in the next sentence did not say it
    text = (
        "Northwind lifted its quarterly profit on Tuesday despite a strike at two plants.\n\n"
        f"{body} said, in a written statement, it was “glad the tone of the talks may change” and it would meet again "
        "next week. Ridgeline analyst Omar Haddad said the quarter was solid. “The hard part is the cost base,” "
        "Haddad added."
    )
    assert quotes(text) == [("The hard part is the cost base", "Omar Haddad", "analyst")]


def test_analyst_role_and_analyst_between_two_executive_quotes():
    text = (
        "Chief Executive Laura Chen opened the call.\n\n"
        "“Bookings were a record,” Chen said.\n\n"
        "“The quarter was cleaner than we feared,” said Omar Haddad, an analyst at Ridgeline Securities.\n\n"
        "“We will keep investing through the cycle,” Chen said."
    )
    assert quotes(text) == [
        ("Bookings were a record", "Laura Chen", "executive"),
        ("The quarter was cleaner than we feared", "Omar Haddad", "analyst"),
        ("We will keep investing through the cycle", "Laura Chen", "executive"),
    ]


def test_honorifics():
    text = (
        "Lord Penmore, the chairman, addressed the meeting.\n\n"
        "“This year should leave us better off than the last one,” Lord Penmore said.\n\n"
        "“Our new drug is selling well in Europe,” said Dr. Priya Raman, head of research."
    )
    got = quotes(text)
    assert [(s, n) for s, n, _ in got] == [
        ("This year should leave us better off than the last one", "Lord Penmore"),
        ("Our new drug is selling well in Europe", "Priya Raman"),
    ]


def test_speaker_named_in_the_next_sentence():
    text = (
        "Northwind's shares rose 5% on Thursday.\n\n"
        "“We beat every target we set for the quarter.” That was the verdict of Chief Executive Laura Chen."
    )
    assert quotes(text) == [("We beat every target we set for the quarter.", "Laura Chen", "executive")]


def test_company_said_blocks_continuation():
    text = (
        "“Orders are very strong,” Chief Executive Laura Chen said.\n\n"
        "“Supply will remain tight until June,” the company said."
    )
    assert quotes(text) == [("Orders are very strong", "Laura Chen", "executive")]


def test_the_title_said_resolves_to_the_holder_of_that_title():
    text = (
        "Northwind chairman Hal Brice spoke to analysts on Monday.\n\n"
        "“We paid a temporary price for the restructuring,” the Northwind chairman said.\n\n"
        "“Margins will be better this year,” the company said."
    )
    assert quotes(text) == [("We paid a temporary price for the restructuring", "Hal Brice", "executive")]


def test_name_and_title_without_a_verb():
    text = (
        "Northwind said profit rose.\n\n"
        "“Based on the first nine months, we expect a record year,” Anthony J.F. Ross, Northwind’s chairman."
    )
    assert quotes(text) == [
        ("Based on the first nine months, we expect a record year", "Anthony J.F. Ross", "executive")
    ]


def test_quoted_titles_and_product_names_are_not_rows():
    text = (
        "Chief Executive Laura Chen said sales of “Copilot for Northwind 365” doubled.\n\n"
        "“Our new assistant is the fastest growing product we have,” Chen said."
    )
    assert quotes(text) == [("Our new assistant is the fastest growing product we have", "Laura Chen", "executive")]


@pytest.mark.parametrize(
    "title",
    [
        "Harbor Lights and the Secret of the Lighthouse.",  # a film whose sentence ends with it
        "Northwind Racers -- Return of the Kart",
        "Expect More. Pay Less.",  # a slogan in title case
    ],
)
def test_titles_of_works_ending_their_sentence_are_not_rows(title):
    text = (
        f"Analyst Sam Poe said the quarter was helped by \u201c{title}\u201d\n\n"
        "\u201cThe film slate next year looks much thinner than this one,\u201d Poe said."
    )
    assert [q for q, _, _ in quotes(text)] == ["The film slate next year looks much thinner than this one"]


def test_a_quoted_subhead_in_capitals_is_not_a_row():
    text = (
        "Chief Executive Jane Roe said the year had started well.\n\n\u201cFIRING ON ALL CYLINDERS\u201d\n\n"
        "\u201cEvery one of our regions grew this quarter,\u201d Roe said."
    )
    assert [q for q, _, _ in quotes(text)] == ["Every one of our regions grew this quarter"]


def test_surname_with_a_lower_case_particle():
    text = (
        "Brouwerij Noord NV raised its dividend after a record year.\n\n"
        "Chief Executive Maarten van der Laan said exports to Asia doubled.\n\n"
        "“We have the capacity, but distribution is what decides the year,” van der Laan said, adding that "
        "prices would rise.\n\n"
        "“The question is how fast, not whether,” said Ana de la Cruz, an analyst at Harbor Ridge Securities."
    )
    assert quotes(text, {"Brouwerij Noord"}) == [
        ("We have the capacity, but distribution is what decides the year", "Maarten van der Laan", "executive"),
        ("The question is how fast, not whether", "Ana de la Cruz", "analyst"),
    ]


def test_speech_verb_coordinated_with_another_verb():
    text = (
        "Quillon Tools Inc reported higher profit.\n"
        "    Olsen declined to predict full-year results, but\n"
        'said, "We expect a very strong year." Quillon earned 3 mln dlrs in 1986.\n'
    )
    assert quotes(text, {"Quillon Tools"}) == [("We expect a very strong year.", "Olsen", "executive")]


def test_fragment_after_a_scare_quote_in_the_same_sentence():
    text = (
        "Quillon Tools Inc reported higher profit.\n"
        "    Chief Executive Marta Olsen spoke to analysts.\n"
        "    Asked if the pump unit is for sale, Olsen\n"
        'said it is a "touchy subject", and "we\'re weighing all of the\nchoices."\n'
    )
    assert quotes(text, {"Quillon Tools"}) == [("we're weighing all of the\nchoices.", "Marta Olsen", "executive")]


def test_name_with_a_suffix_speaks_reported_speech():
    text = (
        "Quillon Tools Inc reported higher profit.\n"
        "    At the meeting, Quillon's\npresident Fred Lyons Jr. said Wall Street estimates of\n"
        '1.10 dlrs a share for fiscal 1987 "are likely to prove\nfar too low for the year."\n'
    )
    assert quotes(text, {"Quillon Tools"}) == [
        ("are likely to prove\nfar too low for the year.", "Fred Lyons Jr.", "executive")
    ]


def test_roles_from_the_firm_and_not_from_words_inside_a_company_name():
    text = (
        "Quarry Union Corp Ltd\nchairman Pieter Marais cautioned that profits may not rise.\n"
        '    "We would do well to match last year," Marais said.\n'
        '    "Orders were very strong in\nMarch," after a weak February, said Ulla Brandt of\n'
        "Boston-based Brandt and Associates.\n"
    )
    assert quotes(text, {"Quarry Union"}) == [
        ("We would do well to match last year", "Pieter Marais", "executive"),
        ("Orders were very strong in\nMarch", "Ulla Brandt", "analyst"),
    ]


def test_instant_view_headings_give_the_speaker_and_firm():
    text = (
        "NEW YORK (Reuters) - Northwind Inc beat forecasts and Quillon Inc missed. Following is reaction. "
        'NORTHWIND JANE ROE, ANALYST, RIDGELINE SECURITIES "The quarter was cleaner than we feared." '
        '"Guidance is conservative, as usual." '
        'QUILLON SAM POE, HARBOR RESEARCH "Revenue is still declining and nobody knows why. '
        'OMAR HADDAD, ANALYST, LAKESIDE CAPITAL "Overheads came in a touch lower than our model."'
    )
    assert quotes(text, {"Northwind", "Quillon"}) == [
        ("The quarter was cleaner than we feared.", "Jane Roe", "analyst"),
        ("Guidance is conservative, as usual.", "Jane Roe", "analyst"),
        ("Revenue is still declining and nobody knows why.", "Sam Poe", "analyst"),  # ends at the next heading
        ("Overheads came in a touch lower than our model.", "Omar Haddad", "analyst"),
    ]


def test_instant_view_headings_with_short_first_names_nicknames_figures_and_a_period():
    # headings run into the text after the quote before: a two-letter first name, a nickname in brackets, a
    # description with a figure, a period between the name and the title
    text = (
        "NEW YORK (Reuters) - Northwind Inc beat forecasts. Following is reaction.\n\n"
        'JANE ROE, ANALYST, RIDGELINE SECURITIES "The quarter was cleaner than we feared," '
        'ED POE, ANALYST, HARBOR EQUITY "The shares should get a small lift from this report." '
        'ROBERT (BOB) DALTON, CHIEF INVESTMENT OFFICER, ALDERWOOD TRUST "I could not find a weak line in it." '
        'SKIP LARDNER, PORTFOLIO MANAGER, LAKESIDE ASSET MANAGEMENT, WHICH RUNS $9 BILLION "Margins held up '
        'better than anyone thought." DEAN MARSH. ANALYST, QUARTERDECK & CO "Taken as a whole, a sturdy set of '
        'figures." LUC FONTAINE, BROKER AT HARBOR GLOBAL, IN HALIFAX: "We still cannot see very far ahead." '
        'MERRITT J. HALE, CO-MANAGER OF THE LAKESIDE GROWTH FUND, WHICH OWNS NORTHWIND SHARES: "My first read '
        'is that these figures hold up." GRANT OSBORNE, CO-MANAGER, U.S. HARBOR INVESTORS RESOURCES FUND, '
        'EL PASO, TEXAS "The top-line figure lets me down a bit." WALTER KNUDSEN, OPTIONS STRATEGIST, '
        'BROKERAGE FIRM vQUILLON INVESTMENTS "Northwind put its numbers out early, and they beat."'
    )
    assert [(n, r) for _, n, r in quotes(text, {"Northwind"})] == [
        ("Jane Roe", "analyst"),
        ("Ed Poe", "analyst"),
        ("Robert (Bob) Dalton", "analyst"),
        ("Skip Lardner", "analyst"),
        ("Dean Marsh", "analyst"),
        ("Luc Fontaine", "analyst"),
        ("Merritt J. Hale", "analyst"),
        ("Grant Osborne", "analyst"),
        ("Walter Knudsen", "analyst"),
    ]


def test_hyphenated_names_in_an_instant_view_heading_keep_the_case_names_are_written_in():
    text = (
        "SEOUL (Reuters) - Northwind Inc beat forecasts. Following is reaction.\n\n"
        'KARL-OTTO WEISSMULLER-BRANDT, ANALYST, RIDGELINE SECURITIES "The quarter was cleaner than we feared." '
        'PARK JI-HOON, ANALYST, HARBOR EQUITY "Margins held up better than anyone thought."'
    )
    assert [n for _, n, _ in quotes(text, {"Northwind"})] == ["Karl-Otto Weissmuller-Brandt", "Park Ji-hoon"]


@pytest.mark.parametrize("office", ["Enforcement", "Compliance", "Risk"])
def test_a_department_in_a_title_is_not_part_of_the_name(office):
    text = (
        "Northwind Corp slid into the red this quarter, it said on Tuesday.\n\n"
        f"“The write-down was larger than we planned for,” Director of {office} Jo W. Fay said in a statement."
    )
    assert [n for _, n, _ in quotes(text)] == ["Jo W. Fay"]


def test_a_label_before_an_instant_view_heading_is_not_part_of_the_name():
    text = (
        "NEW YORK (Reuters) - Northwind Inc beat forecasts. Following is reaction.\n\n"
        'Commentary: JANE ROE, ANALYST, RIDGELINE SECURITIES "The quarter was cleaner than we feared." '
        'SAM POE, HARBOR RESEARCH "Guidance looks conservative to me."'
    )
    assert quotes(text, {"Northwind"}) == [
        ("The quarter was cleaner than we feared.", "Jane Roe", "analyst"),
        ("Guidance looks conservative to me.", "Sam Poe", "analyst"),
    ]


def test_a_firms_possessive_is_not_part_of_the_name():
    text = (
        "Northwind Inc posted a first-quarter loss on Tuesday. "
        'Harbor Capital\'s Sam Poe wrote: "The margin story is still intact for now." '
        '"Guidance looks conservative to me," said Ridgeline Partners\' Omar Haddad.'
    )
    assert quotes(text, {"Northwind"}) == [
        ("The margin story is still intact for now.", "Sam Poe", "analyst"),
        ("Guidance looks conservative to me", "Omar Haddad", "analyst"),
    ]


def test_a_subhead_is_never_glued_to_a_name():
    text = (
        "Northwind chief executive Laura Chen spoke on Tuesday. WORKING TOGETHER Chen said sales rose. "
        '"Our partners are all in," Chen said.'
    )
    assert quotes(text) == [("Our partners are all in", "Laura Chen", "executive")]


def test_continuation_after_a_quote_that_ends_its_sentence():
    text = (
        '"Pork margins stayed thin well into the autumn," Chief Executive Lars Peabody said in a statement. '
        '"On top of that, the poultry side is still struggling." Executives said they were mapping a way back.'
    )
    assert [(s, n) for s, n, _ in quotes(text)] == [
        ("Pork margins stayed thin well into the autumn", "Lars Peabody"),
        ("On top of that, the poultry side is still struggling.", "Lars Peabody"),
    ]


def test_a_surname_shared_with_the_company():
    text = (
        "Wynnford Resorts Inc chief executive Steve Wynnford spoke. Del Amory, a portfolio manager at J. Alder "
        'Lowe, which holds Wynnford shares, said: "The casino arm is still in its infancy." '
        '"Our customer base has lots of room to grow," Wynnford said.'
    )
    assert [(s, n) for s, n, _ in quotes(text, {"Wynnford Resorts"})][-1] == (
        "Our customer base has lots of room to grow",
        "Steve Wynnford",
    )


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        (
            '"Their profits set a new high every quarter," Rep. Ed Marlow, a Vermont Democrat, said on Tuesday.',
            "Ed Marlow",
            "other",
        ),
        (
            '"Cable keeps winning the bundle fight," Cal Brennan analyst at Ridgeline Research said.',
            "Cal Brennan",
            "analyst",
        ),
        ('"Shops sat on too much stock a year ago," Rob Ferrand from Edward Jones said.', "Rob Ferrand", "analyst"),
        ('"Both lines came in above our own forecasts," said RBC analyst Lewis Bank.', "Lewis Bank", "analyst"),
    ],
)
def test_titles_and_firms_around_the_name(text, speaker, role):
    assert [(n, r) for _, n, r in quotes(text)] == [(speaker, role)]


def test_a_known_surname_after_a_common_noun():
    text = (
        "Chief Executive Carys Mayhew hosted the call.\n\n"
        '"Our banner ads have a lot more to give," a relaxed Mayhew said onscreen.'
    )
    assert quotes(text) == [("Our banner ads have a lot more to give", "Carys Mayhew", "executive")]


def test_curly_marks_printed_backwards_still_quote():
    text = "Chief Executive Bracken Darrow spoke.\n\n”It’s fun to be able to raise your guidance,“ Darrow said."
    assert quotes(text) == [("It’s fun to be able to raise your guidance", "Bracken Darrow", "executive")]


def test_a_subhead_in_capitals_before_a_company_is_not_a_speaker():
    """Flattened wire text runs a subhead into the next sentence ("LOOKING ABROAD UPX said ..."): no person is
    named "LOOKING ABROAD UPX" (whose surname would match every "UPX"), and "he said" is the analyst named before."""
    text = (
        '"These numbers are grim reading," said Edward Jones analyst Dale Orwin. But Orwin said UPX\'s cash '
        "pile gives it room. Denver-based UPX said revenue fell. Parking part of the UPX fleet early showed "
        'discipline, he added. "The balance sheet here is rock solid," he said. "When the weather turns, that is '
        'what counts." LOOKING ABROAD UPX said international margins held up.'
    )
    assert [(s, p) for s, p, _ in quotes(text)] == [
        ("These numbers are grim reading", "Dale Orwin"),
        ("The balance sheet here is rock solid", "Dale Orwin"),
        ("When the weather turns, that is what counts.", "Dale Orwin"),
    ]


def test_a_new_sentence_after_a_quote_is_not_its_attribution():
    """ "..." While Apple said on Monday that ...: a clause of its own, so the quote continues its speaker's."""
    text = (
        '"Demand looks firm to us," Rob Ahn, who runs investor relations at Northwind, told analysts. "With orders '
        'that firm, our advertising budget can stay small." While Apple said on Monday that its Brazil sales '
        "tripled, Northwind sells more phones there."
    )
    assert [p for _, p, _ in quotes(text)] == ["Rob Ahn", "Rob Ahn"]


def test_a_description_after_the_is_the_person_named_before():
    text = (
        'Chief Executive Weilin Zhao said prices fell. Zhao said the market would recover. "Pricing has stopped '
        'making sense and that keeps us careful," the Shanghai-born Canadian said.'
    )
    assert quotes(text) == [("Pricing has stopped making sense and that keeps us careful", "Weilin Zhao", "executive")]


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        ('"Lean wins in this business," said Quillon Ventures payments consultant Ed Garvey.', "Ed Garvey", "other"),
        (
            '"Northwind is setting itself apart," Standard & Poor\'s equity analyst Ezra Lamm said.',
            "Ezra Lamm",
            "analyst",
        ),
        (
            '"Costs keep on climbing," said Milan Desai, senior trader at Harbor Capital in Dublin.',
            "Milan Desai",
            "analyst",
        ),
    ],
)
def test_firm_descriptors_and_titles_before_the_name(text, speaker, role):
    assert [(p, r) for _, p, r in quotes(text)] == [(speaker, role)]


def test_a_title_belongs_to_its_own_clause():
    """ "..., an analyst with Morningstar Inc. Northwind Chief Financial Officer Derek Janssen said": the analyst
    title before the sentence break is Ellery's, not Janssen's."""
    text = (
        '"These losses are not small," said Mick Ellery, an analyst with Morningstar Inc. Northwind Chief Financial '
        'Officer Derek Janssen said most came from bond trades. "Only a handful got written off," said Janssen.'
    )
    assert [(p, r) for _, p, r in quotes(text)] == [("Mick Ellery", "analyst"), ("Derek Janssen", "executive")]


def test_a_possessive_full_name_gives_the_fullest_name():
    text = (
        "LINCOLN (Reuters) - Walt Brenner's Ashgrove Mercantile said profit fell. "
        '"The easy years are behind us," Brenner said in his yearly letter.'
    )
    assert quotes(text, {"Ashgrove Mercantile"}) == [("The easy years are behind us", "Walt Brenner", "executive")]


def test_an_outsider_named_with_a_firm_and_no_title_is_an_analyst():
    text = (
        "SEATTLE (Reuters) - Northwind beat profit estimates on Thursday. "
        '"The mood is so upbeat that nothing short of a miss could sink the shares," said QRS Financial\'s Farid Kassem.'
    )
    assert [(p, r) for _, p, r in quotes(text)] == [("Farid Kassem", "analyst")]


def test_flattened_instant_view_headings_with_firms_and_sections():
    """An instant view whose line breaks were lost: headings after a colon or a quote, a firm with "&", section
    labels ("COMMENTARY ON NORTHWIND:") before the name; the people asked for their reaction are market people."""
    text = (
        "NEW YORK (Reuters) - Northwind Corp beat forecasts. The following is reaction from investors: "
        'OSKAR LINDQVIST, PRESIDENT, ALDER CAPITAL, NEW YORK: "The bond desk did most of the beating." '
        'MARTIN HOLLIS, PRESIDENT OF HOLLIS & CO IN NEW YORK "Frankly, a blowout of a quarter." '
        'ADAM BRISCOE, ANALYST, JEFFERIES & CO. "Sales landed a shade above our own number." '
        '< COMMENTARY ON NORTHWIND: ANDY MERCER, ANALYST, EDWARD JONES "A respectable set of numbers."'
    )
    assert quotes(text) == [
        ("The bond desk did most of the beating.", "Oskar Lindqvist", "analyst"),
        ("Frankly, a blowout of a quarter.", "Martin Hollis", "analyst"),
        ("Sales landed a shade above our own number.", "Adam Briscoe", "analyst"),
        ("A respectable set of numbers.", "Andy Mercer", "analyst"),
    ]


def test_a_heading_naming_the_firm_after_of_and_one_after_a_misprinted_closing_mark():
    """ "JANE ROE OF QUILLON PARTNERS IN DENVER, COLORADO" is Jane Roe's heading; a heading after a quote closed by a single
    mark ('... autumn.\' SAM POE, ANALYST') still ends that quote, whose words end at their sentence."""
    text = (
        "NEW YORK (Reuters) - Northwind Corp beat forecasts. The following is reaction from investors: "
        'OTTO LIND, ANALYST, HARBOR SECURITIES "Margins held up. "The order book is the real surprise here." '
        'JANE ROE OF QUILLON PARTNERS IN DENVER, COLORADO "Cash flow was the weak spot this time around. "They will have '
        'it mended by the autumn.\' SAM POE, ANALYST, RIDGE RESEARCH "We see nothing to change our rating."'
    )
    assert quotes(text) == [
        ('Margins held up. "The order book is the real surprise here.', "Otto Lind", "analyst"),
        (
            'Cash flow was the weak spot this time around. "They will have it mended by the autumn.',
            "Jane Roe",
            "analyst",
        ),
        ("We see nothing to change our rating.", "Sam Poe", "analyst"),
    ]


def test_a_company_described_as_a_trader_is_not_a_person():
    """ "Wichita-based Northwind, ... a leading grain trader, reported": no person "Wichita-based Northwind"
    (whose surname would stand between a speaker's quotes), so the continuation keeps its speaker."""
    text = (
        "Wichita-based Northwind, among the biggest family-held firms and a leading grain trader, reported "
        'higher earnings. "We have a foot on every continent," Derek MacLaren, Northwind\'s chief operating officer, '
        'said in an interview. "With the dry summer, harvests shrank and prices climbed." Quarterly revenues rose.'
    )
    assert [p for _, p, _ in quotes(text)] == ["Derek MacLaren", "Derek MacLaren"]


def test_an_organisation_opening_the_next_sentence_is_not_the_attribution():
    text = (
        "Chief Executive Joel Spratling spoke on a call. "
        '"We run stock venues so that firms can raise money," Spratling said. "To my mind the trading that comes '
        'after a listing is neither useful nor lasting." PROFITS RISE UPX said it earned $88.6 million in the quarter.'
    )
    assert [p for _, p, _ in quotes(text)] == ["Joel Spratling", "Joel Spratling"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a long appositive holding commas, then the verb
        (
            "Charles Blake, president and chief executive officer of Quillon Oil and the new company, which will "
            'emphasize exploration and production, said, "Earnings will be better than in 1986."',
            "Charles Blake",
        ),
        # a title with no closing comma before the verb and its audience
        (
            'Paul E. Lake, senior executive vice president told the analysts "our plans do not call for a large '
            'acquisition."',
            "Paul E. Lake",
        ),
        # reported speech with figures before a quoted fragment
        (
            "Douglas Dane, Harbor Electric's chairman, said the company's sales growth target is about 8.5 pct a "
            'year for 1988 and 1989, "given an economic environment that remains on a moderate growth course."',
            "Douglas Dane",
        ),
    ],
)
def test_long_titles_and_long_reported_speech_before_the_quote(text, speaker):
    assert [s for _, s, _ in quotes(text)] == [speaker]


def test_a_time_or_a_phrase_before_the_subject_is_not_the_speaker():
    text = (
        "In March, Chief Financial Officer Chet Mayhall said Harbor had dropped its price caps to "
        '"keep the business earning money for years to come."'
    )
    assert [s for _, s, _ in quotes(text)] == ["Chet Mayhall"]


@pytest.mark.parametrize(
    ("attribution", "speaker"),
    [
        ("said Keefe, Bruyette & Woods analyst Bennett Yao.", "Bennett Yao"),
        ("said Fox-Alder, Kelso analyst Edwin Dittmer.", "Edwin Dittmer"),
    ],
)
def test_a_firm_whose_name_holds_a_comma_does_not_end_the_speakers_phrase(attribution, speaker):
    text = f'"Almost every lender is tied up with Harbor in some way by now," {attribution}'
    assert quotes(text) == [("Almost every lender is tied up with Harbor in some way by now", speaker, "analyst")]


def test_a_publishers_title_before_the_name_and_a_new_sentence_after_a_closed_quote():
    text = (
        '"Clever ads might shift sales within a couple of years," said Soda Trade Weekly publisher Jon Sickert. '
        '"Every bank is chasing that prize," Harbor Capital analyst Scott Vale said. But "banks have rarely '
        'managed to sell a second product to the same client." Lakeside analyst Michael Tane said the deal "fit '
        'the long-term plan."'
    )
    assert [(s, r) for _, s, r in quotes(text)] == [
        ("Jon Sickert", "other"),
        ("Scott Vale", "analyst"),
        ("Scott Vale", "analyst"),
        ("Michael Tane", "analyst"),
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a nickname in quotation marks is part of the fullest name, not a quotation
        (
            'Speaking at a forum on Thursday, Northwind Chief Executive Malcolm "Mack" Ulrich said the chain was '
            'gaining share.\n\n"Outlet stores away from the malls are holding up best right now," Ulrich said.',
            'Malcolm "Mack" Ulrich',
        ),
        # "CEO-elect" is a title
        (
            '"Payment volumes rose, and our margins held firm," Chief Operating Officer and CEO-elect '
            "Hakan Ersoy said.",
            "Hakan Ersoy",
        ),
        # capitalised title words before the name are not part of it
        (
            '"We had a strong quarter," said Northwind Chief Merchandising Officer Susan McGarry.',
            "Susan McGarry",
        ),
        # a full name only a quotation gives, after its title: still the fullest name the article gives
        (
            '"Investors are backing Northwind Chief Executive Marvin Sollis in a big way," said Donald '
            "Leight, an analyst with Quarry LLC.\n\nOn a call with investors on Monday, Sollis also said that "
            'Northwind had "put its trouble with regulators behind it."',
            "Marvin Sollis",
        ),
    ],
)
def test_nicknames_elect_titles_and_full_names_given_in_a_quotation(text, speaker):
    assert quotes(text)[-1][1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the speech verb nearest a quoted fragment governs it, not the company's earlier in the sentence
        (
            "NEW YORK (Reuters) - Northwind Corp posted lower profit. Northwind said it was cutting 2,150 jobs, "
            'which Ridgeline Research analyst Doug Fenwick said would "lift profit back up even if sales stay '
            'as flat as they are."',
            "Doug Fenwick",
        ),
        # a place before the verb ends a long appositive: the person it describes speaks, not "Tokyo"
        (
            "TOKYO (Reuters) - Northwind Corp posted a loss.\n\nHiroshi Kubota, general manager of equity "
            "investment at Meiji Widget Asset Management in Tokyo said Northwind had to make hard choices. "
            '"Without deep change, Northwind could struggle to earn anything at all."',
            "Hiroshi Kubota",
        ),
        # a firm's name with a slash before the title
        (
            'NEW YORK (Reuters) - Northwind Corp posted a loss. "Fixing this business will take them years '
            'yet," said Sunrise/Nolan Alpha Research analyst Michael Nolan.',
            "Michael Nolan",
        ),
    ],
)
def test_fragments_places_and_slashed_firms_around_the_speaker(text, speaker):
    assert [p for _, p, _ in quotes(text)] == [speaker]


@pytest.mark.parametrize("qualifier", ["retail", "aerospace", "independent"])
def test_a_qualifier_before_a_title_word_is_part_of_the_title(qualifier):
    # "said retail analyst Jo Park of Ridgeline Securities": the lower-case word before "analyst" is no reason to
    # drop the speaker
    text = f'"Margins are under a little pressure," said {qualifier} analyst Jo Park of Ridgeline Securities.'
    assert quotes(text) == [("Margins are under a little pressure", "Jo Park", "analyst")]


def test_an_attribution_with_a_two_part_appositive():
    # (not the speaker of the quote before, as the continuation rule would have it without an attribution)
    text = (
        "TOKYO (Reuters) - Northwind Corp expects a record loss. "
        '"We will cut costs further this year," Chief Financial Officer Fumio Eda said.\n\n'
        "Northwind aims to get back to an operating profit. "
        '"Whether Northwind recovers hangs on its main business," Masa Oda, general manager of the '
        "equity investment department at Harbor Trust Bank, Northwind's biggest shareholder, said in a written answer."
    )
    assert [n for _, n, _ in quotes(text, {"Northwind", "Harbor Trust Bank"})] == ["Fumio Eda", "Masa Oda"]


def test_reported_speech_after_a_quote_that_ends_its_sentence_does_not_claim_it():
    # "X said in a statement that ..." after a quote ending in a full stop is the next sentence's news: the quote
    # continues the speaker before it
    text = (
        "PITTSBURGH (Reuters) - Northwind Inc said profit halved. "
        '"To me this says rising prices are the real worry," said Piet Schaff, president of '
        'Lakeside Pacific Capital. "Costs keep climbing, and even firms that ought to gain are feeling the '
        "pinch.\" Northwind's Chief Executive Alan Belt said in a statement that demand in its markets is holding up."
    )
    assert [n for _, n, _ in quotes(text)] == ["Piet Schaff", "Piet Schaff"]


@pytest.mark.parametrize(
    "after",
    [
        'Fenwick, Bellamy, Rusk & Co. analyst Brent Butcher said Northwind "needs its pricing power back."',
        "Stamford, Connecticut-based Northwind, which held an analysts' day on Monday, forecast higher profit.",
        # a new sentence of reported speech ("X, president of ..., said at the summit that ...")
        "Stefan Ferris, president of home, office and small firm sales for Northwind, said at a trade "
        "conference in Seattle that the home margin will rise.",
    ],
)
def test_a_firms_list_of_names_or_a_place_after_a_quote_is_not_its_speaker(after):
    text = (
        "NEW YORK (Reuters) - Northwind Inc posted higher profit. "
        '"We got a few things wrong in Europe," Chief Executive Michael Dane said. '
        f'"Results should never have swung about that much. Frankly it makes me wince." {after}'
    )
    assert [n for _, n, _ in quotes(text)][:2] == ["Michael Dane", "Michael Dane"]


def test_a_data_set_a_firm_and_a_remark_in_brackets_are_not_parts_of_names():
    text = (
        "SEOUL (Reuters) - Northwind Corp looks on course for a record quarter.\n\n"
        '"Too much supply will eat into profit once more," said Rune Jessen, an Aarhus-based analyst at Fjord Bank, '
        "the only one of 31 analysts tracking Northwind who rates it a sell, according to Thomson Reuters I/B/E/S. "
        '"Margins suffer because there is simply too much on offer."\n\n'
        '"All told, they are simply running the business better than anyone else," RBC Capital Markets Nate Corwin '
        "said.\n\n"
        "CARL BRIGGS, HARBOR ASSET MANAGEMENT, MALVERN, PENNSYLVANIA (HOLDS NORTHWIND IN AN INCOME FUND) "
        '"Orders ran well ahead of shipments, which is nice to see."'
    )
    assert [n for _, n, _ in quotes(text)] == ["Rune Jessen", "Rune Jessen", "Nate Corwin", "Carl Briggs"]


def test_a_person_named_after_a_title_and_a_comma_ends_the_continuation():
    # the guide: a span inherits the speaker before it unless another name intervenes
    text = (
        "NEW YORK (Reuters) - Northwind Inc posted lower profit.\n\n"
        '"Cheaper prices should help them dig out of this profit slump," said Mark Sorel, an analyst '
        "at RBC Capital Markets. Another analyst, Imran Sethi of Quillon, said Northwind's discounting could "
        'point to strain across the sector. "They seem to be giving up a good deal of gross margin."'
    )
    assert [(n, r) for _, n, r in quotes(text)] == [("Mark Sorel", "analyst"), ("Imran Sethi", "analyst")]


def test_a_surname_that_is_also_an_honorific_and_a_political_title():
    text = (
        "Chief Executive Alvin Lord said at an investor event that losses would top out this year. "
        'Private loans are "doing fine, really quite fine," said Lord.'
    )
    assert [(q, n) for q, n, _ in quotes(text)] == [("doing fine, really quite fine", "Alvin Lord")]
    text = (
        '"Is turning a profit against the rules now?" Representative Paul Kenbrook, a senior Democrat on the '
        "panel, told reporters."
    )
    assert [n for _, n, _ in quotes(text)] == ["Paul Kenbrook"]


def test_said_before_a_clause_names_no_speaker():
    # "Bardo said Quillon Auto aimed to ...": reported speech whose subject is a company, not an inverted attribution
    text = (
        "Chief Executive Sergio Bardo said he would hand the running of Quillon Auto to a deputy in the spring. "
        '"We have plenty of able people in the group," he told investors. '
        "Bardo said Quillon Auto aimed to win a bigger slice of its markets."
    )
    assert [n for _, n, _ in quotes(text)] == ["Sergio Bardo"]


def test_a_fragment_the_company_says_is_no_ones_continuation():
    text = (
        '"Shoppers keep walking through our doors," Chief Executive Jeffery Rennick told investors. The company also '
        'said its house labels were selling briskly "while a weaker economy sends shoppers hunting for bargains."'
    )
    assert [n for _, n, _ in quotes(text)] == ["Jeffery Rennick"]


def test_an_instant_view_heading_with_a_connector_in_lower_case():
    # "ANALYST at QRT SECURITIES": the heading goes on past the lower-case "at"; its paragraphs are its speaker's
    text = (
        "NEW YORK (Reuters) - Northwind Inc beat forecasts. Following is reaction.\n\n"
        'JANE ROE, CHIEF INVESTMENT OFFICER AT HARBOR FUNDS "The lenders could hardly have asked for more." '
        'MIKE HOLT, ANALYST at QRT SECURITIES, NEW YORK "Solid figures, by the look of them." "Two banks have '
        'reported so far, and we can see where they land."'
    )
    assert [n for _, n, _ in quotes(text, {"Northwind"})] == ["Jane Roe", "Mike Holt", "Mike Holt"]


def test_a_name_never_starts_inside_a_word_in_capitals_nor_keeps_a_title():
    # "TABLET Pedro Rosales": the subhead's last letter is no initial; "Co-CEO", a title, and the wire's "Office"
    text = 'A SECOND TABLET Pedro Rosales, head of a gadget blog, said: "Anybody after one of these will buy it."'
    assert [n for _, n, _ in quotes(text)] == ["Pedro Rosales"]
    assert [n for _, n, _ in quotes('"The year is going to plan so far," Co-CEO Jim Ballard said.')] == ["Jim Ballard"]
    text = '"Demand was off the charts," Apple Chief Financial Office Peter Oppen told Reuters.'
    assert [n for _, n, _ in quotes(text)] == ["Peter Oppen"]


def test_a_fragment_an_organisation_speaks_is_no_ones():
    # "The company blamed", "Northwind cautioned": the organisation's words in the quote's own sentence
    text = (
        '"Volumes picked up as well," said Chief Executive Carlos Bravo. The company blamed "a soft economy and '
        'heavy discounting by rivals" for the miss. Northwind also cautioned that it sees "a '
        'tough market right through to December."'
    )
    assert [n for _, n, _ in quotes(text, {"Northwind"})] == ["Carlos Bravo"]


def test_a_heading_that_names_no_one_ends_the_continuation():
    # an instant view's "TRADER" or "HARBOR ANALYSTS" heading: the quote under it is no named person's
    text = (
        "Northwind Inc missed forecasts. Following is reaction. "
        'JANE ROE, ANALYST, RIDGELINE SECURITIES "The guidance cut is what is driving the stock down." '
        'TRADER "These numbers have spoiled the whole market today." '
        'OMAR HADDAD, LAKESIDE CAPITAL "It was weak across the board, weaker than we expected." '
        '"The first-half outlook looks poor." HARBOR SECURITIES ANALYSTS "We cut our target price to 12 '
        'dollars from 15."'
    )
    assert [(s[:12], n) for s, n, _ in quotes(text, {"Northwind"})] == [
        ("The guidance", "Jane Roe"),
        ("It was weak ", "Omar Haddad"),
        ("The first-ha", "Omar Haddad"),
    ]


def test_a_town_before_its_state_in_a_companys_description_is_no_speaker():
    # the continuation belongs to the spokeswoman, not to "Fremont, California-based Palmtop"
    text = (
        "Palmtop spokeswoman Marla Sousa would not name the carrier. "
        '"A carrier puts every handset through a long series of tests," Sousa said. "Each one must be tuned '
        'closely to its network."  Fremont, California-based Palmtop expects to post its figures for the quarter on '
        "December 12."
    )
    assert [(n, s) for s, n, _ in quotes(text, {"Palmtop"})] == [
        ("Marla Sousa", "A carrier puts every handset through a long series of tests"),
        ("Marla Sousa", "Each one must be tuned closely to its network."),
    ]


def test_a_hyphenated_east_asian_given_name_puts_the_family_name_first():
    # "Kwon Tae-hyun" is "Kwon" on second mention: the speaker's fullest name is the whole of it
    text = (
        "Finance chief Kwon Tae-hyun told reporters the company would be back in the black soon. "
        '"We are in no hurry to build more lines," Kwon said.'
    )
    assert [(n, s) for s, n, _ in quotes(text)] == [("Kwon Tae-hyun", "We are in no hurry to build more lines")]


def test_two_people_of_one_family_name_stay_two():
    # "Lee" opens both names: each keeps his quotes, and the first one's continuation is still his
    text = (
        '"The rebound will be led by memory," said Lee Jae-sung, a senior analyst at Hanbit Securities. '
        '"Handsets keep losing ground to rivals." \n\n'
        '"Chips supplied most of the beat," said Lee Hyun-woo, an analyst at Seoyang Securities.'
    )
    assert [(n, s) for s, n, _ in quotes(text)] == [
        ("Lee Jae-sung", "The rebound will be led by memory"),
        ("Lee Jae-sung", "Handsets keep losing ground to rivals."),
        ("Lee Hyun-woo", "Chips supplied most of the beat"),
    ]


def test_a_western_order_name_keeps_its_surname_beside_an_east_asian_one():
    # "Kim said" after "Kim Sang-wook" and "Jay Kim": the Western-order name keeps "Kim", as it did before family
    # names were read first
    text = (
        '"These figures impressed me a lot," said Kim Sang-wook, fund manager at Hanul Asset Management. \n\n'
        "Daesan Securities analyst Jay Kim expects prices to fall. \n\n"
        '"Prices will keep sliding through the spring," Kim said.'
    )
    assert [(n, s) for s, n, _ in quotes(text)] == [
        ("Kim Sang-wook", "These figures impressed me a lot"),
        ("Jay Kim", "Prices will keep sliding through the spring"),
    ]


def test_a_sentence_running_on_into_the_next_quote_is_not_the_previous_quotes_attribution():
    # the continuation stays the analyst's; the chief executive's sentence leads into his own quote
    text = (
        'Northwind\'s quarterly revenue fell. "Northwind is keeping a tight grip on spending," said Andy Marlow, '
        'analyst at Edgeworth Partners. "Northwind has no say over its sales in this market, so it is trimming '
        'costs." Chief Executive Sam Palmer said Northwind is "running early" on its plan to lift earnings.'
    )
    assert [(s[:20], who) for s, who, _ in quotes(text)] == [
        ("Northwind is keeping", "Andy Marlow"),
        ("Northwind has no say", "Andy Marlow"),
    ]


def test_instant_view_headings_after_a_company_with_its_suffix():
    text = (
        "NEW YORK (Reuters) - Northwind Corp and Harbor.com Inc beat forecasts. Following is reaction.\n\n"
        'COMMENTARY: NORTHWIND CORP ANDY MILLER, ANALYST, RIDGELINE SECURITIES "Make no mistake, these are good '
        'results." HARBOR.COM INC SCOTT TILL, ANALYST, HUDSON RESEARCH "Gross margin is what moves that stock."'
    )
    assert [(n, r) for _, n, r in quotes(text, {"Northwind", "Harbor.com"})] == [
        ("Andy Miller", "analyst"),
        ("Scott Till", "analyst"),
    ]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # a long title before the name
        (
            '"Everyone knows the autumn schedule was rough on the network," said Northwind Media Group President and '
            "Chief Operating Officer Chase Corliss on an investor call.",
            "Chase Corliss",
        ),
        # a firm's initials run together with its name
        ('"The buzz is about to come back," said J.P.Morgan Hardware Equity Analyst Mark Moser.', "Mark Moser"),
        # a firm's name with commas, another with "and" and a possessive, an institution "of" a place
        ('"Assets grew at a good clip," Keefe, Bruyette & Woods analyst Rick Hearn said.', "Rick Hearn"),
        (
            '"It tells you Northwind is playing it safe," said Standard and Poor\'s analyst Herb Saltman.',
            "Herb Saltman",
        ),
        (
            '"Northwind is trying everything it has," said University of Ballarat media analyst Andrea Carlow.',
            "Andrea Carlow",
        ),
        # a bank "of" a place before the analyst; a name before his title and fund; a comma after a name
        ('"A miss would be a buying chance for us," Bank of America analyst Michael Hecker wrote.', "Michael Hecker"),
        (
            '"Wireless plans simply cost less," said Ryan Jacoby chairman and chief investment officer of Jacoby '
            "Funds, which holds Northwind shares.",
            "Ryan Jacoby",
        ),
        (
            '"I see no spark in this market yet," said Yuki Sakamoto, CEO & president of Harbor Capital.',
            "Yuki Sakamoto",
        ),
        # a speech verb with a capital before the name
        ('"The stock has its worst days behind it," Said Derek Lam, manager of the Harbor Asia Fund.', "Derek Lam"),
    ],
)
def test_names_after_long_titles_and_typos(sentence, speaker):
    text = f"Northwind Inc posted a first-quarter loss on Tuesday. {sentence}"
    assert [n for _, n, _ in quotes(text, {"Northwind"})] == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        '"We believe the stock will trade at a discount," those at Ridgeline Bank said.',  # a firm's words
        '"We cut the outlook on weak demand," NW said.',  # the company's initials
        '"Conditions will erode," Moody\'s Investors Service said on Monday.',  # a rating agency
        '"The plan still holds up for investors," Bank of Ohio Merrow Lynch said.',  # a broker
        '"We see no pickup yet." Results were weighed down again by charges.',  # a sentence's subject
        # a company the lede describes by its trade
        '"Prices will stay strong," De Vries said in a statement.',
    ],
)
def test_an_organisations_words_are_no_row(sentence):
    text = (
        "De Vries, the world's largest gem miner, posted a loss on Tuesday. Northwind Widgets Inc cut its "
        f"forecast. {sentence}"
    )
    assert quotes(text, {"Ridgeline Bank", "Northwind Widgets"}) == []


@pytest.mark.parametrize(
    ("sentence", "speaker", "role"),
    [
        # a data set's last letter is no initial
        (
            "Revenue topped the $1.2 billion consensus, a figure drawn from Thomson Reuters I/B/E/S. Nigel Brandt, "
            'an analyst at Harbor Research, said: "The guidance is conservative."',
            "Nigel Brandt",
            "analyst",
        ),
        # an Arabic article joined to the family name, and the family name alone later
        (
            '"Our brokerage returned to profit," Chairman Majid al-Qassim said. "We see a better year," Qassim said.',
            "Majid al-Qassim",
            "executive",
        ),
        # a broker's name run into its analyst's: the firm is not the name, and makes him an analyst
        (
            'Wedbush Morgan Peter Lasko, who rates the stock "sell", said "the quarter was messy." Lasko said more.',
            "Peter Lasko",
            "analyst",
        ),
        (
            'The strategy makes sense, said Stifel Nicolaus Dana Rourke. "It was a sobering call," Rourke said.',
            "Dana Rourke",
            "analyst",
        ),
        # a month that is a first name, in apposition to a title
        (
            '"Subscribers were the surprise," said April Hollis, an analyst with Janco Partners.',
            "April Hollis",
            "analyst",
        ),
        # a Dutch particle of two words; a family name that reads as an article before a Korean given name
        (
            '"Demand is set to shrink again next year," Petercam analyst Joost van den Broeck said.',
            "Joost van den Broeck",
            "analyst",
        ),
        ('"Prices will rise again," said An Sung-jin, an analyst at Hannuri Securities.', "An Sung-jin", "analyst"),
        # a firm with commas and "and" before the analyst; two lower-case words before a title; a fund manager;
        # a firm's web address
        (
            '"Toy sales were well received," Sterne, Agee and Leach analyst Marla Whitby wrote.',
            "Marla Whitby",
            "analyst",
        ),
        (
            '"Missing the number hurt," said QTN Midwest business services analyst Kavya Menon.',
            "Kavya Menon",
            "analyst",
        ),
        (
            '"They got some big calls badly wrong," said QSD Gestion fund manager Jacques Gaudry.',
            "Jacques Gaudry",
            "analyst",
        ),
        ('"That is a green light for buyers," said TrueCar.com analyst Jesse Torres.', "Jesse Torres", "analyst"),
        # the firm after "at" is his, not his name
        (
            '"The crown jewel still shines," Philipp Hessler bank analyst at Equinet said.',
            "Philipp Hessler",
            "analyst",
        ),
        ('"The group still worries us," Bettina Hockney at brokerage Investec said.', "Bettina Hockney", "analyst"),
    ],
)
def test_names_beside_codes_firms_particles_titles_and_months(sentence, speaker, role):
    text = f"Northwind Inc posted a first-quarter loss on Tuesday. {sentence}"
    assert {(n, r) for _, n, r in quotes(text, {"Northwind"})} == {(speaker, role)}


@pytest.mark.parametrize(
    "sentence",
    [
        # a firm's people, a broker by its one-word name, a firm's name with commas and "and", a reinsurer, initials
        '"Even good operators will catch some flak," analysts at independent research firm Brightline said.',
        '"The big surprise was the larger dividend cut," said analysts at Normark.',
        '"Profits look well supported to us," Numis said in a note to clients.',
        '"Private banking is the best thing the group owns," Keefe, Bruyette and Woods wrote to clients.',
        'Rival Hamburg Re had no such exposure. "The value was cut sharply," Swiss Re said on Monday.',
        'Quillon told U.S. senators in a letter that "the breach was the work of skilled intruders."',
    ],
)
def test_a_firms_words_are_no_row(sentence):
    assert quotes(f"Northwind Inc lost money in the first three months. {sentence}", {"Northwind", "Quillon"}) == []


def test_a_quote_ending_its_sentence_is_not_attributed_to_the_next_sentences_subject():
    text = (
        "Chief Executive Tom Varga dismissed the criticism.\n\n"
        '"Nothing about this lending is risky," he told analysts. "It is plain high-street banking." Mark Durrant, '
        "banking analyst at Brewin Dolphin, said the profit warning in May had softened the blow.\n\n"
        '"They topped my numbers on every line," said QR Hambleton analyst Robert Stimson. "They are somewhat '
        'protected." Chief Financial Officer Safia Katz said during the call that Northwind grew fastest.'
    )
    assert [n for _, n, _ in quotes(text, {"Northwind"})] == [
        "Tom Varga",
        "Tom Varga",
        "Robert Stimson",
        "Robert Stimson",
    ]


def test_titles_and_firms_around_a_name_stay_out_of_it():
    text = (
        "Northwind Inc posted a first-quarter loss on Tuesday.\n\n"
        '"Demand is mostly out of their hands," said Kim Cawley at money manager Fort Ridge Capital Group. '
        '"A strong run of new models is on the way," she added.\n\n'
        '"Second-half costs are headed up," said food industry analyst Andrew Wolde at Sanford Bernstein.\n\n'
        "Analyst Martin Posser at brokerage Equinet said the figures looked weak. "
        '"The new bosses may be finding hidden upside," he said.'
    )
    assert [(n, r) for _, n, r in quotes(text, {"Northwind"})] == [
        ("Kim Cawley", "analyst"),
        ("Kim Cawley", "analyst"),
        ("Andrew Wolde", "analyst"),
        ("Martin Posser", "analyst"),
    ]


def test_the_nearest_speech_verb_and_clause_govern_a_quote():
    text = (
        "Northwind Inc posted a first-quarter loss on Tuesday.\n\n"
        '"Profits have to climb," said independent retail analyst Nick Bubbins, while Bettina Hockney at brokerage '
        'Investec said: "The group still worries us."\n\n'
        'Harbor\'s Rhian Tuckett said on Friday the company had "little room to grow next year" and Vontobel '
        "warned that prices could fall.\n\n"
        'Dan Nathanson said the shares could recover if Northwind can "beat the numbers and put the gossip to rest." '
        "Hedge fund manager Dave Einmann said in a note to his clients he had rebuilt the position."
    )
    assert [n for _, n, _ in quotes(text, {"Northwind"})] == [
        "Nick Bubbins",
        "Bettina Hockney",
        "Rhian Tuckett",
        "Dan Nathanson",
    ]


def test_a_fragment_before_a_companys_clause_belongs_to_the_sentences_closing_speaker():
    # 'After "a disastrous first quarter," Northwind hopes ..., Shatford said.': the company's clause is reported speech
    text = (
        "Northwind president Jerry Shatford said the company should turn profitable in its second quarter.\n\n"
        'After "a disastrous first quarter," Northwind hopes to break even in the current fiscal year, Shatford '
        "said. The company has scaled back its sales forecast."
    )
    assert quotes(text) == [("a disastrous first quarter", "Jerry Shatford", "executive")]


def test_a_speaker_introduced_by_a_relative_clause_is_the_next_pronouns():
    text = (
        "Northwind lifted its quarterly profit on Tuesday.\n\n"
        '"We had a strong quarter," Chief Executive Jane Roe said.\n\n'
        "Bill Motley, who manages $2 billion at Fenwick Capital and owns Northwind shares, said the results were "
        'mixed.\n\n"Margins will stay squeezed from here until December," he said.'
    )
    assert [(s, n) for s, n, _ in quotes(text)] == [
        ("We had a strong quarter", "Jane Roe"),
        ("Margins will stay squeezed from here until December", "Bill Motley"),
    ]


@pytest.mark.parametrize(
    "clause",
    ["who helps manage $7 billion at Fenwick Capital", "who follows retailers for Fenwick Research"],
)
def test_a_relative_clause_of_managing_money_or_covering_an_industry_makes_an_analyst(clause):
    text = (
        "Northwind lifted its quarterly profit on Tuesday.\n\n"
        f'Bill Motley, {clause}, said the results were mixed. "Margins will stay squeezed a while," he said.'
    )
    assert quotes(text) == [("Margins will stay squeezed a while", "Bill Motley", "analyst")]


def test_a_surname_attribution_the_scan_did_not_know_is_the_next_pronouns():
    # "Barta said" names someone the article gives by surname alone; "she said later" is Barta, not the finance
    # chief named before her
    text = (
        "Northwind gave analysts a whole day of presentations on Wednesday.\n\n"
        "Finance Chief Tom Marsh said the company aimed for margins of 18 percent within three years.\n\n"
        '"From today we set about earning back some regard," Barta said. "Look at us: a web firm in its '
        'teens that let itself turn dull," she said later.'
    )
    assert [(s[:20], n) for s, n, _ in quotes(text)] == [
        ("From today we set ab", "Barta"),
        ("Look at us: a web fi", "Barta"),
    ]


@pytest.mark.parametrize(
    "between",
    [
        "Laura Pugh, Northwind's senior vice president for investor matters, told Reuters demand softened.",
        "Pugh said the cuts could trim Northwind's pretax results by some $600 million.",
    ],
)
def test_a_company_named_like_a_person_is_no_mention_of_him(between):
    # "Northwind's senior vice president", "Northwind's pretax results": the company, not J.W. Northwind
    text = (
        'Chairman J.W. Northwind said the year started well. "We are positioned for growth," Northwind said.\n\n'
        f'Analyst Laura Pugh was cautious. {between} "The forecast has been set very carefully," she said.'
    )
    assert quotes(text)[-1][1] == "Laura Pugh"


def test_instant_view_headings_after_a_dash_separator_that_lost_its_line_breaks():
    text = (
        "TOKYO (Reuters) - Northwind Motor Corp lowered its outlook for the year on Monday. COMMENTARY: KENJI "
        'OGATA, CHIEF PORTFOLIO MANAGER, HARBOR SB INVESTMENTS "A terrible blow for every carmaker." - - - - '
        'FUMIO ANZAI, SENIOR MANAGING DIRECTOR, RIDGEBANK ASSET MANAGEMENT "Look how fast the car industry '
        'has gone downhill." - - - - KOTA ENOMOTO, AUTO ANALYST AT QUILLON SECURITIES "Northwind will probably '
        'lose money in the following year as well."'
    )
    assert [n for _, n, _ in quotes(text)] == ["Kenji Ogata", "Fumio Anzai", "Kota Enomoto"]


def test_a_pronoun_after_a_sentence_is_its_subject_not_the_name_after_a_preposition():
    text = (
        "Chief Executive Bob McDowell said the quarter was solid. Activist investor Bill Ackerly said last autumn he "
        "would give him time.\n\n"
        "McDowell would not say if he had talked to Ackerly recently, but said running the company was a privilege "
        'for him. "My whole attention is on the job in front of me," he said.'
    )
    assert quotes(text)[-1][1] == "Bob McDowell"


def test_a_name_inside_what_the_subject_said_is_no_antecedent_for_the_next_pronoun():
    # the pronoun continues the sentence's subject (Portmann), not the name inside his reported speech (Jensen)
    text = (
        "Chief Executive Tom Jensen said the quarter showed progress. Activist investor Will Portmann said last "
        "year he would give the company time.\n\n"
        'Portmann spoke about Harbor on television on Friday, saying that for a long stretch it "really did seem as '
        'if" Jensen was the wrong chief. He added, "if the company keeps up progress of this kind, I would like to '
        'see Tom make it work."'
    )
    assert quotes(text)[-1][1] == "Will Portmann"
    # a name after the subject that is no part of what the subject said stays the antecedent
    text = (
        "Chief Executive Tom Jensen said the quarter showed progress. Activist investor Will Portmann said last "
        "year he would give the company time.\n\n"
        'Portmann met Jensen on Friday. He said, "we talked about costs and about the plan for next year."'
    )
    assert quotes(text)[-1][1] == "Tom Jensen"
    # a name in a clause of its own after "but" is the antecedent, whatever the subject said before it
    text = (
        "Chief Executive Tom Jensen said the quarter showed progress. Builder analyst Rita Lott said last year "
        "that prices would fall.\n\n"
        "Jensen said demand would recover on prices that have fallen a lot, but Lott does not agree. "
        '"There is no job creation and no demand in sight," she said.'
    )
    assert quotes(text)[-1][1] == "Rita Lott"


def test_a_title_a_comma_and_the_name_make_the_person_a_later_pronoun_names():
    # "The company's Chief Executive, Dan Poe, said ...": Poe, not the company named before him ("Harbor Wireless
    # signed up ..." is a company by its trade word, never a person)
    text = (
        "Larger carriers did better. Harbor Wireless signed up 300,000 customers in the quarter.\n\n"
        "The company's Chief Executive, Dan Poe, said phone discounts would weigh on margins. "
        '"We would rather pay for handsets than lose the customers," he told reporters.'
    )
    assert quotes(text, {"Northwind"}) == [
        ("We would rather pay for handsets than lose the customers", "Dan Poe", "executive")
    ]


def test_an_instant_view_heading_naming_the_headline_company_or_a_release_keeps_its_executive():
    text = (
        "NEW YORK (Reuters) - Northwind Inc posted lower quarterly profit. Following is reaction.\n\n"
        'JANE ROE, ANALYST, RIDGELINE SECURITIES "The quarter was cleaner than we feared."\n\n'
        'SAM POE, NORTHWIND CHAIRMAN AND CEO, IN A RELEASE "Our tools unit had the best three months in its '
        'history."\n\n'
        'OMAR HADDAD, PRESIDENT, LAKESIDE CAPITAL "Costs were a little better."\n\n'
        'LI WEI, PRESIDENT OF A FUND MANAGER, AND AN OWNER OF NORTHWIND BONDS: "These figures look solid to me."\n\n'
        'COMMENTS ON QUILLON, NORTHWIND: ANA DIAZ, ANALYST, HARBOR RESEARCH "Both did well this quarter."'
    )
    doc = doc_until(text, "speakers", title="INSTANT VIEW: Northwind profit falls", companies={"Northwind", "Quillon"})
    assert [(a.person.name, a.role) for a in doc.attributions] == [
        ("Jane Roe", "analyst"),
        ("Sam Poe", "executive"),
        ("Omar Haddad", "analyst"),  # another firm's president, asked for his reaction
        ("Li Wei", "analyst"),  # the market's people name the company too: an owner of its bonds
        ("Ana Diaz", "analyst"),  # the name after a label's colon, though the label lists companies
    ]


def test_its_title_after_another_companys_name_is_the_subjects():
    # "... among them Northwind Electronics NV, its president, Gus Ober, told Reuters": Quillon's president
    text = (
        "Quillon Corp won four large clients in the quarter, among them Northwind Electronics NV ( NWE.AS ), its "
        "president, Gus Ober, told Reuters.\n\n"
        '"Our forecast went up, not down," Ober said.'
    )
    doc = doc_until(text, "company", title="Quillon results hold up", companies={"Quillon", "Northwind Electronics"})
    assert [(a.person.name, a.role, c.name) for a, c in zip(doc.attributions, doc.companies, strict=True)] == [
        ("Gus Ober", "executive", "Quillon")
    ]


def test_a_name_between_a_titles_commas_before_the_verb_speaks_the_fragment_that_follows():
    text = (
        "Ames was named chief executive in 2007, and took the chairman's seat two years on. Northwind's chief "
        "financial officer, Mara Lund, said fines would not change the buyback and that the bank "
        '"will keep its dividend where it is." Revenue fell.'
    )
    assert quotes(text) == [("will keep its dividend where it is.", "Mara Lund", "executive")]


def test_an_unclosed_quote_ends_where_a_name_and_title_hand_over():
    text = (
        "Northwind's profit beat forecasts.\n\n"
        '"What I look for in a quarter like this is volume and pricing, Jane Roe, analyst at Ridgeline '
        'Research, said. "Volume was certainly there."'
    )
    assert quotes(text) == [
        ("What I look for in a quarter like this is volume and pricing", "Jane Roe", "analyst"),
        ("Volume was certainly there.", "Jane Roe", "analyst"),
    ]


def test_a_pronoun_skips_a_name_in_a_relative_clause_on_the_subject():
    text = (
        "Chief Executive Sam Poe, who retires in June and leaves the job to Chief Operating Officer Jo Fay, said "
        'orders rose. "The order book for our trucks is the best in a decade," he told reporters.'
    )
    assert quotes(text) == [("The order book for our trucks is the best in a decade", "Sam Poe", "executive")]


def test_a_verb_after_a_quote_that_ends_its_sentence_introduces_the_next_quote():
    text = (
        '"Northwind has few choices left," said Sam Poe, an analyst at Harbor Ratings. '
        "Ridgeline analyst Jane Roe wrote that Northwind might need to sell its leasing arm as "
        '"the condition its banks set for a new loan." Poe, the Harbor analyst, added, "The leasing arm is what '
        'the lenders want."'
    )
    assert [(who, role) for _, who, role in quotes(text)] == [
        ("Sam Poe", "analyst"),
        ("Jane Roe", "analyst"),
        ("Sam Poe", "analyst"),
    ]


def test_instant_view_headings_in_mixed_case_with_initials_and_family_names_first():
    text = (
        "NEW YORK (Reuters) - Northwind Inc beat forecasts. Following is reaction.\n\n"
        '"The margin held up," said Park Min-soo, an analyst at Harbor Securities. '
        'SAM POE, managing director, Quillon Trading, Harbor City, Ohio: "Costs rose faster than sales." '
        'JO FAY, QRX Insight: "Shipments came in where the company told us in September they would." '
        'A.N. RAO, FUND MANAGER, LAKESIDE MUTUAL FUND, PUNE: "Next quarter\'s profit target looks cautious." '
        'PARK JI-HOON, FUND MANAGER, HARBOR ASSET MANAGEMENT "Handsets are where the doubts are."'
    )
    assert [(who, role) for _, who, role in quotes(text)] == [
        ("Park Min-soo", "analyst"),
        ("Sam Poe", "analyst"),
        ("Jo Fay", "analyst"),
        ("A.N. Rao", "analyst"),
        ("Park Ji-hoon", "analyst"),
    ]


def test_a_coordinated_verb_after_an_opening_participle_clause_speaks_for_the_subject():
    text = (
        "Northwind Chief Financial Officer Sam Poe spoke at a conference. Pressed on the margin outlook, Poe "
        'declined to give a figure but said: "Next quarter will look worse than this one."'
    )
    assert quotes(text) == [("Next quarter will look worse than this one.", "Sam Poe", "executive")]


def test_words_before_a_title_between_commas_stay_with_the_title():
    # "the company's co-chairman, Sam Poe, said": the title keeps "the company's", so the company stage can tell
    # his company is the article's and not the rival named just before
    doc = doc_until(
        "NEW YORK (Reuters) - Northwind Inc ( NWD.O ) beat estimates. Rival Quillon Inc ( QLN.O ) also posted "
        "higher earnings. Speaking to analysts, the company's co-chairman, Sam Poe, said he was pleased. "
        '"Our customers are still careful with every dollar," he said.',
        "company",
        title="Northwind sees better year",
        companies={"Northwind", "Quillon"},
    )
    assert [(a.person.name, c.name) for a, c in zip(doc.attributions, doc.companies, strict=True)] == [
        ("Sam Poe", "Northwind")
    ]
    assert "the company's" in doc.attributions[0].person.title


def test_an_editors_bracket_in_a_quote_completes_a_surname_the_article_gives_alone():
    text = (
        'Quillon Research analyst Jo Fay said, "(Chief Executive Sam) Poe had work to do on costs, and it shows."\n\n'
        '"We are ahead of our own plan for the year so far," Poe said on a call with analysts.'
    )
    assert quotes(text)[1][:2] == ("We are ahead of our own plan for the year so far", "Sam Poe")


def test_he_after_a_name_that_opens_what_the_subject_said_is_the_subject():
    # "Roe, ..., said Poe should go": Poe is what Roe said, not who speaks next
    text = (
        "Northwind Chief Executive Sam Poe had a bad week. At least one analyst, Quillon Bank's Jo Roe, said Poe "
        'should go. "We are calling for a new chief," she told Reuters.'
    )
    assert quotes(text) == [("We are calling for a new chief", "Jo Roe", "analyst")]


@pytest.mark.parametrize(
    ("middle", "speaker"),
    [
        # what the subject said runs on to a later name with no "that": "he" is still the subject
        ("Kim Dale, an analyst at Harbor Partners, said buyers are glad Poe has a plan for the rival", "Kim Dale"),
        ("Dale said the board now counts retired banker Sam Poe as an observer", "Kim Dale"),
        # the later name speaks in a clause of its own: "he" is that name
        ("Dale said costs were high, and Poe, the finance chief, said the gap would close", "Sam Poe"),
    ],
)
def test_he_after_a_name_inside_what_the_subject_said_is_the_subject(middle, speaker):
    text = (
        "Northwind Chief Financial Officer Sam Poe gave the figures. Harbor Partners analyst Kim Dale followed the "
        f'call. {middle}. "It will take a few quarters to show," he said.'
    )
    assert quotes(text)[-1][:2] == ("It will take a few quarters to show", speaker)


def test_a_rating_in_quotation_marks_inside_the_attribution_does_not_cut_it():
    text = (
        "Sam Poe, an analyst at Harbor Partners, said the plan was a surprise.\n\n"
        'Quillon Research analyst Jo Fay said, "The plan removes a worry for the shares."\n\n'
        '"Every line of the report beat my numbers," Poe, who keeps a "buy" call on the shares, said.'
    )
    assert quotes(text)[-1] == ("Every line of the report beat my numbers", "Sam Poe", "analyst")


def test_a_quote_ending_its_sentence_before_another_persons_words_is_not_theirs():
    # the short quote in the next sentence does not let its attribution reach back
    text = (
        'Northwind Chief Executive Sam Poe said the year had been hard. "Recovery will come, but slowly." Harbor '
        'Partners analyst Jo Fay wrote that the trends "look better" than feared.'
    )
    assert quotes(text) == [("Recovery will come, but slowly.", "Sam Poe", "executive")]


def test_a_person_named_without_a_title_whose_surname_then_speaks_is_who_he_refers_to():
    # a misspelt title ("fund manger") leaves the full name untitled; "Poe said ... 'quote,' he said" is Poe
    text = (
        'Shares of Northwind fell. "It is disappointing," said fund manger Sam Poe at Quillon Investments, a big '
        "holder. Harbor analyst Jo Fay cut the stock to hold.\n\n"
        'Poe said he would not buy more. "We will keep our shares for now," he said.'
    )
    got = quotes(text)
    assert got[-1] == ("We will keep our shares for now", "Sam Poe", "analyst")


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a firm with its trade before its name is not a person: no row
        ('Brokerage Ridgeline Lake Holt said the quarter was "solid, given how little was expected."', []),
        ('Brokerage Ridgeline Lake wrote to its clients: "We think the problem will pass."', []),
        # a title or a party before the name is not part of it
        ('Co-founder Sam Poe said: "We are pruning weak ads."', ["Sam Poe"]),
        ('Democrat Jane Roe said: "The regulator should look at this."', ["Jane Roe"]),
        ('Postmaster General Sam Poe said: "We need the law changed."', ["Sam Poe"]),
        # nor is a firm whose last word is a trade ("... Newsletter", "... Furniture") a person
        ('"Spending will not hold up," said Sam Poe, editor of the Harbor Tech Newsletter.', ["Sam Poe"]),
    ],
)
def test_a_firm_or_a_title_is_not_a_speakers_name(text, speakers):
    assert [name for _, name, _ in quotes(text)] == speakers


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # "cited" right before the quote it cites introduces the speaker's words
        ('In its release, Chief Executive Sam Poe cited "soft orders from farm customers."', ["Sam Poe"]),
        # ... not a publication citing someone as saying, nor a company's own reasons after a quote
        ('"We have to cut costs," weekly Harbor Woche cited finance chief Sam Poe as saying.', ["Sam Poe"]),
        ('"It is not contagious," said analyst Jane Roe. Quillon cited "rising costs" on Tuesday.', ["Jane Roe"]),
    ],
)
def test_cited_introduces_a_quote_only_right_before_it(text, speakers):
    assert [name for _, name, _ in quotes(text)] == speakers


def test_a_title_a_comma_and_the_name_with_no_comma_after_it():
    """ "Northwind's chief financial officer, Jane Roe said": the title before the comma is hers (an executive),
    as in "..., Jane Roe, said"."""
    text = (
        "TOKYO (Reuters) - Northwind reported a profit for its first quarter on Friday.\n\n"
        '"Trading conditions stay rough for us," Northwind\'s chief financial officer, Jane Roe said at a briefing.'
    )
    assert quotes(text) == [("Trading conditions stay rough for us", "Jane Roe", "executive")]
    doc = doc_until(text, "speakers", companies={"Northwind"})
    assert "chief financial officer" in doc.attributions[0].person.title


def test_a_firms_analysts_speaking_as_a_group_end_the_continuation():
    """'"...," Quillon analysts said in a research note' is a firm's words, no one's: not a continuation of the
    chief executive quoted before it."""
    text = (
        "LONDON (Reuters) - Northwind posted a loss. "
        '"We expect the market to stay hard this year," Chief Executive Sam Poe said. Northwind shares fell 2 '
        'percent. "The guidance is weak on revenue but better on costs," Quillon analysts said in a research note.'
    )
    assert [(s, n) for s, n, _ in quotes(text, {"Northwind", "Quillon"})] == [
        ("We expect the market to stay hard this year", "Sam Poe")
    ]
    # (a quote that ends its sentence before "Several analysts noted ..." is still the chief executive's)
    text = text.replace('costs," Quillon analysts said in a research note.', 'costs." Several analysts noted the cuts.')
    assert [n for _, n, _ in quotes(text, {"Northwind", "Quillon"})] == ["Sam Poe", "Sam Poe"]


def test_a_family_name_written_first_resolves_to_its_full_name():
    """ "Yang said" after "Chairman Yang Jianhua": a family name that opens the one full name of the article is
    that person, even with a given name that has no hyphen."""
    text = (
        "BEIJING (Reuters) - Northwind swung to a profit. Chairman Yang Jianhua said its business had turned "
        'around. "It was a solid quarter by any measure," Yang said.'
    )
    assert [n for _, n, _ in quotes(text)] == ["Yang Jianhua"]


def test_a_firms_unit_after_said_is_not_a_person():
    """ "Roe said Northwind Quay Smith Barney, a venture with Quillon, ..." names a firm's unit (the firm's name
    and more), not a speaker called Northwind Quay Smith Barney."""
    text = (
        "NEW YORK (Reuters) - Northwind Quay posted a profit. Roe said Northwind Quay Smith Barney, a venture with "
        'Quillon Inc, "had a very strong quarter in a hard market."'
    )
    assert all(n != "Northwind Quay Smith Barney" for _, n, _ in quotes(text, {"Northwind Quay", "Quillon"}))


def test_a_name_set_off_by_commas_after_a_title_is_whom_he_said_names():
    """ "The company's CEO, Sam Poe, spoke on the call." names a person, whatever the verb: the "he said" after
    it is his, not the finance chief's quoted before."""
    text = (
        "Northwind Foods posted record quarterly profit on Wednesday.\n"
        'CFO Jane Roe said the company "certainly weighs every cost" when setting prices.\n'
        "The company's CEO, Sam Poe, spoke on the earnings call.\n"
        '"We are winning share in every channel we compete in," he said.'
    )
    assert [(s, who) for s, who, _ in quotes(text)] == [
        ("certainly weighs every cost", "Jane Roe"),
        ("We are winning share in every channel we compete in", "Sam Poe"),
    ]


@pytest.mark.parametrize("surname", ["March", "May"])
def test_a_surname_that_is_a_month_and_a_short_quote_that_hands_over(surname):
    """A finance chief whose surname is a month ("Jo March") is a person; her short quote ('"It is everywhere," she
    said') makes no row, but the quote after it continues her, not the analyst quoted before."""
    text = (
        '"They will need nine months to turn," said Sam Poe, an analyst at Ridgeline Securities. '
        f"Northwind Chief Financial Officer Jo {surname} told Reuters that orders worsened during the quarter. "
        '"It is everywhere," she said of the slump. "This quarter will be a lot weaker. Every month was worse than '
        f'the one before." {surname} said profit suffered as plants ran slower.'
    )
    assert [(s[:20], who) for s, who, _ in quotes(text)] == [
        ("They will need nine ", "Sam Poe"),
        ("This quarter will be", f"Jo {surname}"),
    ]


def test_a_name_joined_to_the_subjects_own_pronoun_is_not_he():
    """ "Poe said he and Chief Executive Jo Fay would run it": a later "he" is still Poe, the sentence's subject."""
    text = (
        "Northwind finance chief Sam Poe said he and Chief Executive Jo Fay would run the merged group once the "
        'contracts are signed. "Taking on another deal now would stretch us too thin," he said.'
    )
    assert [(s[:20], who) for s, who, _ in quotes(text)] == [("Taking on another de", "Sam Poe")]


def test_a_sentence_with_its_own_predicate_after_a_quote_is_no_caption():
    """'"..." Jane Roe, an analyst at Ridgeline was pleased by the cuts.' is news of its own (a verb, "was"), not a
    caption naming the quote's speaker the way '"..." Jane Roe, an analyst at Ridgeline.' is: the quote continues
    the executive quoted just before it."""
    text = (
        'Northwind cut its costs by a fifth. "We said we would do it and we did," Chief Executive Sam Poe said. '
        '"The plants ran well all quarter." Jane Roe, an analyst at Ridgeline Securities was pleased by the cuts. '
        '"They beat what I had pencilled in," she said. Analyst Kim Soo, president of Harbor Research in Boston, '
        'was doubtful. "These savings look like a one-off to me."'
    )
    assert [(q[:14], who) for q, who, _ in quotes(text)] == [
        ("We said we wou", "Sam Poe"),
        ("The plants ran", "Sam Poe"),
        ("They beat what", "Jane Roe"),
        ("These savings ", "Kim Soo"),  # the quote after a sentence giving its subject's stance is the subject's
    ]


@pytest.mark.parametrize(("named", "misspelt"), [("Jane Roe", "Roes"), ("Jo Fays", "Fay")])
def test_a_stray_or_dropped_s_on_a_surname_named_before_is_that_person(named, misspelt):
    """ "Roes also remarked ..." misspells the Roe the article quoted a sentence before, and "Fay" the Fays: the
    same speaker, by the fullest name the article gives."""
    text = (
        f'Northwind Chief Executive {named} said orders rose. "Asia has barely begun for us," {named.split()[1]} '
        f'said. {misspelt} also remarked on the tools unit, saying it had "many quarters to go before it pays for '
        'itself."'
    )
    assert [who for _, who, _ in quotes(text)] == [named, named]


def test_a_name_set_off_with_its_firm_is_the_person_a_later_pronoun_names():
    """ "Sam Poe, of Ridgeline Research, kept his rating. "...," he wrote.": no speech verb names Poe, but the
    name and its firm between commas make him a person, the nearest for "he" (not the analyst quoted before)."""
    text = (
        'Quillon shares rose. Harbor analyst Jo Fay raised her forecast. "We expect a better spring," she wrote in a '
        'note. Sam Poe, of Ridgeline Research, kept his rating on the stock. "Our call rests on higher metal '
        'prices," he wrote.'
    )
    assert [who for _, who, _ in quotes(text)] == ["Jo Fay", "Sam Poe"]


def test_a_firm_named_by_its_trade_speaks_for_itself():
    """'"...," Ridgeline bank wrote to its clients.' is a firm's statement, and so is the quote after it: no
    row, not a continuation of the executive quoted before."""
    text = (
        '"We aim to rank among the three biggest by 2011," Chief Executive Sam Poe said. "Demand in the region '
        'looks weak to us for two more seasons," Ridgeline bank wrote to its clients. "Handset makers should '
        'brace for thinner margins through the summer."'
    )
    assert [(q[:12], who) for q, who, _ in quotes(text)] == [("We aim to ra", "Sam Poe")]


def test_an_organisations_forecast_after_a_relative_clause_is_no_ones():
    """'Northwind, which owns two papers, a studio and ..., forecast "low to mid teens" growth' is the company's
    words, even as the article's first quote: not those of the people the next sentence names."""
    text = (
        "Chief Executive Sam Poe said on Tuesday he would stay on. "
        "Northwind, which owns two papers, a studio and a radio network, forecast "
        '"low to mid teens" growth in operating profit. '
        "Poe and Finance Chief Jo Fay promised a faster buyback."
    )
    assert quotes(text) == []


def test_an_organisation_speaking_between_two_quotes_ends_the_continuation():
    """The guide: a span inherits the last speaker when nothing intervenes; "The company said ..." is another
    speaker, and the quote after it is the company's (no row). With no such sentence the quote continues."""
    head = "“We face currency headwinds,” finance chief Sam Poe said. Quarterly revenue rose 40 percent. "
    tail = "“There are many reasons to think the sector will hold up in a recession.”"
    said = "The company said two new game titles lifted its sales. "
    assert quotes(head + said + tail) == [("We face currency headwinds", "Sam Poe", "executive")]
    assert [who for _, who, _ in quotes(head + tail)] == ["Sam Poe", "Sam Poe"]


def test_a_fragment_in_a_sentence_whose_subject_is_an_unnamed_group_is_no_row():
    lead = "“We are all in new territory,” Chief Executive Sam Poe said. Analysts were pleased by cost control. "
    group = "Many have complained for years that Northwind was “spending like there is no tomorrow” on staff."
    own = "He added that Northwind was “spending with great care” on new staff."
    assert quotes(lead + group) == [("We are all in new territory", "Sam Poe", "executive")]
    assert quotes(lead + own)[1] == ("spending with great care", "Sam Poe", "executive")


def test_analysts_at_a_firm_are_no_speaker():
    """ "Analysts at Ridge Harbor Holt said": a firm's name after a group of its people is no person's name."""
    text = (
        "Rival Quillon Oil reported a drop in profit. Analysts at Ridge Harbor Holt said Quillon “has been a growth "
        "story but was derailed in the second quarter.”"
    )
    assert quotes(text) == []


def test_the_analyst_after_an_unnamed_analyst_is_that_one():
    """'... said an analyst at a large bank. "...," the analyst added': the unnamed analyst, not the one named
    before; with no unnamed analyst between, "the analyst" is the one named."""
    named = "“Margins came in far above our model,” said Jo Fay, an analyst at Ridgeline Research. "
    unnamed = "“The mood going in was pretty negative and these numbers beat it,” said an analyst at a large bank. "
    added = "“If Europe turns down, Northwind will feel it for sure,” the analyst added."
    assert [who for _, who, _ in quotes(named + unnamed + added)] == ["Jo Fay"]
    assert [who for _, who, _ in quotes(named + "Northwind shares rose 3 percent. " + added)] == ["Jo Fay", "Jo Fay"]


@pytest.mark.parametrize(
    "group",
    [
        "Analysts from Ridge Bank called it “a tidy set of numbers with clear momentum,” predicting a rise in the shares.",
        "Ridgeline analysts wrote: “Bookings keep rising and nothing points to strain in the operations.”",
    ],
)
def test_a_firms_analysts_as_a_group_are_no_speaker(group):
    lead = "“Sales were strong in the quarter and we gained share,” Chief Executive Sam Poe said. "
    assert quotes(lead + group) == [("Sales were strong in the quarter and we gained share", "Sam Poe", "executive")]
    named = "Ridgeline analyst Jo Fay wrote: “Bookings keep rising and nothing points to strain anywhere.”"
    assert quotes(lead + named)[1][1:] == ("Jo Fay", "analyst")


def test_he_after_an_unnamed_spokesman_is_the_spokesman():
    """'A spokesman said ... "...," he said': the unnamed spokesman's words, no row; with no unnamed speaker
    between, "he" is the chief executive named before."""
    lead = "“Sales were strong in the quarter and we gained share,” Chief Executive Sam Poe said. "
    tail = "“Output at the Leeds works has never been better,” he said."
    spokesman = "A spokesman said the Leeds works ran flat out. "
    assert [who for _, who, _ in quotes(lead + spokesman + tail)] == ["Sam Poe"]
    assert [who for _, who, _ in quotes(lead + "The Leeds works ran flat out. " + tail)] == [
        "Sam Poe",
        "Sam Poe",
    ]
    # (not a spokeswoman before "he", nor one analyst's question)
    spokeswoman = "A spokeswoman said the Leeds works ran flat out. "
    assert [who for _, who, _ in quotes(lead + spokeswoman + tail)] == ["Sam Poe", "Sam Poe"]
    asked = "Answering one analyst's query on prices, he said: “We will hold them where they are for now.”"
    assert [who for _, who, _ in quotes(lead + asked)] == ["Sam Poe", "Sam Poe"]


def test_an_attribution_inside_its_closing_mark_is_cut_off_and_names_the_speaker():
    """'"... cost control, Fay said"': the closing mark stands after the attribution; the words end at the comma
    and are Fay's, not the next sentence's speaker's."""
    text = (
        "“Northwind is watching its costs closely,” said Jo Fay, an analyst at Ridge Partners. “Northwind cannot "
        "control its revenue in this climate so it is focusing on cost control, Fay said” Chief Executive Sam Poe "
        "called the cost plan “well in hand” at the meeting."
    )
    assert quotes(text)[1] == (
        "Northwind cannot control its revenue in this climate so it is focusing on cost control",
        "Jo Fay",
        "analyst",
    )


def test_a_belief_reported_in_what_the_subject_said_does_not_take_the_quote():
    # "Quarrie" is the company and its founder's surname; the fragment after "adding that Quarrie expects" is
    # the finance chief's words
    text = (
        "Founder Sam Quarrie told reporters that prices at Quarrie stores would stay low.\n\n"
        'Finance chief Jo Fay said the cuts were on plan. "We will get to the target," Fay said, adding that '
        'Quarrie expects restructuring charges "which may leave the coming quarter bumpier for us."'
    )
    got = quotes(text, {"Quarrie"})
    assert [(s, who) for s, who, _ in got] == [
        ("We will get to the target", "Jo Fay"),
        ("which may leave the coming quarter bumpier for us.", "Jo Fay"),
    ]


def test_an_unnamed_spokespersons_fragment_is_no_one_elses():
    text = (
        "Northwind posted a record quarter on Tuesday.\n"
        "“Demand is broadening across every region we serve,” Chief Executive Jane Roe said.\n"
        "A Northwind spokeswoman said the company was “in regular touch with trade officials” and declined to "
        "say more.\n"
        "A Northwind spokesman declined to give figures. “We do not break out sales by plant,” he said."
    )
    assert quotes(text) == [("Demand is broadening across every region we serve", "Jane Roe", "executive")]


def test_a_named_analysts_description_is_no_unnamed_speaker():
    """'Jo Fay, an analyst at Ridgeline, said ... "..." and "..."': both fragments are Fay's; the description after
    her name is no unnamed analyst who speaks. Without the name before it, the fragment is no one's."""
    text = (
        "Northwind posted a smaller first-quarter profit on Tuesday.\n"
        "Jo Fay, an analyst at Ridgeline, said she had expected margins to suffer from “the move to cheaper "
        "service tiers” and “freight costs that keep outrunning the surcharges.”"
    )
    assert [(s, who) for s, who, _ in quotes(text)] == [
        ("the move to cheaper service tiers", "Jo Fay"),
        ("freight costs that keep outrunning the surcharges.", "Jo Fay"),
    ]
    unnamed = text.replace("Jo Fay, an analyst", "An analyst")
    assert quotes(unnamed) == []


def test_unnamed_speakers_in_web_copy_give_no_rows():
    """A spokesperson who "told" a publication (the publication is the listener, no speaker), a company's
    spokeswoman after the quote, an unnamed shareholder handing over with a colon, an unnamed portfolio manager
    with a long relative clause: none is the last named speaker."""
    lead = "“Sales were strong in the quarter and we gained share,” Chief Executive Sam Poe said.\n"
    for tail in (
        "A Northwind spokesperson told Retail Weekly: “The club will stay free for every member.”",
        "“We do not break out results for the outlet business,” a Poe's Stores spokeswoman said when asked.",
        "One longtime shareholder, kept nameless under his firm's press rules, put it more bluntly: "
        "“Everybody owns this stock going in. That is the risk.”",
        "A portfolio manager at a big fund holding the shares, who would talk only if unnamed since he "
        "was not cleared to speak, said the targets were “about what we expected, maybe a bit low.”",
    ):
        assert [who for _, who, _ in quotes(lead + tail)] == ["Sam Poe"], tail


def test_after_the_quote_a_title_set_off_name_or_a_stray_comma_still_names_the_speaker():
    """'...," Northwind's finance chief, Jo Fay, told a news conference', '...," CEO Jo Fay, told Reuters': Fay
    speaks; who was told (a news conference, Reuters) is no speaker. A body's unnamed head who "told a luncheon
    that" a fragment is no one's, not the last named speaker's."""
    lead = "“Sales were strong in the quarter and we gained share,” Chief Executive Sam Poe said. "
    fay = "Finance chief Jo Fay spoke later. "
    for tail in (
        "“We may have something to learn from our rivals here,” Northwind's chief financial officer, Jo Fay, told "
        "a news conference.",
        "“We may have something to learn from our rivals here,” Finance Chief Jo Fay, told Reuters.",
    ):
        assert [who for _, who, _ in quotes(lead + fay + tail)] == ["Sam Poe", "Jo Fay"], tail
    luncheon = "And the trade association's outgoing boss told a Leeds luncheon that “at least ten of our members have gone bust.”"
    assert [who for _, who, _ in quotes(lead + luncheon)] == ["Sam Poe"]
    # (a guard: a stray comma after a common noun is no attribution, "the estimate, said Jo Fay" names Fay)
    estimate = "“He talked hopes down, yet many still counted on a beat” the forecast, said Jo Fay of Ridgeline."
    assert [who for _, who, _ in quotes(lead + estimate)] == ["Sam Poe", "Jo Fay"]


def test_a_broker_analyst_who_opens_a_sentence_is_the_she_that_follows():
    """'Jo Fay of Ridgeline Research is more skeptical. "...," she said': Fay, though no title or speech verb
    named her; not the analyst quoted before."""
    text = (
        "“The bar is low enough to clear,” wrote Sam Poe of Alder Securities, long a fan of the shares.\n"
        "Jo Fay of Ridgeline Research is more skeptical. “Northwind will burn more cash this year,” she said."
    )
    assert [who for _, who, _ in quotes(text)] == ["Sam Poe", "Jo Fay"]


def test_a_quote_paragraph_after_a_paragraph_of_reported_speech_is_its_speakers():
    """A paragraph that is a quote and nothing else, after a paragraph whose last sentence reports what a named
    person said: that person's words (in single marks too)."""
    lead = "“Sales were strong in the quarter and we gained share,” Chief Executive Sam Poe said.\n"
    lead += "Jo Fay, who runs the stores, said the group would press on with its ‘heritage’ plans.\n"
    for q in (
        "“Our new ranges are landing well with core customers.”",
        "‘Our new ranges are landing well with core customers.’",
    ):
        assert [who for _, who, _ in quotes(lead + q)] == ["Sam Poe", "Jo Fay"]
    # (no one's when the paragraph before has no one speaking)
    plain = "“Sales were strong in the quarter and we gained share,” Chief Executive Sam Poe said.\n"
    plain += "Shares of the group rose 3% in early trading on the news.\n"
    assert [who for _, who, _ in quotes(plain + "“Our new ranges are landing well with core customers.”")] == [
        "Sam Poe"
    ]


def test_ways_web_copy_hands_a_quote_to_its_speaker():
    text = (
        "Northwind Inc. (NYSE: NWD) today announced its fiscal third-quarter figures.\n"
        "“Our cloud business grew faster than any rival at scale,” said Northwind CEO, Jane Roe.\n"
        "Omar Haddad of Ridgeline Securities, who kept his buy rating, said the miss was a blip. “I would put it "
        "down to a thin product slate this quarter.”\n"
        "Another analyst, Lena Park of Harbor Research, called the new forecast “a clear sign the trough is "
        "behind them.”\n"
        "Sam Poe, who will hand the top job to Kim Lo in May and stay on as chairman, said the company “will keep "
        "placing fewer, bigger bets.”\n"
        "Finance chief Ana Ruiz also flagged the PC market: “Demand has weakened more than we planned for.”\n"
        "Dr Iris Bell, a senior lecturer in economics at a Midlands university, said the plan was bold.\n"
        "Jane Roe, who joined in 2019 and has pledged to cut costs, said to listeners:\n"
        "“The back half of our year should beat the front half.”"
    )
    assert [(s[:22], n, r) for s, n, r in quotes(text)] == [
        ("Our cloud business gre", "Jane Roe", "executive"),
        ("I would put it down to", "Omar Haddad", "analyst"),
        ("a clear sign the troug", "Lena Park", "analyst"),
        ("will keep placing fewe", "Sam Poe", "executive"),
        ("Demand has weakened mo", "Ana Ruiz", "executive"),
        ("The back half of our y", "Jane Roe", "executive"),
    ]


def test_a_tv_host_and_the_guest_he_interviews():
    text = (
        "Northwind missed estimates on Tuesday. Chief Executive Jane Roe joined the network's morning show.\n"
        "“Good morning, and thanks for making time for us on a busy day,” host Sam Poe said as he opened the show.\n"
        "“We saw some disruption from the systems changes in the quarter,” Roe told Poe.\n"
        "“Underneath that, our customers are still spending,” she added."
    )
    assert [(n, r) for _, n, r in quotes(text)] == [
        ("Sam Poe", "other"),
        ("Jane Roe", "executive"),
        ("Jane Roe", "executive"),
    ]


def test_names_with_accented_letters():
    text = (
        "Northwind's recovery under Chief Executive Bjørn Ågren gathered pace in the quarter.\n"
        "Ågren, who took over in January, was careful.\n"
        "“We have further to go, but we are a lot better,” he told reporters.\n"
        "“The quarter was cleaner than we feared,” said François-Xavier Lefèvre, an analyst at Ridgeline."
    )
    assert [(n, r) for _, n, r in quotes(text)] == [
        ("Bjørn Ågren", "executive"),
        ("François-Xavier Lefèvre", "analyst"),
    ]


def test_a_colon_hands_over_to_a_speaker_named_in_apposition_or_with_a_verb_of_speech():
    text = (
        "Northwind shares rose on Friday.\n"
        "Another analyst, Jo Fay of Quillon Research in London, was more cautious about games: "
        "‘Console sales are past their peak this year.’\n"
        "Sam Poe of Harbor Securities asked first: “How long before supply catches up with demand?”\n"
        "Chief Executive Kim Lo answered:\n"
        "“We are ramping as fast as our partners can build.”"
    )
    assert [(who, role) for _, who, role in quotes(text)] == [
        ("Jo Fay", "analyst"),
        ("Sam Poe", "analyst"),
        ("Kim Lo", "executive"),
    ]


def test_a_titled_name_closing_the_sentence_without_a_verb_after_a_handed_over_quote():
    # (the copy dropped its "said": the titled name after the quote's comma is the speaker, not the analyst before)
    text = (
        "Northwind said profit rose.\n\n"
        "“Margins held up well this time,” said Sam Poe, an analyst at Harbor Partners. Northwind’s sales rose 4 percent. "
        "“The pressure on results comes from the slowdown in housing,” Quillon Securities analyst Jo Fay."
    )
    assert quotes(text) == [
        ("Margins held up well this time", "Sam Poe", "analyst"),
        ("The pressure on results comes from the slowdown in housing", "Jo Fay", "analyst"),
    ]


def test_a_quote_after_one_over_several_paragraphs_continues_its_speaker():
    # (the quote before opens two paragraphs up and closes in the previous one: the continuation reaches it)
    text = (
        "Northwind on Tuesday cut its sales forecast.\n"
        "Chief Executive Jo Fay said on a call that the chain was planning for an uneven holiday season.\n"
        "“Customers are waiting for the big promotional weekends before they buy.\n"
        "“So we are planning the fourth quarter with care.”\n"
        "“The industry has shrunk for two years, but we think we are close to the bottom.”\n"
        "Northwind now expects sales to fall.\n"
    )
    assert [(s.split()[0], who) for s, who, _ in quotes(text)] == [("Customers", "Jo Fay"), ("The", "Jo Fay")]


def test_a_question_is_its_askers():
    # "asked" hands over like "said": before the quote with a colon (after an opening phrase), or after it
    text = (
        "Northwind on Tuesday reported higher profit.\n"
        "In the question-and-answer part of the call, Harbor analyst Sam Poe asked: "
        '"Jo, how much visibility do you really have into demand for next year?"\n'
        "Chief Executive Jo Fay said the company's view had improved since the summer.\n"
        "“Are the price cuts over for this year, or is there more to come?” asked Quillon Securities analyst Kim Lo.\n"
    )
    assert [(who, role) for _, who, role in quotes(text)] == [("Sam Poe", "analyst"), ("Kim Lo", "analyst")]


def test_a_news_anchor_is_other():
    text = (
        "Northwind shares jumped a day after its results.\n"
        "“Jo, traffic was up almost 6 percent when rivals saw it fall. Who are these new customers?” "
        "asked co-anchor Rachel Whitmore as the interview opened.\n"
        "“A lot of them are younger guests who come back more often,” Chief Executive Jo Fay said.\n"
    )
    assert [(who, role) for _, who, role in quotes(text)] == [("Rachel Whitmore", "other"), ("Jo Fay", "executive")]


def test_a_surname_misspelt_by_one_letter_is_the_person_already_named():
    text = (
        "Northwind's profit fell.\n"
        '"Returns on all this spending keep shrinking," Tom Brenner, an analyst at Harbor Partners, '
        "said on the call.\n"
        '"We will keep investing in the stores and the software," Chief Executive Jo Fay said.\n'
        '"So the plan for spending stays as it was in October?" Brener asked.'
    )
    assert [who for _, who, _ in quotes(text)] == ["Tom Brenner", "Jo Fay", "Tom Brenner"]


def test_a_speaker_named_with_her_firm_alone_takes_the_title_she_gets_later_and_her_pronoun():
    # '"...?" asked Harbor & Co Jane Roe' names no title; "Analyst Roe said she ..." later does, and "she" is Roe
    text = (
        'Northwind stock slipped 2 percent. "Some investors wanted a higher target ... but why lift it in a market '
        'like this?" asked Harbor & Co Jane Roe. Chief Executive Sam Poe has spoken of the slow pace. '
        '"We see no pickup in December from what we saw in the autumn," said Poe. Analyst Roe said she will '
        'watch how buyers take the new ranges. "Holiday buyers want colour ... nobody gifts a grey coat," she said.'
    )
    assert [(who, role) for _, who, role in quotes(text)] == [
        ("Jane Roe", "analyst"),
        ("Sam Poe", "executive"),
        ("Jane Roe", "analyst"),
    ]


def test_a_state_after_the_town_a_speakers_firm_is_based_in_is_no_speaker():
    text = (
        "Northwind's profit fell.\n\nMoney manager Tom Brenner, president of Brenner Wealth Partners, an adviser "
        "based in Morristown, New Jersey, which has bet against bank stocks, said Northwind's miss was "
        '"an ugly result for a bank" given how far estimates had fallen.'
    )
    assert quotes(text) == [("an ugly result for a bank", "Tom Brenner", "analyst")]
    # a place that ends an opening phrase before the subject is no state: the subject speaks
    opening = (
        "Northwind's profit rose.\n\nChief Executive Jo Fay said the bank was hiring. Particularly in Asia, she "
        'said, "we are hiring to meet the demand we see." When asked about rivals in Europe, Fay said, "They are '
        'slower than we are to hire."'
    )
    assert [who for _, who, _ in quotes(opening)] == ["Jo Fay", "Jo Fay"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Dana Whitfield, the Ann Arbor, Michigan-based manager of the $2 billion Northwind Value Fund, said she has "
        'added to her holdings, "but the margin story is not over yet."',
        "Dana Whitfield, the Ann Arbor, Michigan-based manager of the Northwind Value Fund, said: "
        '"The margin story is not over yet."',
        '"The margin story is not over yet," said Dana Whitfield, a Grand Rapids, Michigan-based manager at '
        "Northwind Value Fund.",
    ],
)
def test_the_town_in_a_speakers_based_description_is_no_speaker(sentence):
    # "the Ann Arbor, Michigan-based manager": a town after "the" or "a" and before a state's "-based"
    text = f"Quillon Corp, a pump maker, was back in the black in its third quarter, it said Thursday.\n\n{sentence}"
    assert [who for _, who, _ in quotes(text)] == ["Dana Whitfield"]


def test_a_name_opening_with_an_accented_capital_speaks():
    text = (
        "Quillon Gold Corp gave its third-quarter figures on Wednesday.\n\n"
        '"Our mill had its best quarter since we poured first gold," said Étienne Beaulieu, President and Chief '
        "Executive Officer of Quillon.\n\n"
        '"A mill injury in August tells us our safety record still falls short."'
    )
    assert [who for _, who, _ in quotes(text, {"Quillon Gold"})] == ["Étienne Beaulieu", "Étienne Beaulieu"]


def test_a_quote_over_two_paragraphs_is_handed_over_by_the_verb_after_the_last():
    text = (
        "Chief executive Rhiannon Blake said results were strong.\n\n"
        "Northwind expects capital spending of about £640m in the current year.\n\n"
        "“The next two years are the heavy lifting. We will pass another 1.5 million homes by 2023.\n\n"
        "“Shareholders should expect earnings to dip this year before they rise,” she said."
    )
    got = quotes(text)
    assert [who for _, who, _ in got] == ["Rhiannon Blake"]
    assert got[0][0].startswith("The next two years") and got[0][0].endswith("before they rise")


@pytest.mark.parametrize(
    "after", ["its managing director, Bader al-Saad, told reporters.", "Northwind's chief executive, Jo Fay, said."]
)
def test_a_name_between_a_titles_commas_after_the_quote_speaks(after):
    text = f'Northwind posted a loss.\n\n"We are studying an investment and will make a decision within days," {after}'
    assert len(quotes(text)) == 1 and quotes(text)[0][1] in ("Bader al-Saad", "Jo Fay")


def test_a_captains_abbreviation_ends_no_sentence():
    text = (
        "Northwind returned to profit.\n\n"
        '"Pilots are flying record amounts of overtime to hold this operation together," said Capt. Renee Holt, '
        "who chairs the pilots' union at Northwind."
    )
    assert [who for _, who, _ in quotes(text)] == ["Renee Holt"]


@pytest.mark.parametrize("name", ["Stan O'Dell", "Frank D’Amato"])
def test_a_surname_with_an_apostrophe_after_one_capital_keeps_the_full_name(name):
    # "O'Dell", "D'Amato": the second mention is the person first named with a title between commas
    text = (
        f"Northwind lost money in its third quarter.\n\nNorthwind's chief executive, {name}, met investors "
        f'in the afternoon.\n\n"We are not pleased with these numbers," {name.split()[-1]} told them.'
    )
    assert [who for _, who, _ in quotes(text)] == [name]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the British press's title set off before the name, after the verb or before it
        (
            "Sales fell.\n\n“The warm autumn kept buyers away from our coats,” said the chief executive, Ada Quarrie.",
            [("The warm autumn kept buyers away from our coats", "Ada Quarrie", "executive")],
        ),
        (
            "Sales fell.\n\n“The warm autumn kept buyers away from our coats,” said the company’s finance director, "
            "Ada Quarrie, who joined in May.",
            [("The warm autumn kept buyers away from our coats", "Ada Quarrie", "executive")],
        ),
        # a spokesperson speaks for the person named after "for": no row of that person's
        (
            "Sales fell.\n\nA spokesperson for Finance Minister Ada Quarrie said the levy “is a fair share from "
            "lenders that did very well.”",
            [],
        ),
        ("Sales fell.\n\n“It is a fair share from lenders that did well,” said an aide to Ada Quarrie.", []),
        # names with letters of Latin Extended-A and a particle before a long appositive
        (
            "Sales fell.\n\n“Consoles did the heavy lifting for the whole group,” said Ōkubo Rie, an analyst at "
            "Harbor Securities.",
            [("Consoles did the heavy lifting for the whole group", "Ōkubo Rie", "analyst")],
        ),
        (
            "Sales fell.\n\nHugo van Quarrie, a fund manager at Brant Street Asset Management, which holds the "
            "shares, said the bank was still “the best-run lender in the country” this year.",
            [("the best-run lender in the country", "Hugo van Quarrie", "analyst")],
        ),
    ],
)
def test_attributions_of_web_and_overseas_styles(text, expected):
    assert quotes(text) == expected


def test_a_note_in_the_next_paragraph_is_not_the_quote_before_it():
    # the research note belongs to the analyst of the next paragraph, not to the untitled speaker before it
    text = (
        "Northwind beat forecasts.\n\nAda Quarrie said wealthier shoppers drove the gains.\n\n"
        "Quarrie said on the call: “Our customers are still spending with us.”\n\n"
        "Sam Poe, an analyst at Harbor Securities, wrote in a morning note how the quarter showed "
        "“a flywheel that is finally spinning on its own.”"
    )
    assert [(s, r) for _, s, r in quotes(text)] == [("Ada Quarrie", "executive"), ("Sam Poe", "analyst")]


def test_a_surname_speaker_takes_the_full_name_a_photo_caption_gives():
    text = (
        "Northwind CEO Ada Quarrie speaks to reporters in Austin on Oct. 5. (Photo: Jo Fay/Staff)\n\n"
        "Northwind beat forecasts on Tuesday and lifted its view of the year.\n\n"
        "“Every week of the strike costs our dealers and our company,” Quarrie said on the call."
    )
    assert quotes(text) == [("Every week of the strike costs our dealers and our company", "Ada Quarrie", "executive")]


def test_its_officer_is_the_officer_of_the_company_opening_the_sentence_before():
    doc = doc_until(
        "Northwind's quarter ended in the red, it said on Friday.\n\nQuillon, which reported last month, was more upbeat. Its "
        'chief executive, Sam Poe, told analysts the industry was "past the bottom in revenue" by now.',
        "speakers",
        companies={"Northwind", "Quillon"},
    )
    assert [(a.person.name, a.person.company_hint) for a in doc.attributions] == [("Sam Poe", "Quillon")]

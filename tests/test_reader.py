"""Table-driven tests for the reader's hard parts: numbers, headings, labels, scales, EDGAR."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from converter.periods import parse_heading, start_of
from converter.reading import read
from converter.reading.edgar import parse_header, strip_page_markers, unescape
from converter.scales import scale_of
from converter.tables.lexer import clean, parse_number, trailing_tokens
from converter.tables.rows import continues


@pytest.mark.parametrize(
    ("text", "value", "dash", "footnote"),
    [
        ("1,234", Decimal("1234"), False, None),
        ("(415)", Decimal("-415"), False, None),
        ("$(0.09)", Decimal("-0.09"), False, None),
        ("($.39)", Decimal("-0.39"), False, None),
        ("(0.04)", Decimal("-0.04"), False, None),
        ("-12", Decimal("-12"), False, None),
        ("1,234-", Decimal("-1234"), False, None),  # a minus after the figure, as some printers set it
        ("$.39-", Decimal("-0.39"), False, None),
        (".63", Decimal("0.63"), False, None),
        ("1,234.5", Decimal("1234.5"), False, None),
        ("$9,458", Decimal("9458"), False, None),
        ("--", Decimal("0"), True, None),
        ("-", Decimal("0"), True, None),
        ("-0-", Decimal("0"), True, None),
        ("\u2014", Decimal("0"), True, None),
        ("nil", Decimal("0"), True, None),
        ("35(a)", Decimal("35"), False, "(a)"),
        ("12*", Decimal("12"), False, "*"),
        ("(35,940)(4)", Decimal("-35940"), False, "(4)"),
    ],
)
def test_number_forms(text: str, value: Decimal, dash: bool, footnote: str | None) -> None:
    tok = parse_number(text)
    assert tok is not None
    assert tok.value == value
    assert tok.dash is dash
    assert tok.footnote == footnote


@pytest.mark.parametrize("text", ["shares-14,901", "(2001", "Act", "193,976(2002)", "(12)-", "-12-"])
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_percent_is_marked() -> None:
    tok = parse_number("78.1%")
    assert tok is not None and tok.percent and tok.value == Decimal("78.1")


@pytest.mark.parametrize(
    ("line", "label", "values"),
    [
        (
            "Net sales                         $     9,458   $    3,546",
            "Net sales",
            ["9458", "3546"],
        ),
        (
            " and 14,921 (2001)                                   1,491           1,491",
            "and 14,921 (2001)",
            ["1491", "1491"],
        ),
        (" Authorized shares-40,000", "Authorized shares-40,000", []),
        ("Treasury stock, 58,419 (2002) and", "Treasury stock, 58,419 (2002) and", []),
        (
            "Net Income (loss)                  $       41    $    (540)",
            "Net Income (loss)",
            ["41", "-540"],
        ),
        ("Securities Exchange Act of 1934", "Securities Exchange Act of 1934", []),
    ],
)
def test_labels_keep_their_numbers(line: str, label: str, values: list[str]) -> None:
    got_label, _indent, tokens = trailing_tokens(line)
    assert got_label == label
    assert [str(t.value) for t in tokens] == values


@pytest.mark.parametrize(
    ("line", "label", "values"),
    [
        # a footnote mark one space after its number is no cell of its own
        (
            "NET EARNINGS BEFORE EXTRAORDINARY GAIN..........     288,139 (4)          212,078",
            "NET EARNINGS BEFORE EXTRAORDINARY GAIN",
            ["288139", "212078"],
        ),
        (
            "  EXTRAORDINARY GAIN (6)                   7.86 (6)          --",
            "EXTRAORDINARY GAIN (6)",
            ["7.86", "0"],
        ),
        # a note reference standing in a value column, at the end or between the values
        (
            "NET EARNINGS BEFORE EXTRAORDINARY GAIN     288,139        212,078      See Note (4)",
            "NET EARNINGS BEFORE EXTRAORDINARY GAIN",
            ["288139", "212078"],
        ),
        (
            " NET EARNINGS BEFORE EXTRAORDINARY GAIN (2)   See Note (2) $    0.46"
            "       See Note (2) $    0.48",
            "NET EARNINGS BEFORE EXTRAORDINARY GAIN (2)",
            ["0.46", "0.48"],
        ),
        # a negative in its own column, two spaces or more away, stays a value
        ("Other, net                         (415)     (4)", "Other, net", ["-415", "-4"]),
    ],
)
def test_marks_and_note_references_are_not_values(line: str, label: str, values: list[str]) -> None:
    got_label, _indent, tokens = trailing_tokens(clean(line))
    assert got_label == label
    assert [str(t.value) for t in tokens] == values


@pytest.mark.parametrize(
    ("above", "below", "joins"),
    [
        ("Selling, general and", "administrative", True),
        ("Accounts receivable and due from", "factor, net of allowance for", True),
        ("Operating expenses:", "Selling, general and", False),
        ("Current Assets:", "Cash and cash equivalents", False),
        ("Net Income (loss) per share", "Basic", False),
        ("INCOME BEFORE INCOME TAXES AND", "EXTRAORDINARY ITEMS", True),
        ("Less treasury stock, at cost", "254,614,794 shares - 1995", True),
    ],
)
def test_label_continuation(above: str, below: str, joins: bool) -> None:
    assert continues(above, below) is joins


@pytest.mark.parametrize(
    ("shared", "own", "end", "months", "weeks"),
    [
        ("Three Months Ended", "November 30 2002", date(2002, 11, 30), 3, None),
        ("Twelve Months Ended", "December 1 2001", date(2001, 12, 1), 12, None),
        (
            "For the 13 Weeks Ended July 3, 2004 and June 28, 2003",
            "2003",
            date(2003, 6, 28),
            None,
            13,
        ),
        ("Six months ended June 30,", "1999", None, 6, None),
        ("", "3 Mos. Ended 03/31/01", date(2001, 3, 31), 3, None),
        ("Year Ended December 31,", "1995", None, 12, None),
        ("", "(52 Weeks) January 3, 2004", date(2004, 1, 3), None, 52),
    ],
)
def test_heading_forms(
    shared: str, own: str, end: date | None, months: int | None, weeks: int | None
) -> None:
    h = parse_heading(shared, own)
    assert h.end == end
    assert (h.months, h.weeks) == (months, weeks)


def test_year_only_heading_keeps_the_year_and_month_day() -> None:
    h = parse_heading("Year Ended December 31,", "1995")
    assert h.year == 1995 and h.month_day == (12, 31)


@pytest.mark.parametrize(
    ("end", "months", "weeks", "start"),
    [
        (date(2002, 11, 30), 12, None, date(2001, 12, 1)),
        (date(2002, 11, 30), 3, None, date(2002, 9, 1)),
        (date(2004, 7, 3), None, 13, date(2004, 4, 4)),
        (date(1995, 12, 31), 12, None, date(1995, 1, 1)),
        # a year or quarter ending off a month's end is on a 52/53-week calendar
        (date(1991, 12, 29), 12, None, date(1990, 12, 31)),
        (date(2001, 12, 1), 12, None, date(2000, 12, 3)),
        (date(1994, 1, 2), 3, None, date(1993, 10, 4)),
    ],
)
def test_start_from_length(end: date, months: int | None, weeks: int | None, start: date) -> None:
    assert start_of(end, months, weeks) == start


@pytest.mark.parametrize(
    ("text", "power"),
    [
        ("(In thousands, except per share data)", 3),
        ("(in millions)", 6),
        ("(000's omitted)", 3),
        ("Dollars in thousands", 3),
        ("(millions, except earnings per common share)", 6),
        ("$ in millions", 6),
        ("(in 000s)", 3),
        ("Amounts in 000's", 3),
        ("(In Thousands of U.S. Dollars)", 3),
        ("(in billions)", 9),
        ("Consolidated Balance Sheets", 0),
        ("Issued 1,000 shares in 2000", 0),
    ],
)
def test_scale_phrases(text: str, power: int) -> None:
    assert scale_of(text)[0] == power


def test_edgar_header() -> None:
    lines = [
        "<SEC-HEADER>0000891092-04-003383.hdr.sgml : 20040722",
        "ACCESSION NUMBER:\t\t0000891092-04-003383",
        "CONFORMED SUBMISSION TYPE:\t8-K",
        "CONFORMED PERIOD OF REPORT:\t20040722",
        "FILED AS OF DATE:\t\t20040722",
        "\t\tCOMPANY CONFORMED NAME:\t\t\tSEARS ROEBUCK & CO",
        "\t\tCENTRAL INDEX KEY:\t\t\t0000319256",
        "</SEC-HEADER>",
    ]
    h = parse_header([ln.expandtabs(8) for ln in lines])
    assert h.accession == "0000891092-04-003383"
    assert h.form_type == "8-K"
    assert h.filed == date(2004, 7, 22)
    assert h.company == "SEARS ROEBUCK & CO"
    assert h.cik == "0000319256"


def test_submission_reads_only_the_exhibit_and_keeps_line_numbers() -> None:
    text = (
        b"<SEC-DOCUMENT>\n<SEC-HEADER>\nCONFORMED SUBMISSION TYPE:\t8-K\n</SEC-HEADER>\n"
        b"<DOCUMENT>\n<TYPE>8-K\n<TEXT>\ncover page 1,234  5,678\n</TEXT>\n</DOCUMENT>\n"
        b"<DOCUMENT>\n<TYPE>EX-99\n<TEXT>\nNet sales   1,234  5,678\n</TEXT>\n</DOCUMENT>\n"
    )
    t = read(text)
    assert t.documents == ("EX-99",)
    assert t.lines[7] == ""  # the 8-K body is blanked, not removed
    assert t.lines[13] == "Net sales   1,234  5,678"


@pytest.mark.parametrize(
    ("line", "out"),
    [("- -------   -----", "-------   -----"), ("- - Foo", "- Foo"), ("- Foo", "- Foo")],
)
def test_edgar_dash_escape(line: str, out: str) -> None:
    assert unescape(line) == out


def test_page_markers_leave_columns_in_place() -> None:
    assert strip_page_markers("<PAGE>   12") == ""
    assert strip_page_markers("abc <page> x") == "abc        x"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("caf\u00e9".encode(), "utf-8"),
        ("\u201cq\u201d".encode("cp1252"), "cp1252"),
        (b"\x81\x8d", "latin-1"),
    ],
)
def test_decoding_falls_back(data: bytes, encoding: str) -> None:
    assert read(data).encoding == encoding


def test_crlf_tabs_and_form_feeds() -> None:
    t = read(b"a\tb\r\n\x0cc\rd")
    assert t.lines == ("a       b", "c", "d")


def test_unicode_spaces_between_columns_are_spaces() -> None:
    """A no-break or figure space between a label and its figures keeps the columns."""
    t = read("Net sales\u00a0\u00a0\u00a0\u20071,234\u2009\u202f\u00a0\u00a05,678".encode())
    assert t.lines == ("Net sales    1,234    5,678",)

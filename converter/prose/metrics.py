"""What a figure in the prose is about: the words before it, read through the taxonomy.

The metric is the longest run of words ending just before the figure (past linking words such
as "was", "of", "increased to") that the taxonomy's synonyms know: "Net sales for the
twelve-months ended ..., were" names us-gaap:Revenues. Words in front of the metric that
are not articles, the company's own name or a verb ("Joe's revenues", "accessory
revenues"), the subject of a reporting verb ("The Domestic segment ... reported operating
income") and a section heading that names a part of the company ("Sears Canada") narrow
the metric to a part: such a figure is left unresolved rather than compared with the
company's total.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from converter.model import Filing, Unit
from converter.prose.text import Figure
from taxonomy import Taxonomy, normalize_label


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DILUTED = re.compile(
    r"\b(?:on\s+a\s+)?(?:fully[\s-]+)?diluted(?:\s+basis)?\b|\bassuming\s+(?:full\s+)?dilution\b",
    re.I,
)
_BASIC = re.compile(r"\b(?:on\s+a\s+)?(?:basic|primary)(?:\s+basis)?\b", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'&.\-]*[A-Za-z]|[A-Za-z]|[,():;]|--")
_LINK = _words(
    """
    was were is are be been being of totaled totalled totaling totalling total totals amounted
    amounting amount to increased decreased increase decrease rose fell grew declined climbed
    dropped jumped improved reached by approximately about nearly almost roughly some around up
    down a an the record at reported reports came in , or also just only slightly more less than
    over under equaled equalled stood had has have posted realized generated achieved recorded
    earned were respectively triple tripled double doubled quadrupled quadruple increases
    decreases rising falling growing and net for during ended ending representing reflecting
    which is or an
    """
)
_MODIFIERS = _words(
    """
    the a an our its their total annual consolidated combined overall reported record company's
    companys company quarterly fiscal full-year year-to-date net
    """
)
_BOUNDARY = _words(
    """
    with and posting posted posts reported reports report had has have generated generates
    achieved achieves recorded records earned earns while as that which where when in on for of
    to from by increased decreased was were said announced delivered returned produced realized
    saw also , ( : ; -- compared versus )
    """
)
# words of a heading that say nothing about which part of the company a section is about
_GENERIC_HEADING = _words(
    """
    for immediate release news press results result operations operating overview summary
    highlights financial finance consolidated company corporate quarter quarterly year annual
    fiscal full first second third fourth outlook liquidity capital resources discussion
    analysis management management's managements of and the review performance total other
    business earnings income statement statements selected data comparison comparisons compared
    with to in update items item special charges recent developments about contact contacts
    information notes note condition cash flow flows balance sheet continued gaap reported basis
    share shares per dividend dividends expenses expense costs cost margin margins gross net
    sales revenues revenue stock repurchase backlog taxes tax interest general background
    introduction conference call webcast forward looking forward-looking safe harbor position
    significant exhibit a an on at year-end year-to-date months weeks ended during calendar by
    from as
    """
)
_REPORTING = _words(
    """
    reported reports posted posts had has have generated generates earned earns recorded records
    achieved achieves delivered delivers produced produces saw sees realized realizes
    """
)
_SINGLE_WORDS = {"revenues", "revenue", "sales", "earnings"}
# labels that name one line in a statement but something wider in prose:
# "total capital" is debt plus equity
_NOT_IN_PROSE = {"total capital", "capital", "total", "income", "other", "other income"}
ALIASES = {
    "earnings": "net earnings",
    "profit": "net income",
    "net profit": "net income",
    "profits": "net income",
    "loss": "net loss",
    "operating profit": "operating income",
}
_INCOME_TYPES = re.compile(r"IncomeLoss|EarningsPerShare|ProfitLoss", re.I)
_EPS = (
    "us-gaap:EarningsPerShareBasic",
    "us-gaap:EarningsPerShareDiluted",
    "us-gaap:EarningsPerShareBasicAndDiluted",
)
_DIVIDENDS_PER_SHARE = (
    "us-gaap:CommonStockDividendsPerShareDeclared",
    "us-gaap:CommonStockDividendsPerShareCashPaid",
)
_DILUTED_OF = {
    "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic": (
        "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding"
    ),
    "us-gaap:EarningsPerShareBasic": "us-gaap:EarningsPerShareDiluted",
}


@dataclass(frozen=True, slots=True)
class Metric:
    """What a figure is about: the printed words, the candidate concepts, and their flavour."""

    words: str
    concepts: tuple[str, ...]
    loss: bool = False  # "net loss", "operating loss": the figure is a negative income
    diluted: bool = False
    basic: bool = False
    margin: bool = False  # "gross margin ... 33%": a percent of revenues
    why: str = ""  # why no concept: qualified, unknown, not named


def company_words(filing: Filing) -> set[str]:
    words = re.findall(r"[a-z]+", (filing.entity.name or "").lower())
    return {
        w
        for w in words
        if w
        not in {
            "inc",
            "corp",
            "corporation",
            "co",
            "the",
            "and",
            "of",
            "ltd",
            "company",
            "group",
            "incorporated",
            "holdings",
        }
    }


def lookup(tax: Taxonomy, words: str) -> tuple[str, ...]:
    label = normalize_label(words)
    tries = [label, ALIASES.get(label, "")]
    tries += [re.sub(r"\s+(?:expenses?|costs?)$", "", label)]
    for t in tries:
        if (
            not t
            or t in _NOT_IN_PROSE
            or (" " not in t and t not in _SINGLE_WORDS and t not in ALIASES)
        ):
            continue
        found = tax.lookup(t, "income_statement")
        if found:
            return tuple(f"us-gaap:{c}" for c in found)
    return ()


def _tokens(text: str) -> list[str]:
    return [w.lower().rstrip(".") for w in _WORD.findall(text)]


def _qualifier(words: list[str], start: int, company: set[str]) -> str:
    """The word that narrows a metric to a part of the company, or ""."""
    i = start - 1
    its = False
    while (
        i >= 0
        and words[i] not in _REPORTING
        and (words[i] in _MODIFIERS or _is_company(words[i], company))
    ):
        its = its or words[i] in ("its", "their")
        i -= 1
    if i >= 0 and words[i] not in _BOUNDARY:
        return words[i]
    if (
        i >= 0 and words[i] in _REPORTING
    ):  # "The Domestic segment, which ..., reported operating income"
        subject = _subject(words[:i], company)
        if subject:
            return subject
    if its:  # "Innovo's accessory business increased its revenues": whose?
        whose = [
            w
            for w in words[: max(i, 0)]
            if w not in _MODIFIERS and w not in _BOUNDARY and not _is_company(w, company)
        ]
        return " ".join(whose[-3:])
    return ""


def _subject(words: list[str], company: set[str]) -> str:
    """The content words of a short clause subject, without asides in parentheses or commas."""
    kept: list[str] = []
    depth, aside = 0, False
    for k, w in enumerate(words):
        depth += (w == "(") - (w == ")")
        if (
            w == ","
            and k + 1 < len(words)
            and words[k + 1] in ("which", "who", "that", "a", "an", "the")
        ):
            aside = True
        elif w == "," and aside:
            aside = False
        elif depth == 0 and not aside and w not in "()":
            kept.append(w)
    if len(kept) > 8:
        return ""  # a dateline or a long clause: no plain subject to read
    content = [
        w
        for w in kept
        if w not in _MODIFIERS
        and w not in _BOUNDARY
        and w not in _LINK
        and not _is_company(w, company)
        and w not in ("we", "it", "company")
    ]
    return " ".join(content)


def _is_company(word: str, company: set[str]) -> bool:
    base = re.sub(r"'s?$", "", word)
    return base in company


def read_metric(tax: Taxonomy, lead: str, company: set[str]) -> Metric | None:
    """The metric the words before a figure name; None when they name none (inherit)."""
    diluted = bool(_DILUTED.search(lead))
    basic = bool(_BASIC.search(lead))
    lead = _BASIC.sub(" ", _DILUTED.sub(" ", lead))
    words = _tokens(lead)
    end = len(words)
    while end and (
        words[end - 1] in _LINK
        or words[end - 1] in _MODIFIERS
        or _is_company(words[end - 1], company)
    ):
        end -= 1
    if not end:
        return None
    for start in range(max(0, end - 8), end):
        if not words[start][0].isalpha():
            continue
        text = " ".join(words[start:end])
        concepts = lookup(tax, text)
        if not concepts:
            continue
        qualifier = _qualifier(words, start, company)
        loss = bool(re.search(r"\bloss(es)?\b", text)) and "income" not in text
        margin = "margin" in text
        if qualifier:
            return Metric(
                text, (), why=f"'{text}' is narrowed by '{qualifier}': not the company's total"
            )
        return Metric(text, concepts, loss, diluted, basic, margin)
    text = " ".join(words[max(0, end - 6) : end])
    return Metric(text, (), why=f"no concept in the taxonomy is named '{text}'")


def concepts_for(metric: Metric, fig: Figure) -> tuple[tuple[str, ...], Unit | None]:
    """The concepts a figure of this kind can be about, and their unit."""
    cs = metric.concepts
    if fig.kind == "per_share":
        if any("Dividend" in c for c in cs):
            return _DIVIDENDS_PER_SHARE, Unit.USD_PER_SHARE
        if any(_INCOME_TYPES.search(c) for c in cs):
            eps = [c for c in cs if "EarningsPerShare" in c] or list(_EPS)
            if metric.diluted:
                eps = [_DILUTED_OF.get(c, c) for c in eps] + [
                    "us-gaap:EarningsPerShareBasicAndDiluted"
                ]
            elif not metric.basic and not any("EarningsPerShare" in c for c in cs):
                eps = list(_EPS)
            return tuple(dict.fromkeys(eps)), Unit.USD_PER_SHARE
        return (), Unit.USD_PER_SHARE
    if fig.kind == "count" or (fig.kind == "percent" and any("Shares" in c for c in cs)):
        shares = [_DILUTED_OF.get(c, c) if metric.diluted else c for c in cs if "Shares" in c]
        return tuple(shares), Unit.SHARES
    if fig.kind == "percent":
        return cs, None
    return tuple(c for c in cs if "PerShare" not in c and "Shares" not in c), Unit.USD


def section_words(heading: str, tax: Taxonomy, company: set[str]) -> str:
    """The words of a section heading that name a part of the company ("Domestic"), or ""."""
    if not heading or lookup(tax, heading):
        return ""
    words = [w for w in re.findall(r"[a-z][a-z'&]*", heading.lower()) if len(w) > 2 or w == "us"]
    if len(words) > 4:
        return ""  # a headline, not the name of a part of the company
    return " ".join(w for w in words if w not in _GENERIC_HEADING and not _is_company(w, company))


def carried(previous: Metric | None, own: Metric | None) -> Metric | None:
    """The metric of a figure after "compared with": the same as the one it is compared to.

    "Sears Canada reported operating income of $11 million, compared with operating income
    of $23 million": if the first is narrowed, so is the second. "... net income of $572,000,
    compared with a net loss of $618,000": the second keeps its own sign.
    """
    if previous is None or own is None:
        return own or previous
    if not previous.concepts:
        return previous
    if set(own.concepts) & set(previous.concepts):
        return own
    if own.words in ALIASES:
        return replace(previous, loss=own.loss, words=f"{previous.words} ({own.words})")
    return own

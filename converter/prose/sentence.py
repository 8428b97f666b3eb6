"""One sentence's figures turned into claims: metric, period, kind, then the comparison.

The period of a figure is a phrase printed just after it ("$3,191,000 in 2001"), else the
nearest one before it that is not itself the object of "compared with", else the
sentence's or the paragraph's period. A figure after "compared with" and no phrase of its
own is the year-ago figure. Figures joined by ", or" ("$572,000, or $.04 per share") share
their period. A figure after "up", "increased by" or before "increase" is a change, measured
from the earlier period the sentence names, else from the year-ago period.
"""

from __future__ import annotations

import re
from dataclasses import replace

from converter.model import Claim, ClaimStatus, Fact, Period
from converter.prose.context import Context
from converter.prose.match import Want, compare
from converter.prose.metrics import Metric, carried, concepts_for, read_metric, section_words
from converter.prose.periods import Phrase, phrases
from converter.prose.text import Sentence, figures

_CONNECTOR = re.compile(
    r"\b(?:compared\s+(?:with|to)|as\s+compared|versus|vs\.?|from|against|than|while|"
    r"whereas)\b|;",
    re.I,
)
_COMPARED = re.compile(r"(?:compared\s+(?:with|to)|versus|vs\.?|from|against|than|over)\s+(?:the\s+)?$", re.I)
_UP = (
    r"increased|increases|increase|rose|rise|grew|growth|gain(?:ed|s)?|climbed|jumped|improved|"
    r"improvement|up|higher"
)
_DOWN = (
    r"decreased|decreases|decrease|fell|declined|declines|decline|dropped|drop|down|lower|"
    r"reduction|reduced"
)
_DIRECTION_BEFORE = re.compile(
    rf"\b(?P<d>{_UP}|{_DOWN})(?:(?:\s+[\w'&]+){{0,3}}?\s+by|\s+of)?(?:\s+(?:approximately|about|nearly|almost|roughly|some|"
    rf"more\s+than|over|a|an))*\s*$",
    re.I,
)
_DIRECTION_AFTER = re.compile(rf"\s*(?P<d>{_UP}|{_DOWN}|more|less)\b(?!\s+(?:by\s+|of\s+)?[$\d])", re.I)
_NON_GAAP = re.compile(
    r"\b(?:adjusted|pro[\s-]*forma|excluding|exclusive\s+of|before\s+(?:special|one[\s-]time|"
    r"unusual|non-?recurring|restructuring)|normalized|operating\s+earnings|comparable[\s-]+store|"
    r"same[\s-]+store|non-?gaap)\b",
    re.I,
)
_PART_AFTER = re.compile(
    r"\s*,?\s*(?:(?:was|were|is|are)\s+)?(?:generated|attributable|related|associated|derived|"
    r"contributed|coming|resulting)\s+(?:from|to|with|by)\b",
    re.I,
)
_PART_BEFORE = re.compile(r"\bof\s+which\b|\bincluding\b|\bincluded\b|\bincludes?\b", re.I)


class SentenceReader:
    """Turns one sentence's figures into claims."""

    def __init__(self, ctx: Context, s: Sentence) -> None:
        self.ctx = ctx
        self.s = s
        self.figs = figures(s.text)
        # a sentence without figures makes no claim: its periods are never asked for
        self.phrases = phrases(s.text) if self.figs else []
        self.used: set[int] = set()  # phrases taken as a figure's own following phrase

    def period_of(self, i: int, ref: Period | None) -> tuple[Period | None, Phrase | None, bool]:
        """The figure's period, the phrase it came from, and whether it is a comparison."""
        fig = self.figs[i]
        end = self._group_end(i)
        later = [f.start for f in self.figs[end + 1 :] if f.kind != "count" or fig.kind == "count"]
        limit = later[0] if later else len(self.s.text)
        for k, ph in enumerate(self.phrases):
            gap = self.s.text[self.figs[end].end : ph.start]
            if (
                ph.start >= self.figs[end].end
                and ph.end <= limit
                and not _CONNECTOR.search(gap)
                and not ph.dateline
                and len(gap) < 90
            ):
                self.used.add(k)
                return self.ctx.calendar.resolve(ph, ref), ph, False
        start = self._group_start(i)
        at = self.figs[start - 1].end if start else 0
        cut = list(_CONNECTOR.finditer(self.s.text, at, self.figs[start].start))
        if (
            start
            and cut
            and not any(cut[-1].end() <= ph.start < self.figs[start].start for ph in self.phrases)
        ):
            return (self.ctx.calendar.year_ago(ref) if ref else None), None, True
        before = [
            (k, ph)
            for k, ph in enumerate(self.phrases)
            if ph.end <= fig.start
            and k not in self.used
            and not ph.dateline
            and not _COMPARED.search(self.s.text[: ph.start])
        ]
        if before:
            ph = before[-1][1]
            return self.ctx.calendar.resolve(ph, ref), ph, False
        return ref, None, False

    def _grouped(self, i: int) -> bool:
        """Figure i joins figure i-1: "$572,000, or $.04 per share"."""
        if i == 0:
            return False
        gap = self.s.text[self.figs[i - 1].end : self.figs[i].start]
        return bool(re.fullmatch(r"\s*,?\s*(?:or\s*)?\(?\s*", gap)) and (
            self.figs[i].kind == "per_share"
        ) != (self.figs[i - 1].kind == "per_share")

    def _group_start(self, i: int) -> int:
        while self._grouped(i):
            i -= 1
        return i

    def _group_end(self, i: int) -> int:
        while i + 1 < len(self.figs) and self._grouped(i + 1):
            i += 1
        return i

    def read(self) -> list[Claim]:
        out: list[Claim] = []
        metric: Metric | None = None
        ref = self.ctx.reference
        sentence_ref: Period | None = None
        periods: list[Period] = []
        for i, fig in enumerate(self.figs):
            lead_start = self.figs[i - 1].end if i else 0
            lead = self.s.text[lead_start : fig.start]
            cut = list(_CONNECTOR.finditer(lead))
            local = lead[cut[-1].end() :] if cut else lead
            local = _without_phrases(local, lead_start + (cut[-1].end() if cut else 0), self.phrases)
            own = read_metric(self.ctx.tax, local, self.ctx.company)
            if own is None and metric is None and cut:  # "gross margin increased from 32% ..."
                own = read_metric(
                    self.ctx.tax,
                    _without_phrases(_CONNECTOR.sub(" ", lead), lead_start, self.phrases),
                    self.ctx.company,
                )
            if fig.kind == "count" and not (own and any("Shares" in c for c in own.concepts)):
                own = None  # "an average base of 216.5 million shares" names no metric of its own
            metric = carried(metric, own) if cut else (own or metric)
            period, phrase, comparison = self.period_of(i, sentence_ref or ref)
            if (
                period is not None
                and not comparison
                and sentence_ref is None
                and not (phrase and phrase.relative)
            ):
                sentence_ref = period
            if period is not None:
                periods.append(period)
            claim = self.claim(i, metric, period, periods, sentence_ref or ref)
            if (
                claim is not None
                and period is None
                and phrase is not None
                and claim.reason.startswith("no period")
            ):
                claim = replace(claim, reason=f"'{phrase.text}' names no period the tables report")
            if claim is not None:
                out.append(claim)
        if sentence_ref is not None:
            self.ctx.reference = sentence_ref
        return out

    def claim(
        self,
        i: int,
        metric: Metric | None,
        period: Period | None,
        periods: list[Period],
        ref: Period | None,
    ) -> Claim | None:
        fig = self.figs[i]
        source = self.s.source(fig.start, fig.end)
        base = Claim(
            kind=self._kind(i, metric),
            status=ClaimStatus.UNRESOLVED,
            source=source,
            metric=metric.words if metric else "",
            value=fig.value,
            decimals=fig.decimals,
        )
        if (
            fig.kind == "count"
            and not fig.shares
            and not (metric and any("Shares" in c for c in metric.concepts))
        ):
            return None  # a plain number about something else: not a claim
        if metric is None:
            return replace(base, reason="no metric is named for it")
        narrowed = self._narrowed(i, metric)
        if narrowed:
            return replace(base, reason=narrowed)
        if not metric.concepts:
            return replace(base, reason=metric.why)
        concepts, unit = concepts_for(metric, fig)
        if not concepts:
            return replace(
                base,
                reason=f"'{metric.words}' has no concept for a {fig.kind.replace('_', ' ')} figure",
            )
        base = replace(base, unit=unit, concept=concepts[0])
        if base.kind in ("change", "percent_change"):
            prior = self._prior(period, periods, ref)
            base = replace(base, period=period, prior_period=prior)
        else:
            base = replace(base, period=period)
        want = Want(concepts, fig, metric.loss, self._direction(i))
        if fig.malformed:
            return compare(self.ctx, base, want, f"malformed number '{fig.text}': {fig.malformed}")
        if period is None:
            return replace(base, reason="no period is named for it")
        done = compare(self.ctx, base, want, "")
        if done.status == ClaimStatus.CONTRADICTED and self.ctx.other:
            again = compare(replace(self.ctx, facts=self.ctx.other, other={}), base, want, "")
            if again.status == ClaimStatus.MATCHED:
                table = self.ctx.titles.get(next((f.statement_index for f in self._facts(again)), -1), "")
                return replace(
                    again,
                    reason=f"matches the table '{table}' (line "
                    f"{', '.join(map(str, again.fact_lines))}), not the primary statements; "
                    f"{done.reason}",
                )
        adjusted = _NON_GAAP.search(self.s.text)
        if done.status == ClaimStatus.CONTRADICTED and adjusted:
            return replace(
                done,
                status=ClaimStatus.UNRESOLVED,
                reason=f"the sentence speaks of '{adjusted.group()}' figures, not the tables' own: "
                f"{done.reason}",
            )
        return done

    def _facts(self, claim: Claim) -> list[Fact]:
        ids = set(claim.facts)
        return [f for fs in self.ctx.other.values() for f in fs if f.id in ids]

    def _narrowed(self, i: int, metric: Metric) -> str:
        """Why the figure is only part of the metric: a segment's section, "generated from ..."."""
        heading = section_words(self.s.heading, self.ctx.tax, self.ctx.company)
        if heading:
            return f"in the section '{self.s.heading}', about '{heading}' rather than the company as a whole"
        end = self._group_end(i)
        after = _PART_AFTER.match(self.s.text, self.figs[end].end)
        if after:
            return f"a part of {metric.words or 'the metric'}: '{after.group().strip(' ,')} ...'"
        start = self._group_start(i)
        lead = self.s.text[self.figs[start - 1].end if start else 0 : self.figs[start].start]
        part = _PART_BEFORE.search(lead)
        if part:
            return f"a part of {metric.words or 'the metric'}: '{part.group()} ...'"
        if (
            start
            and self.figs[start - 1].kind == "percent"
            and re.fullmatch(
                r"\s*,?\s*or\s+(?:approximately|about|nearly|some)?\s*",
                self.s.text[self.figs[start - 1].end : self.figs[start].start],
            )
        ):
            return "the amount of a percentage share, not a total"
        return ""

    def _direction_match(self, i: int) -> re.Match[str] | None:
        fig = self.figs[i]
        start = self.figs[i - 1].end if i else 0
        at = max(start, fig.start - 60)
        before = _without_phrases(self.s.text[at : fig.start], at, self.phrases)
        return _DIRECTION_BEFORE.search(before) or _DIRECTION_AFTER.match(self.s.text, fig.end)

    def _direction(self, i: int) -> int:
        m = self._direction_match(i)
        return -1 if m and re.fullmatch(rf"{_DOWN}|less", m.group("d"), re.I) else 1

    def _kind(self, i: int, metric: Metric | None) -> str:
        fig = self.figs[i]
        changed = self._direction_match(i) is not None
        if fig.kind == "percent":
            if changed:
                return "percent_change"
            return "margin" if metric and metric.margin else "percent"
        return "change" if changed else "amount"

    def _prior(self, period: Period | None, periods: list[Period], ref: Period | None) -> Period | None:
        if period is None:
            return None
        others = [
            p
            for p in self._sentence_periods(ref)
            if p.end < period.end and (p.start is None) == (period.start is None)
        ]
        same = [p for p in others if _length(p) == _length(period)]
        return same[-1] if same else self.ctx.calendar.year_ago(period)

    def _sentence_periods(self, ref: Period | None) -> list[Period]:
        out = []
        for ph in self.phrases:
            p = self.ctx.calendar.resolve(ph, ref)
            if p is not None:
                out.append(p)
        return out


def _length(p: Period) -> int | None:
    return None if p.start is None else (p.end - p.start).days // 20


def _without_phrases(text: str, offset: int, found: list[Phrase]) -> str:
    """`text` (at `offset` in its sentence) with the period phrases blanked out."""
    chars = list(text)
    for ph in found:
        for k in range(max(ph.start, offset), min(ph.end, offset + len(text))):
            chars[k - offset] = " "
    return "".join(chars)

"""The lines of text the Inline XBRL page shows, by line number.

When the model carries the release's cleaned text (`Filing.lines`, line N at index N-1),
those are the lines. Otherwise the statements are laid out again from the model, each piece
at the line and column it was read from: the statement's first line (or its title), each
row's label and each printed cell; the scale text and the column headers, whose places the
model does not keep, go on lines of their own just above the first row. Facts keep their
`source` positions either way, so they can be tagged in place.
"""

from __future__ import annotations

from converter.model import Filing, Statement

Key = tuple[int, int]  # (line number, 0) for a line as read; (n, -k) for one laid out above n


class Canvas:
    """Lines of text, written to by (key, column); later text overwrites earlier."""

    def __init__(self) -> None:
        self.lines: dict[Key, str] = {}

    def put(self, key: Key, column: int, text: str, only_blank: bool = False) -> bool:
        text = " ".join(text.splitlines())
        if key[0] < 1 or column < 0 or not text:
            return False
        current = self.lines.get(key, "").ljust(column + len(text))
        if only_blank and current[column : column + len(text)].strip():
            return False
        self.lines[key] = current[:column] + text + current[column + len(text) :]
        return True


def _headers(canvas: Canvas, s: Statement) -> None:
    """The scale text, then the column headers, on lines laid out just above the first row.

    Each header ends where its column's cells end; one that would overlap another goes on
    a further line.
    """
    if not s.rows:
        return
    first_row = min(r.source.line for r in s.rows)
    texts: list[tuple[int, str]] = []
    if s.scale_text:
        texts.append((-1, s.scale_text))
    for col in s.columns:
        cells = [r.cells[col.index] for r in s.rows if col.index < len(r.cells)]
        ends = [c.source.column + len(c.source.text) for c in cells if c is not None]
        header = " ".join(col.header.split())
        if ends and header:
            texts.append((max(0, max(ends) - len(header)), header))
    rows: list[Canvas] = []
    for column, text in texts:
        for row in rows[1 if s.scale_text else 0 :]:
            if row.put((1, 0), column, text, only_blank=True):
                break
        else:
            rows.append(Canvas())
            rows[-1].put((1, 0), s.source.column if column < 0 else column, text)
    for k, row in enumerate(rows):
        canvas.lines[(first_row, k - len(rows))] = row.lines[(1, 0)]


def model_lines(filing: Filing) -> dict[Key, str]:
    canvas = Canvas()
    for s in filing.statements:
        canvas.put((s.source.line, 0), s.source.column, s.source.text or s.title)
        for r in s.rows:
            canvas.put((r.source.line, 0), r.source.column, r.source.text or r.label)
            for c in r.cells:
                if c is not None:
                    canvas.put((c.source.line, 0), c.source.column, c.source.text)
        _headers(canvas, s)
    for f in filing.facts:
        canvas.put((f.source.line, 0), f.source.column, f.source.text)
    return {k: canvas.lines[k].rstrip() for k in sorted(canvas.lines)}


def source_lines(filing: Filing) -> tuple[dict[Key, str], bool]:
    """The lines to show, in order, and whether gaps between line numbers omit text.

    Keys are (line number, 0) for lines whose facts may be tagged; (n, negative) for lines
    laid out from the model just above line n.
    """
    lines: tuple[str, ...] = getattr(filing, "lines", ())
    if lines:
        return {(n, 0): text for n, text in enumerate(lines, start=1)}, False
    return model_lines(filing), True

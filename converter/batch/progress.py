"""A one-line progress display on stderr: files done, failed, facts per second, time left.

It draws only on a terminal; notes about single files (a file skipped, a file that
failed) print above it, so they stay readable in a log.
"""

from __future__ import annotations

import time
from typing import TextIO


def _clock(seconds: float) -> str:
    s = int(seconds + 0.5)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"


class Progress:
    def __init__(self, total: int, stream: TextIO | None, draw: bool) -> None:
        self.total = total
        self.stream = stream
        self.draw = draw and stream is not None
        self.done = self.failed = self.facts = self.converted = 0
        self.start = self._last = time.monotonic()

    def line(self, now: float | None = None) -> str:
        elapsed = max((now or time.monotonic()) - self.start, 1e-9)
        rate = self.facts / elapsed
        left = self.total - self.done
        eta = _clock(left * elapsed / self.converted) if self.converted else "?"
        return (
            f"{self.done:,}/{self.total:,} files  {self.failed:,} failed  "
            f"{rate:,.0f} facts/s  ETA {eta}"
        )

    def skip(self, n: int = 1) -> None:
        """Inputs already converted by an earlier run: done, but no work this time."""
        self.done += n

    def advance(self, facts: int, failed: bool) -> None:
        self.done += 1
        self.converted += 1
        self.failed += failed
        self.facts += facts
        now = time.monotonic()
        if self.draw and (now - self._last >= 0.1 or self.done == self.total):
            self._last = now
            self._put("\r" + self.line(now) + "\x1b[K")

    def note(self, text: str) -> None:
        if self.stream is None:
            return
        self._put(("\r\x1b[K" if self.draw else "") + text + "\n")
        if self.draw:
            self._put(self.line())

    def close(self) -> None:
        if self.draw:
            self._put("\r\x1b[K")

    def _put(self, text: str) -> None:
        assert self.stream is not None
        self.stream.write(text)
        self.stream.flush()

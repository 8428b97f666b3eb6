"""The long fuzz run: mutated corpus releases must convert to valid JSON or raise ConversionError.

    python fuzz/run.py --examples 100000 [--jobs 2] [--seed 0] [--all-formats-every 50]
                       [--start N] [--window P]

Input n is built from `random.Random(f"{seed}:{n}")`, so a crash is reproduced from its
number alone (`--only N`). Each distinct crash (exception type and the innermost
project frame) is written once to fuzz/crashes/<key>.txt with its input and traceback;
the tests turn each into a regression case. A conversion slower than `--timeout`
seconds counts as a crash too. The in-suite counterpart is tests/test_fuzz.py.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import multiprocessing
import random
import re
import signal
import sys
import time
import traceback
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import mutate  # noqa: E402

CRASHES = Path(__file__).resolve().parent / "crashes"
_state: dict[str, Any] = {}


class Hang(Exception):
    pass


def _validator() -> Any:
    """jsonschema-rs when installed (about 100 times faster), else jsonschema."""
    import schemas

    schema = schemas.load("filing.schema.json")
    try:
        import jsonschema_rs

        return jsonschema_rs.validator_for(schema, validate_formats=True)
    except ImportError:
        from jsonschema import Draft202012Validator

        return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _init(seed: str, every: int, timeout: float, window: float) -> None:
    _state.update(corpus=mutate.corpus(), validator=_validator(), seed=seed, every=every,
                  timeout=timeout, window=window)
    signal.signal(signal.SIGALRM, _on_alarm)


def _on_alarm(signum: int, frame: object) -> None:
    raise Hang(f"no answer within {_state['timeout']} s")


def make_input(seed: str, n: int, corpus: list[tuple[str, list[str]]],
               window: float = 0.0) -> tuple[str, bytes]:
    """Input n: a corpus release (with probability `window`, 40-300 of its lines), mutated."""
    rng = random.Random(f"{seed}:{n}")
    case, lines = rng.choice(corpus)
    if rng.random() < window:  # a smaller input converts faster: more inputs per hour
        size = rng.randint(40, 300)
        at = rng.randrange(max(1, len(lines) - size))
        lines = lines[at:at + size]
    return case, mutate.encode(mutate.apply(lines, mutate.random_edits(rng)), rng.randrange(8))


def check(data: bytes, validator: Any, all_formats: bool) -> str:
    """'converted' or 'refused'; anything else raises."""
    import exporters
    from converter import convert
    from converter.errors import ConversionError

    try:
        filing = convert(data, "fuzz.txt")
    except ConversionError:
        return "refused"
    out = io.BytesIO()
    exporters.get("json").write(filing, out)
    validator.validate(json.loads(out.getvalue()))
    if all_formats:
        for name in exporters.names():
            exporter = exporters.get(name)
            exporter.write(filing, io.BytesIO())
            companions = getattr(exporter, "companions", None)
            if companions:
                companions(filing)
    return "converted"


def _crash_key(err: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(err.__traceback__)
              if "site-packages" not in f.filename]
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
    # a schema violation is told apart by the rule and the place it broke, not by run.py's line
    rule = re.search(r'Failed validating "?(\w+)"? in (\S+)', str(err))
    if rule:
        place = re.sub(r"\[\d+\]", "[]", rule.group(2))
        where = f"{rule.group(1)}@{place}"
    return f"{type(err).__name__}@{where}"


def work(n: int) -> tuple[int, str, str | None, str | None]:
    case, data = make_input(_state["seed"], n, _state["corpus"], _state["window"])
    signal.setitimer(signal.ITIMER_REAL, _state["timeout"])
    try:
        return n, check(data, _state["validator"], n % _state["every"] == 0), None, None
    except Exception as err:  # every other exception is the finding we are after
        signal.setitimer(signal.ITIMER_REAL, 0)
        key = _crash_key(err)
        name = hashlib.sha1(key.encode()).hexdigest()[:10]
        path = CRASHES / f"{name}.txt"
        if not path.exists():
            CRASHES.mkdir(exist_ok=True)
            path.with_suffix(".bin").write_bytes(data)
            path.write_text(f"{key}\ninput {n} (seed {_state['seed']}), from {case}\n\n"
                            + "".join(traceback.format_exception(err)))
        return n, "crash", key, case
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--examples", type=int, default=10_000)
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--seed", default="0")
    p.add_argument("--start", type=int, default=0, help="first input number")
    p.add_argument("--only", type=int, help="run input N alone, in this process, and raise")
    p.add_argument("--all-formats-every", type=int, default=50, metavar="K",
                   help="also run every exporter on one input in K")
    p.add_argument("--timeout", type=float, default=20.0)
    p.add_argument("--window", type=float, default=0.0, metavar="P",
                   help="cut a window of 40-300 lines from the release with probability P")
    args = p.parse_args(argv)
    if args.only is not None:
        data = make_input(args.seed, args.only, mutate.corpus(), args.window)[1]
        print(check(data, _validator(), True))
        return 0
    counts: dict[str, int] = {}
    crashes: dict[str, int] = {}
    started = time.monotonic()
    numbers = range(args.start, args.start + args.examples)
    setup = (args.seed, args.all_formats_every, args.timeout, args.window)
    with multiprocessing.Pool(args.jobs, _init, setup) as pool:
        for done, (n, outcome, key, _case) in enumerate(pool.imap_unordered(work, numbers, 16), 1):
            counts[outcome] = counts.get(outcome, 0) + 1
            if key:
                if key not in crashes:
                    print(f"crash at input {n}: {key}", flush=True)
                crashes[key] = crashes.get(key, 0) + 1
            if done % 1000 == 0 or done == args.examples:
                rate = done / (time.monotonic() - started)
                print(f"{done} inputs, {counts}, {len(crashes)} distinct crashes, {rate:.0f}/s",
                      flush=True)
    print(json.dumps({"inputs": args.examples, "outcomes": counts, "crashes": crashes}, indent=1))
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())

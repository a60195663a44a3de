"""Long fuzz runs over every input format: ``python fuzzer/fuzz.py [-n 20000] [--seed 1] [seed dirs…]``.

Mutants of the seed files (``tests/data`` by default, see ``mutators.py``)
are loaded one by one.  An exception that is not a gsgk error, a JSON round
trip that changes the report, or an input that takes longer than
``--slow`` seconds is a finding: it is printed and its bytes are written to
``--out`` (``fuzzer/findings``), ready to become a regression test.  With
``--atheris`` (``pip install atheris``) libFuzzer drives the same mutators
for coverage-guided runs.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import random
import resource
import signal
import sys
import time
from pathlib import Path
from types import FrameType

from mutators import mutate, run, seeds

ROOT = Path(__file__).resolve().parent.parent


class _Hang(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _Hang


def _save(out: Path, data: bytes, problem: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha256(data).hexdigest()[:16]
    (out / f"{name}.bin").write_bytes(data)
    (out / f"{name}.txt").write_text(problem + "\n", encoding="utf-8")


def _one(data: bytes, slow: float, limit: float) -> tuple[str | None, float]:
    signal.setitimer(signal.ITIMER_REAL, limit)
    start = time.perf_counter()
    try:
        problem = run(data)
    except _Hang:
        problem = f"hang: over {limit} s"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    took = time.perf_counter() - start
    if problem is None and took > slow:
        problem = f"slow: {took:.2f} s"
    return problem, took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("roots", nargs="*", type=Path, default=[ROOT / "tests" / "data"])
    parser.add_argument("-n", type=int, default=20_000, help="mutants to try")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--slow", type=float, default=2.0, help="seconds that make an input a finding")
    parser.add_argument("--out", type=Path, default=ROOT / "fuzzer" / "findings")
    parser.add_argument("--atheris", action="store_true", help="coverage-guided run with atheris")
    args = parser.parse_args()
    pool = seeds(*args.roots)
    signal.signal(signal.SIGALRM, _alarm)
    if args.atheris:
        return _atheris(pool, args)
    rng = random.Random(args.seed)
    kinds: collections.Counter[str] = collections.Counter()
    worst = (0.0, b"")
    for i in range(args.n):
        data = mutate(rng.choice(pool), rng)
        problem, took = _one(data, args.slow, 10 * args.slow)
        worst = max(worst, (took, data))
        if problem:
            kinds[problem.split(":")[0]] += 1
            _save(args.out, data, problem)
            print(f"#{i}: {problem}", flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"{args.n} mutants of {len(pool)} seeds: {dict(kinds) or 'no findings'}; "
          f"slowest {worst[0]:.2f} s ({len(worst[1])} bytes); peak memory {peak} MB")
    return 1 if kinds else 0


def _atheris(pool: list[bytes], args: argparse.Namespace) -> int:  # pragma: no cover - needs atheris
    import atheris

    def one_input(data: bytes) -> None:
        rng = random.Random(data)
        problem, _ = _one(mutate(rng.choice(pool), rng), args.slow, 10 * args.slow)
        if problem:
            raise RuntimeError(problem)

    atheris.Setup(sys.argv[:1], one_input)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main())

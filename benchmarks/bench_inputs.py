"""Load time of a report as HTML and DOCX next to its text form, and the HTML parsers compared.

Run from the project root: ``python benchmarks/bench_inputs.py [--repeat N]``.
Every figure is a median over ``N`` runs measured in this run; the ratios
are against the text form of the same report (the baseline), so they hold
across machines.  The second table times parsing alone (bytes → tree) with
each HTML parser that is installed, on the real page and on a Word export.
"""

from __future__ import annotations

import argparse
import statistics
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import gsgk
from gsgk.readers.html import decode

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
FORMS = {
    "html (official page)": "html/{stem}.official.html",
    "html (Word export)": "html/{stem}.word.html",
    "docx": "docx/{stem}.docx",
}
PAGES = [DATA / "html" / "pingtan_2024.html", DATA / "html" / "000_3d6f15d5316b24ac.word.html"]


def median_ms(run: Callable[[], object], repeat: int) -> float:
    run()  # warm caches and imports
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def load_times(repeat: int) -> None:
    print(f"median load time over {repeat} runs (ms), ratio to the text form of the same report")
    print(f"{'report':8} {'text':>8} " + " ".join(f"{name:>26}" for name in FORMS))
    for seed in sorted((DATA / "seeds").glob("*.txt")):
        stem = seed.name.split(".")[0]
        base = median_ms(lambda seed=seed: gsgk.load(seed), repeat)
        cells = []
        for pattern in FORMS.values():
            path = DATA / pattern.format(stem=stem)
            ms = median_ms(lambda path=path: gsgk.load(path), repeat)
            cells.append(f"{ms:8.2f} ms ({ms / base:4.2f}x)".rjust(26))
        print(f"{stem[:8]:8} {base:8.2f} " + " ".join(cells))


def parsers() -> dict[str, Callable[[str], object]]:
    """Each installed HTML parser as ``text → tree``."""
    found: dict[str, Callable[[str], object]] = {}
    try:
        from lxml import etree

        def with_lxml(text: str) -> object:
            parser = etree.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True)
            return etree.fromstring(text.encode("utf-8"), parser)

        found["lxml"] = with_lxml
    except ImportError:
        pass
    try:
        from selectolax.lexbor import LexborHTMLParser

        found["selectolax (lexbor)"] = LexborHTMLParser
    except ImportError:
        pass
    try:
        import html5lib

        found["html5lib"] = lambda text: html5lib.parse(text, treebuilder="lxml", namespaceHTMLElements=False)
    except ImportError:
        pass
    return found


def parser_times(repeat: int) -> None:
    print(f"\nmedian parse time (bytes already decoded) over {repeat} runs (ms)")
    available = parsers()
    print(f"{'page':40} {'KiB':>6} " + " ".join(f"{name:>20}" for name in available))
    warnings.simplefilter("ignore")  # html5lib warns about Word's o:p names
    for page in PAGES:
        text = decode(page.read_bytes())
        times = [median_ms(lambda parse=parse, text=text: parse(text), repeat) for parse in available.values()]
        print(f"{page.name[:40]:40} {page.stat().st_size / 1024:6.0f} " + " ".join(f"{t:20.2f}" for t in times))
    whole = median_ms(lambda: gsgk.load(PAGES[0]), repeat)
    print(f"whole gsgk.load of {PAGES[0].name}: {whole:.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=21)
    args = parser.parse_args()
    load_times(args.repeat)
    parser_times(args.repeat)


if __name__ == "__main__":
    main()

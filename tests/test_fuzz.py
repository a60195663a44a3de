"""Mutants of every bundled input end in a report or a gsgk error, never in another exception.

A bounded run of the mutators of ``fuzzer/`` (``python fuzzer/fuzz.py`` runs
them for long): a fixed seed, so the run is the same every time.  A loaded
mutant must also survive the JSON round trip, and, when it needed no
recovery, the text one and the HTML one on what HTML keeps (``docs/inputs.md``).
"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mutators import mutate, run, seeds

from gsgk.readers import detect

from conftest import DATA, examples

REAL_PDF = DATA / "pdf" / "淮安市人民政府_2024.pdf"
SEEDS = [*(seed for seed in seeds(DATA) if detect(seed) != "pdf"), REAL_PDF.read_bytes()]
"""Every bundled text, HTML, DOCX and JSON input, and one PDF (a PDF costs a hundred times a text to read;
``python fuzzer/fuzz.py`` mutates them all)."""


@settings(max_examples=examples(1500), derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.sampled_from(SEEDS), st.randoms(use_true_random=False))
def test_mutants_end_in_a_report_or_a_gsgk_error(seed: bytes, rng: random.Random) -> None:
    assert run(mutate(seed, rng), damaged=False) is None


def test_the_seeds_cover_every_input_format() -> None:
    assert {detect(seed) for seed in SEEDS} >= {"text", "html", "docx", "json", "pdf"}

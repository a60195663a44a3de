"""``gsgk render``: formats, output files, binary safety and errors."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import gsgk
from gsgk.cli import main

from conftest import SEEDS


@pytest.mark.parametrize("fmt", ["text", "html", "markdown", "json"])
def test_render_to_stdout(fmt: str, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["render", str(SEEDS[0]), "--format", fmt]) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert out == gsgk.dumps(gsgk.load(SEEDS[0]), format=fmt)


def test_render_docx_to_file_by_suffix(tmp_path: Path) -> None:
    out = tmp_path / "report.docx"
    assert main(["render", str(SEEDS[1]), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"PK\x03\x04")
    assert gsgk.load(out) == gsgk.load(SEEDS[1])


def test_render_docx_to_a_pipe(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["render", str(SEEDS[2]), "-f", "docx"]) == 0
    assert gsgk.load(io.BytesIO(capsysbinary.readouterr().out)) == gsgk.load(SEEDS[2])


def test_html_fragment(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["render", str(SEEDS[0]), "-f", "html", "--fragment"]) == 0
    assert capsysbinary.readouterr().out.startswith(b'<div class="gsgk-report">')


def test_fragment_only_for_html(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(SEEDS[0]), "-f", "markdown", "--fragment"]) == 2
    assert "--fragment is for html" in capsys.readouterr().err


def test_unreadable_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("这不是一份报告。\n", encoding="utf-8")
    assert main(["render", str(tmp_path / "missing.txt")]) == 2
    assert main(["render", str(bad), "-f", "html"]) == 2
    err = capsys.readouterr().err
    assert "missing.txt" in err and "bad.txt" in err and "Traceback" not in err


def test_unknown_format_is_refused() -> None:
    with pytest.raises(SystemExit):
        main(["render", str(SEEDS[0]), "-f", "pdf"])

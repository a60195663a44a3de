"""The installed ``gsgk`` command, run as a user runs it: one-line errors, stdin, folders, exit codes."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

import gsgk

from conftest import DATA, SEEDS, gsgk_run

BROKEN_SUMS = DATA / "checks" / "broken_sums.txt"


def test_python_dash_m_gsgk_is_the_command() -> None:
    done = gsgk_run("--version", command=(sys.executable, "-m", "gsgk"))
    assert done.returncode == 0 and done.stdout == f"gsgk {gsgk.__version__}\n"


def test_check_reads_a_report_from_stdin() -> None:
    done = gsgk_run("check", "-", stdin=BROKEN_SUMS.read_bytes())
    assert done.returncode == 1
    assert "-:63:10: error [sum-appeals]" in done.stdout


def test_check_walks_a_folder_and_lists_what_it_skipped(tmp_path: Path) -> None:
    shutil.copy(SEEDS[3], tmp_path / "a.txt")
    (tmp_path / "old.wps").write_bytes(b"\xd0\xcf\x11\xe0")
    done = gsgk_run("check", tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"{tmp_path / 'a.txt'}: 0 errors" in done.stdout
    assert done.stderr == f"{tmp_path / 'old.wps'}: skipped: not read: a WPS file: save it as .docx\n"


def test_check_of_a_folder_without_reports_exits_2(tmp_path: Path) -> None:
    done = gsgk_run("check", tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith(f"{tmp_path}: skipped: the folder holds no report file")


def test_batch_where_nothing_is_read_fails(tmp_path: Path) -> None:
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    done = gsgk_run("batch", tmp_path, "--out", tmp_path / "out.csv", "--quiet")
    assert done.returncode == 1
    assert "0 ok, 0 with findings, 0 failed, 1 skipped" in done.stderr
    assert done.stderr.endswith("gsgk batch: no file could be read\n")


def test_batch_creates_the_output_folder(tmp_path: Path) -> None:
    out = tmp_path / "out" / "deeper" / "cells.jsonl"
    done = gsgk_run("batch", SEEDS[3], "--out", out, "--quiet")
    assert done.returncode == 0, done.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


def test_an_output_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    done = gsgk_run("batch", SEEDS[3], "--out", tmp_path / "file" / "cells.csv", "--quiet")
    assert done.returncode == 2
    assert done.stderr == f"gsgk batch: {tmp_path / 'file'}: a file, not a folder: choose another output path\n"


def test_a_missing_extra_names_the_install(tmp_path: Path) -> None:
    (tmp_path / "pyarrow").mkdir()
    (tmp_path / "pyarrow" / "__init__.py").write_text("raise ImportError('not installed')\n", encoding="utf-8")
    done = gsgk_run("batch", SEEDS[3], "--out", tmp_path / "cells.parquet", "--quiet",
                    env={"PYTHONPATH": str(tmp_path)})
    assert done.returncode == 2
    assert done.stderr == 'gsgk batch: pyarrow is needed here: pip install "gsgk[parquet]"\n'


@pytest.mark.parametrize("suffix", [".pdf", ".xlsx"])
def test_render_refuses_an_output_it_cannot_write(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"report{suffix}"
    done = gsgk_run("render", SEEDS[3], "-o", out)
    assert done.returncode == 2
    assert done.stderr.startswith(f"gsgk render: {out}: cannot write {suffix}; name it .txt, .html")
    assert not out.exists()


def test_render_reads_stdin_and_picks_the_format_from_the_suffix(tmp_path: Path) -> None:
    out = tmp_path / "new" / "report.md"
    done = gsgk_run("render", "-", "-o", out, stdin=SEEDS[3].read_bytes())
    assert done.returncode == 0 and done.stderr == ""
    assert out.read_text(encoding="utf-8") == gsgk.dumps(gsgk.load(SEEDS[3]), format="markdown")


def test_render_marks_errors_and_warns(tmp_path: Path) -> None:
    out = tmp_path / "broken.html"
    done = gsgk_run("render", BROKEN_SUMS, "-o", out)
    assert done.returncode == 0
    errors = [f for f in gsgk.check(gsgk.load(BROKEN_SUMS)) if f.severity == "error"]
    assert done.stderr == (f"gsgk render: warning: {BROKEN_SUMS}: {len(errors)} errors ({errors[0].code} …), "
                           "run gsgk check for the list; the cells concerned are marked\n")
    page = out.read_text(encoding="utf-8")
    assert page.count('<td class="error" title="[') == len({key for f in errors for key in f.cells})
    assert gsgk.load(out) == gsgk.loads(gsgk.dumps(gsgk.load(BROKEN_SUMS), format="html"))

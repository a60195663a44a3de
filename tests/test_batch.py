"""``gsgk batch`` and ``load_many``: every file accounted for, outputs that read back, clean Ctrl-C."""

from __future__ import annotations

import csv
import io
import json
import shutil
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

import gsgk
from gsgk.batch import Failure, load_many
from gsgk.checks import check
from gsgk.cli import main
from gsgk.cli.batch import expand
from gsgk.sources import Skipped

from conftest import SEEDS, agrees, expected_cells, expected_meta

BAD = Path(__file__).parent / "data" / "batch"
BAD_FILES = sorted(BAD.iterdir())
OLD_WORD = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
"""The start of an OLE2 compound file, as a .doc from Word 97–2003 begins."""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The five seeds and the bad files (broken, binary, empty, a non-ZIP .docx) in nested folders,
    an old Word file (skipped) and a stylesheet (not a report)."""
    corpus = tmp_path / "corpus"
    (corpus / "bad").mkdir(parents=True)
    for path in SEEDS:
        shutil.copy(path, corpus / path.name)
    for path in BAD_FILES:
        shutil.copy(path, corpus / "bad" / path.name)
    (corpus / "bad" / "old.doc").write_bytes(OLD_WORD)
    (corpus / "style.css").write_text("p { color: red }", encoding="utf-8")
    return corpus


def _key(path: str) -> str:
    return Path(path).name


def test_every_file_gets_a_row_with_its_status(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    status = main(["batch", str(folder), "--out", str(out), "--jobs", "2", "--quiet"])
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    got = {_key(line["file"]): line for line in lines}
    assert len(lines) == len(got) == len(SEEDS) + len(BAD_FILES) + 1
    for path in SEEDS:
        assert got[path.name]["status"] in ("ok", "findings")
        assert got[path.name]["error"] is None
    for path in BAD_FILES:
        assert got[path.name]["status"] == "failed"
        assert got[path.name]["error"]["message"]
        assert "cells" not in got[path.name]
    assert got["old.doc"]["status"] == "skipped"
    assert got["old.doc"]["error"]["message"] == "not read: an old binary Word file: save it as .docx"
    assert status == 1


def test_exit_status_is_zero_when_nothing_failed(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["batch", *map(str, SEEDS), "--out", str(out), "--quiet", "--jobs", "1"]) == 0


def test_jsonl_lines_are_reports_with_their_findings(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    main(["batch", *map(str, SEEDS), "--out", str(out), "--quiet", "--jobs", "1"])
    for path, line in zip(SEEDS, out.read_text(encoding="utf-8").splitlines()):
        data = json.loads(line)
        report = gsgk.load(path)
        assert gsgk.structure(data) == report
        assert [f["code"] for f in data["findings"]] == [f.code for f in check(report)]


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fp:
        return list(csv.DictReader(fp))


def test_csv_reads_back_to_the_records_and_the_hand_checked_values(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    main(["batch", str(folder), "--out", str(out), "--quiet", "--jobs", "1"])
    rows = _read_csv(out)
    for path in SEEDS:
        mine = [r for r in rows if _key(r["file"]) == path.name]
        records = gsgk.to_records(gsgk.load(path))
        assert [(int(r["section"]), r["row"], r["column"]) for r in mine] == \
               [(r["section"], r["row"], r["column"]) for r in records]
        assert [r["value"] for r in mine] == ["" if r["value"] is None else str(r["value"]) for r in records]
        expected = expected_cells(path)
        for r in mine:
            value = Decimal(r["value"]) if r["value"] else None
            assert agrees(expected[(int(r["section"]), r["row"], r["column"])], value), r
    for path in BAD_FILES:
        (failed,) = [r for r in rows if _key(r["file"]) == path.name]
        assert failed["error"] and failed["section"] == failed["value"] == ""


def test_parquet_reads_back_to_the_records(folder: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out, findings = tmp_path / "out.parquet", tmp_path / "findings.parquet"
    main(["batch", str(folder), "--out", str(out), "--findings", str(findings), "--quiet", "--jobs", "2"])
    rows = pq.read_table(out).to_pylist()
    for path in SEEDS:
        mine = [r for r in rows if _key(r["file"]) == path.name]
        records = gsgk.to_records(gsgk.load(path))
        assert len(mine) == len(records) == 200
        for row, record in zip(mine, records):
            assert (row["section"], row["row"], row["column"]) == (record["section"], record["row"], record["column"])
            got = None if row["value"] is None else Decimal(str(row["value"]))
            assert got == record["value"]
            assert agrees(expected_cells(path)[(row["section"], row["row"], row["column"])], got)
            assert row["year"] == expected_meta(path)["year"]
    assert {_key(r["file"]) for r in rows if r["error"]} == {p.name for p in BAD_FILES} | {"old.doc"}
    table = pq.read_table(findings).to_pylist()
    for path in SEEDS:
        assert [r["code"] for r in table if _key(r["file"]) == path.name] == [f.code for f in check(gsgk.load(path))]


def test_csv_has_a_byte_order_mark_unless_told_not_to(tmp_path: Path) -> None:
    with_bom, without = tmp_path / "bom.csv", tmp_path / "plain.csv"
    main(["batch", str(SEEDS[0]), "--out", str(with_bom), "--quiet", "--jobs", "1"])
    main(["batch", str(SEEDS[0]), "--out", str(without), "--quiet", "--jobs", "1", "--no-bom"])
    assert with_bom.read_bytes().startswith("\ufefffile,organ,".encode())
    assert without.read_bytes().startswith(b"file,organ,")
    assert with_bom.read_bytes()[3:] == without.read_bytes()


def test_xlsx_has_chinese_headers_and_numbers(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out, findings = tmp_path / "new" / "cells.xlsx", tmp_path / "findings.xlsx"
    main(["batch", str(SEEDS[0]), str(BAD / "broken.txt"), "--out", str(out), "--findings", str(findings),
          "--quiet", "--jobs", "1"])
    rows = list(openpyxl.load_workbook(out).active.values)
    assert rows[0] == ("文件", "机关", "年度", "模板版本", "表", "行", "列", "行键", "列键", "数值", "错误")
    records = gsgk.to_records(gsgk.load(SEEDS[0]))
    assert [(r[4], r[5], r[6], r[9]) for r in rows[1:201]] == \
           [(c["section"], c["row"], c["column"], c["value"]) for c in records]
    assert rows[201][0] == str(BAD / "broken.txt") and rows[201][10].startswith("ParseError")
    assert next(openpyxl.load_workbook(findings).active.values)[:3] == ("文件", "代码", "级别")


def test_parquet_integers_read_into_pandas_as_integers(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    out = tmp_path / "cells.parquet"
    main(["batch", str(SEEDS[0]), str(BAD / "broken.txt"), "--out", str(out), "--quiet", "--jobs", "1"])
    frame = pd.read_parquet(out)
    assert str(frame["year"].dtype) == "Int32" and str(frame["section"].dtype) == "Int8"
    assert frame["section"].iloc[0] == 2 and pd.isna(frame["section"].iloc[-1])


def test_findings_csv_has_one_row_per_finding(tmp_path: Path) -> None:
    out, findings = tmp_path / "out.csv", tmp_path / "findings.csv"
    main(["batch", *map(str, SEEDS), "--out", str(out), "--findings", str(findings), "--quiet", "--jobs", "1"])
    rows = _read_csv(findings)
    assert list(rows[0]) == ["file", "code", "severity", "message", "line", "column", "cells"]
    for path in SEEDS:
        expected = check(gsgk.load(path))
        mine = [r for r in rows if _key(r["file"]) == path.name]
        assert [(r["code"], r["severity"]) for r in mine] == [(f.code, f.severity) for f in expected]
        assert [json.loads(r["cells"]) for r in mine] == [[list(c) for c in f.cells] for f in expected]


def test_unknown_output_format_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", str(SEEDS[0]), "--out", str(tmp_path / "out.ods"), "--quiet"]) == 2
    assert "unknown output format" in capsys.readouterr().err


def test_summary_names_counts_codes_and_failures(folder: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    main(["batch", str(folder), "--out", str(tmp_path / "out.csv"), "--quiet", "--jobs", "1"])
    err = capsys.readouterr().err
    assert f"{len(SEEDS) + len(BAD_FILES) + 1} files:" in err
    assert f"{len(BAD_FILES)} failed, 1 skipped" in err
    assert f"skipped: {folder / 'bad' / 'old.doc'}: not read: an old binary Word file: save it as .docx" in err
    assert "most frequent findings:" in err
    assert all(f"failed: {folder / 'bad' / p.name}" in err for p in BAD_FILES)


def test_paths_from_folders_globs_files_and_stdin(folder: Path) -> None:
    stdin = io.StringIO(f"{SEEDS[0]}\n\n{SEEDS[1]}\n")
    walked = list(expand([str(folder)], stdin))
    assert walked[-1] == Skipped(str(folder / "bad" / "old.doc"), "not read: an old binary Word file: save it as .docx")
    assert [Path(p).name for p in walked[:-1]] == sorted(p.name for p in SEEDS) + sorted(p.name for p in BAD_FILES)
    assert list(expand([str(folder / "*.txt")], stdin)) == sorted(str(folder / p.name) for p in SEEDS)
    assert list(expand(["-", "missing.txt"], stdin)) == [str(SEEDS[0]), str(SEEDS[1]), "missing.txt"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_load_many_streams_in_input_order(jobs: int) -> None:
    paths = [*SEEDS, BAD / "empty.txt", Path("no/such/file.txt"), *SEEDS]
    results = list(load_many(paths, jobs=jobs))
    assert [path for path, _ in results] == [str(p) for p in paths]
    for path, result in results:
        if Path(path).parent == SEEDS[0].parent:
            assert result == gsgk.load(path)
        else:
            assert isinstance(result, Failure)
    empty, missing = results[len(SEEDS)][1], results[len(SEEDS) + 1][1]
    assert isinstance(empty, Failure) and empty.error == "ParseError" and empty.line == 1
    assert isinstance(missing, Failure) and missing.error == "FileNotFoundError"


def test_ctrl_c_leaves_a_readable_output(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    listing = tmp_path / "paths.txt"
    listing.write_text("\n".join(str(SEEDS[i % len(SEEDS)]) for i in range(3000)) + "\n", encoding="utf-8")
    command = [sys.executable, "-c", "import sys; from gsgk.cli import main; sys.exit(main())",
               "batch", "-", "--out", str(out), "--jobs", "2", "--quiet"]
    with listing.open(encoding="utf-8") as stdin:
        process = subprocess.Popen(command, stdin=stdin, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while (not out.exists() or out.stat().st_size < 100_000) and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert "interrupted after" in err
    assert out.read_text(encoding="utf-8").endswith("\n")
    rows = _read_csv(out)
    assert 0 < len(rows) < 3000 * 200
    assert len(rows) % 200 == 0  # whole files only
    assert {r["file"] for r in rows} <= {str(p) for p in SEEDS}

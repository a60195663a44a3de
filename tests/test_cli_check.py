"""``gsgk check``: findings per file, JSON for machines, exit status 0 / 1 / 2, ``--series``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import gsgk
from gsgk.cli import main
from gsgk.model import Report

from conftest import DATA

SEED_000 = str(DATA / "seeds" / "000_3d6f15d5316b24ac.txt")
SEED_003 = str(DATA / "seeds" / "003_59d91e6a9fd921ee.txt")
BROKEN = str(DATA / "checks" / "broken_sums.txt")


def test_clean_reports_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", SEED_000, SEED_003]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{SEED_000}:34:2: info [label-variant] 「规范性文件」按模板的「行政规范性文件」识别",
        f"{SEED_000}:61:2: warning [header-foreign] 第二十条第（八）项的表头印为「本年处理决定数量」，"
        "模板为「本年收费金额（单位：万元）」",
        f"{SEED_000}:352:1: info [heading-variant] 标题「四、政府信息公开工作被申请行政复议、提起行政诉讼情况」"
        "按「四、政府信息公开行政复议、行政诉讼情况」识别",
        f"{SEED_000}: 0 errors, 1 warning, 2 info",
        f"{SEED_003}: 0 errors, 0 warnings, 0 info",
    ]


def test_a_broken_identity_exits_1_and_says_where(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", BROKEN]) == 1
    out = capsys.readouterr().out
    assert (f"{BROKEN}:63:10: error [sum-appeals] 表四「行政复议」行：总计（0）应等于结果维持、结果纠正、其他结果、"
            "尚未审结之和（10+1+0+0=11），相差11") in out.splitlines()
    assert f"{BROKEN}:33:18: error [sum-balance] " in out
    assert out.splitlines()[-1] == f"{BROKEN}: 3 errors, 0 warnings, 0 info"


def test_min_severity_hides_lines_not_the_status(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--min-severity", "warning", SEED_000]) == 0
    assert [line.split(": ")[1] for line in capsys.readouterr().out.splitlines()] == [
        "warning [header-foreign] 第二十条第（八）项的表头印为「本年处理决定数量」，"
        "模板为「本年收费金额（单位：万元）」",
        "0 errors, 1 warning, 2 info",
    ]


def test_unreadable_file_exits_2_with_a_caret(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("会议纪要\n今天开会。\n", encoding="utf-8")
    assert main(["check", SEED_003, str(bad)]) == 2
    captured = capsys.readouterr()
    assert f"{bad}: cannot check: line 1, column 1: not a government information disclosure annual report" \
        in captured.err
    assert captured.err.rstrip().endswith("^")
    assert f"{SEED_003}: 0 errors, 0 warnings, 0 info" in captured.out


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", BROKEN, str(tmp_path / "absent.txt")]) == 2
    assert "absent.txt: cannot check:" in capsys.readouterr().err


def test_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "json", BROKEN]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["status"] == 1
    (result,) = document["files"]
    assert (result["path"], result["organ"], result["year"]) == (BROKEN, "示例县人民政府", 2023)
    appeals = result["findings"][-1]
    assert [appeals[k] for k in ("code", "severity", "line", "column")] == ["sum-appeals", "error", 63, 10]
    assert appeals["cells"][0] == [4, "行政复议", "总计"]
    assert document["series"] == []


def test_json_reports_unreadable_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    assert main(["check", "--format", "json", str(bad)]) == 2
    (result,) = json.loads(capsys.readouterr().out)["files"]
    assert result["path"] == str(bad) and set(result["error"]) == {"message", "code", "line", "column"}


def test_series(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    this = gsgk.load(SEED_003)
    forward = (3, "四、结转下年度继续办理", "总计")
    last = Report(cells=this.cells.replace({forward: 1, (2, "行政规范性文件", "现行有效件数"): 30}),
                  organ=this.organ, year=2022)
    last_path = tmp_path / "2022.json"
    last_path.write_text(gsgk.dumps(last, format="json"), encoding="utf-8")
    assert main(["check", SEED_003, str(last_path)]) == 1  # the 2022 report alone breaks a sum
    capsys.readouterr()
    assert main(["check", "--series", "--min-severity", "error", SEED_003, str(last_path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[-2:] == [
        f"{SEED_003}:93:2: error [series-carry] 2022年报告表三「四、结转下年度继续办理」×「总计」为1，"
        "2023年报告表三「二、上年结转政府信息公开申请数量」×「总计」为0，两者应相等，相差1",
        "series: 1 error, 0 warnings, 0 info",
    ]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"gsgk {gsgk.__version__}"

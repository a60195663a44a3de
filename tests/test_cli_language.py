"""The command speaks English by default and Chinese on request, each line in one language."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from gsgk.cli.messages import TEXTS, Messages, language

from conftest import DATA, SEEDS, gsgk_run

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_message_has_both_languages_with_the_same_blanks(key: str) -> None:
    english, chinese = TEXTS[key]
    assert fields(english) >= fields(chinese) and fields(chinese) >= fields(english) - {"es", "ws"}
    assert not CJK.search(english), english
    assert CJK.search(chinese), chinese


def test_the_option_wins_then_the_environment_then_english() -> None:
    assert language(None, {}) == "en"
    assert language(None, {"GSGK_LANG": "zh_CN.UTF-8"}) == "zh"
    assert language("en", {"GSGK_LANG": "zh"}) == "en"
    assert language(None, {"GSGK_LANG": "fr"}) == "en"


def test_a_detail_without_a_chinese_wording_keeps_the_whole_line_english() -> None:
    say = Messages("zh")
    assert say.about("cannot-check", "line 1, column 1: not a report", path="a.txt") == \
        "a.txt: cannot check: line 1, column 1: not a report"
    assert say.about("cannot-check", FileNotFoundError(2, "No such file or directory", "a.txt"), path="a.txt") == \
        "a.txt：无法检查：a.txt：找不到该文件或文件夹"


def test_check_in_chinese() -> None:
    broken = DATA / "checks" / "broken_sums.txt"
    done = gsgk_run("--lang", "zh", "check", broken, "no-such-file.txt")
    assert done.stdout.splitlines()[-1] == f"{broken}：错误3条，警告0条，提示0条"
    assert done.stderr == "no-such-file.txt：无法检查：no-such-file.txt：找不到该文件或文件夹\n"


def test_batch_in_chinese_from_the_environment(tmp_path: Path) -> None:
    (tmp_path / "pyarrow").mkdir()
    (tmp_path / "pyarrow" / "__init__.py").write_text("raise ImportError('not installed')\n", encoding="utf-8")
    done = gsgk_run("batch", SEEDS[3], "--out", tmp_path / "cells.parquet", "--quiet",
                    env={"PYTHONPATH": str(tmp_path), "GSGK_LANG": "zh"})
    assert done.returncode == 2
    assert done.stderr == 'gsgk batch：需要安装 pyarrow：pip install "gsgk[parquet]"\n'
    done = gsgk_run("batch", SEEDS[3], DATA / "batch" / "empty.txt", "--out", tmp_path / "cells.csv", "--quiet",
                    env={"GSGK_LANG": "zh"})
    lines = done.stderr.splitlines()
    assert lines[0] == f"gsgk batch：共2个文件：正常1个，有问题0个，失败1个，跳过0个 -> {tmp_path / 'cells.csv'}"
    assert lines[-1].startswith(f"failed: {DATA / 'batch' / 'empty.txt'}: ParseError: line 1, column 1: ")


def test_english_by_default() -> None:
    done = gsgk_run("check", SEEDS[3])
    assert done.stdout == f"{SEEDS[3]}: 0 errors, 0 warnings, 0 info\n"

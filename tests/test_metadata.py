"""Organ and year from the many ways a report's title is printed."""

from __future__ import annotations

import pytest

import gsgk
from gsgk.metadata import organ_and_year, strip_markup, year_in_text

from conftest import SEEDS


@pytest.mark.parametrize(("title", "organ", "year"), [
    ("灵丘县人民政府办公室2022年政府信息公开工作年度报告", "灵丘县人民政府办公室", 2022),
    ("平潭综合实验区2024年度政府信息公开工作年度报告", "平潭综合实验区", 2024),
    ("2023年某区政府信息公开工作年度报告", "某区", 2023),
    ("某县人民政府办公室关于2021年政府信息公开工作年度报告", "某县人民政府办公室", 2021),
    ("《某县2023年度政府信息公开工作年度报告》", "某县", 2023),
    ("某市财政局2023年政府信息公开年报", "某市财政局", 2023),
    ("二〇二二年某镇政府信息公开工作年度报告", "某镇", 2022),
    ("某县人民政府政府信息公开工作年度报告（2023年度）", "某县人民政府", 2023),
    ("某县 2023年政府信息公开工作报告", "某县", 2023),
])
def test_title(title: str, organ: str, year: int) -> None:
    assert organ_and_year(title) == (organ, year)


def test_title_without_year_or_organ() -> None:
    assert organ_and_year("政府信息公开工作年度报告") == (None, None)
    assert organ_and_year("2023年政府信息公开工作年度报告") == (None, 2023)


def test_year_from_the_statistics_period_first() -> None:
    text = ("本报告根据条例编制。", "本年度报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。2022年相比……")
    assert year_in_text(text) == 2023
    assert year_in_text(("2021年，我局认真贯彻落实。",)) == 2021
    assert year_in_text(("无。",)) is None


@pytest.mark.parametrize("printed", [
    "# {}", "## **{}**", "**{}**", "{}</span>", "{}&nbsp;<br/>", "__{}__",
])
def test_markup_left_in_a_title_is_not_part_of_it(printed: str) -> None:
    report = gsgk.load(SEEDS[0])
    lines = gsgk.dumps(report).splitlines()
    assert lines[0] == report.title
    copy = gsgk.loads("\n".join([printed.format(report.title), *lines[1:]]))
    assert (copy.title, copy.organ, copy.year) == (report.title, report.organ, report.year)


def test_markup_stripped_keeps_the_words() -> None:
    assert strip_markup("# 沐阳县人民政府") == "沐阳县人民政府"
    assert strip_markup("某县#1号楼 a__b") == "某县#1号楼 ab"
    assert strip_markup("甲&amp;乙 <br/>丙") == "甲&乙 丙"

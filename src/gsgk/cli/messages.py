"""What the command says, in English (the default) or Chinese: ``gsgk --lang zh`` or ``GSGK_LANG=zh``.

Findings are always Chinese, in the template's words.  Every other line the
command prints is written whole in one language: a line whose detail comes from
a gsgk exception or the operating system is Chinese only when that detail has a
Chinese wording here (file errors, missing extras); otherwise it is printed in
English, never half and half.  Help texts are English.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping
from typing import Literal

import attrs

from ..errors import GsgkError, MissingExtraError

Language = Literal["en", "zh"]
LANGUAGES: tuple[Language, ...] = ("en", "zh")
ENVIRONMENT = "GSGK_LANG"
"""The environment variable that chooses the language when ``--lang`` is not given."""

TEXTS: Mapping[str, tuple[str, str]] = {
    "line": ("gsgk {command}: {detail}", "gsgk {command}：{detail}"),
    "input-error": ("gsgk render: {path}: {detail}", "gsgk render：{path}：{detail}"),
    "colon": (": ", "："),
    "skipped": ("{path}: skipped: {detail}", "{path}：已跳过：{detail}"),
    "cannot-check": ("{path}: cannot check: {detail}", "{path}：无法检查：{detail}"),
    "counts": ("{errors} error{es}, {warnings} warning{ws}, {info} info",
               "错误{errors}条，警告{warnings}条，提示{info}条"),
    "cannot-write": ("{path}: cannot write {suffix}; name it {suffixes} or give --format",
                     "{path}：无法生成 {suffix} 文件；请用 {suffixes} 之一作后缀，或用 --format 指定格式"),
    "fragment-html": ("--fragment is for html, not {format}", "--fragment 只用于 html，不用于 {format}"),
    "binary": ("{format} is binary: give -o OUT or redirect standard output",
               "{format} 是二进制格式：请用 -o 指定输出文件，或重定向标准输出"),
    "render-errors": ("warning: {path}: {count} errors ({code} …), run gsgk check for the list{marked}",
                      "警告：{path}：有{count}处错误（{code} 等），详见 gsgk check{marked}"),
    "marked": ("; the cells concerned are marked", "；网页中已标出有关单元格"),
    "unknown-output": ("{path}: unknown output format; expected one of {formats}",
                       "{path}：未知的输出格式；应为 {formats} 之一"),
    "jobs": ("--jobs must be at least 1", "--jobs 至少为 1"),
    "interrupted": ("interrupted after {done} of {total} files; {out} holds them",
                    "已中断：{total}个文件中完成{done}个，结果在 {out}"),
    "batch-summary": ("{done} files: {ok} ok, {findings} with findings, {failed} failed, {skipped} skipped -> {out}",
                      "共{done}个文件：正常{ok}个，有问题{findings}个，失败{failed}个，跳过{skipped}个 -> {out}"),
    "frequent": ("most frequent findings: {codes}", "最常见的问题：{codes}"),
    "failed-line": ("failed: {path}: {detail}", "失败：{path}：{detail}"),
    "skipped-line": ("skipped: {path}: {detail}", "跳过：{path}：{detail}"),
    "more-not-read": ("... and {more} more files not read (see {out})", "……另有{more}个文件未读取（见 {out}）"),
    "nothing-read": ("no file could be read", "没有读到任何文件"),
}
"""Every message of the command: English, then Chinese."""

ERRNO_ZH: Mapping[int, str] = {
    errno.ENOENT: "找不到该文件或文件夹",
    errno.EACCES: "没有访问权限",
    errno.EISDIR: "这是文件夹，不是文件",
    errno.ENOTDIR: "这是文件，不是文件夹：请换一个输出路径",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "只读的文件系统",
}
"""Chinese wordings of the file errors a user meets most."""


def language(option: str | None, environ: Mapping[str, str] = os.environ) -> Language:
    """``--lang`` if given, else ``GSGK_LANG`` if it names a language, else English."""
    for choice in (option, environ.get(ENVIRONMENT, "").split("_")[0].lower()):
        if choice in LANGUAGES:
            return "zh" if choice == "zh" else "en"
    return "en"


@attrs.frozen
class Messages:
    """The messages of one run, in its language."""

    lang: Language = "en"

    def __call__(self, key: str, **values: object) -> str:
        en, zh = TEXTS[key]
        return (zh if self.lang == "zh" else en).format(**values)

    def about(self, key: str, exc: BaseException | str, **values: object) -> str:
        """The message ``key`` with ``{detail}`` saying what ``exc`` (an exception, or a text in
        English) is: whole in English when the detail has no wording in this language."""
        detail = self._detail(exc)
        if detail is None:
            return Messages("en")(key, detail=exc if isinstance(exc, str) else describe(exc), **values)
        return self(key, detail=detail, **values)

    def _detail(self, exc: BaseException | str) -> str | None:
        if self.lang == "en":
            return exc if isinstance(exc, str) else describe(exc)
        if isinstance(exc, MissingExtraError) and exc.extra:
            return f'需要安装 {exc.name}：pip install "gsgk[{exc.extra}]"'
        if isinstance(exc, OSError) and (reason := ERRNO_ZH.get(exc.errno or 0)):
            return f"{exc.filename}：{reason}" if exc.filename else reason
        return None


def describe(exc: BaseException) -> str:
    """``exc`` in one line, in English: the file and the reason for an ``OSError``, the first line
    of a gsgk error (a parse error's quoted line and caret follow it only in Python)."""
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
    text = str(exc).splitlines()
    first = text[0] if text else type(exc).__name__
    return first if isinstance(exc, GsgkError) else f"{type(exc).__name__}: {first}"

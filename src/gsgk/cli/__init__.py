"""The ``gsgk`` command line: ``gsgk check``, ``gsgk render``, ``gsgk batch``.

Each subcommand lives in its own module with ``add_arguments(parser)`` and
``run(args) -> int`` (the exit status); a module is imported only when its
command runs, so ``gsgk check`` does not pay for pandas.  An error no command
handles itself (a missing extra, an output that cannot be written) is printed
as one line, ``gsgk COMMAND: what went wrong``, and exits 2; Ctrl-C exits 130.
``--lang zh`` (or ``GSGK_LANG=zh``) has the command speak Chinese
(:mod:`gsgk.cli.messages`); ``args.say`` holds the messages of the run.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib import import_module

from .. import __version__
from ..errors import GsgkError
from .messages import ENVIRONMENT, LANGUAGES, Messages, language

USAGE_OR_ENVIRONMENT, INTERRUPTED = 2, 130

COMMANDS = {
    "check": "check reports: the template's sums, conformance, metadata, prose and cross-year rules",
    "render": "render a report in the standard form (text, html, markdown, docx, json)",
    "batch": "load many reports into one table (jsonl, csv, parquet) with a findings table",
}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(prog="gsgk", description="政府信息公开工作年度报告 as typed data")
    parser.add_argument("--version", action="version", version=f"gsgk {__version__}")
    parser.add_argument("--lang", choices=LANGUAGES,
                        help=f"language of the command's messages (default: ${ENVIRONMENT}, else en); "
                             "findings are always Chinese")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    chosen = next((a for a in args if a in COMMANDS), None)
    for name, summary in COMMANDS.items():
        command = sub.add_parser(name, help=summary, description=summary)
        if name == chosen:
            module = import_module(f"{__name__}.{name}")
            module.add_arguments(command)
            command.set_defaults(run=module.run)
    namespace = parser.parse_args(args)
    namespace.say = say = Messages(language(namespace.lang))
    try:
        status: int = namespace.run(namespace)
    except BrokenPipeError:  # the reader went away (``| head``): stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return INTERRUPTED
    except (GsgkError, OSError) as exc:
        print(say.about("line", exc, command=namespace.command), file=sys.stderr)
        return USAGE_OR_ENVIRONMENT
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

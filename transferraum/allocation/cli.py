"""``transferraum allocate INSTANCE.json``: the engine as a command-line tool.

Writes the JSON result to standard output. Malformed input gives a message naming the
offending entry on standard error and exit code 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from transferraum.allocation.model import LANGUAGES, OBJECTIVES, InstanceError

EXIT_INPUT = 2
EXIT_NO_SOLUTION = 3


def add_allocate_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("instance", help="instance JSON file, or - for standard input")
    parser.add_argument("--objective", choices=OBJECTIVES, help="overrides options.objective")
    parser.add_argument(
        "--time-limit", type=float, metavar="S", help="overrides options.time_limit (seconds)"
    )
    parser.add_argument("--seed", type=int, help="overrides options.seed (tie-break lottery)")
    parser.add_argument("--language", choices=LANGUAGES, help="overrides options.language")
    parser.add_argument("--indent", type=int, default=None, help="pretty-print the JSON")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="transferraum", description="Transferraum tools")
    commands = parser.add_subparsers(dest="command", required=True)
    allocate = commands.add_parser(
        "allocate",
        help="allocate students to projects",
        description="Read an allocation instance (JSON) and write the result (JSON) to stdout.",
    )
    add_allocate_arguments(allocate)
    return parser


def _read(path: str, stdin: TextIO) -> Any:
    if path == "-":
        return json.load(stdin)
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def run_allocate(
    args: argparse.Namespace,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    stdin: TextIO | None = None,
) -> int:
    """Run the ``allocate`` subcommand with parsed arguments; returns the exit code."""
    # Imported here so that ``--help`` does not load the solvers.
    from transferraum.allocation.engine import AllocationError, allocate
    from transferraum.allocation.io import instance_from_json, result_to_json

    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    try:
        data = _read(args.instance, stdin or sys.stdin)
    except OSError as error:
        print(f"error: cannot read {args.instance}: {error.strerror}", file=stderr)
        return EXIT_INPUT
    except json.JSONDecodeError as error:
        print(f"error: {args.instance} is not valid JSON: {error}", file=stderr)
        return EXIT_INPUT
    if isinstance(data, dict):
        overrides = {
            "objective": args.objective,
            "time_limit": args.time_limit,
            "seed": args.seed,
            "language": args.language,
        }
        options = dict(data.get("options") or {})
        options.update({k: v for k, v in overrides.items() if v is not None})
        data = {**data, "options": options}
    try:
        instance = instance_from_json(data)
        result = allocate(instance)
    except InstanceError as error:
        print(f"error: {error.message}", file=stderr)
        return EXIT_INPUT
    except AllocationError as error:
        print(f"error: {error}", file=stderr)
        return EXIT_NO_SOLUTION
    json.dump(result_to_json(result), stdout, ensure_ascii=False, indent=args.indent)
    stdout.write("\n")
    return 0


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Entry point of the ``transferraum`` console script (and of ``manage.py allocate``)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "allocate":
        return run_allocate(args, stdout=stdout, stderr=stderr)
    parser.error(f"unknown command {args.command}")  # pragma: no cover - argparse refuses first
    return EXIT_INPUT  # pragma: no cover


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

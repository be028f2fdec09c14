"""CLI: ``python -m selfcheck evaluate household.json`` prints the result as JSON."""
from __future__ import annotations

import argparse
import json
import sys

from .engine import evaluate
from .validate import ValidationError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m selfcheck")
    sub = parser.add_subparsers(dest="command", required=True)
    ev = sub.add_parser("evaluate", help="evaluate a household JSON file ('-' reads stdin)")
    ev.add_argument("household")
    args = parser.parse_args(argv)

    try:
        if args.household == "-":
            household = json.load(sys.stdin)
        else:
            with open(args.household, encoding="utf-8") as fh:
                household = json.load(fh)
    except (OSError, json.JSONDecodeError) as exc:
        print(f"error: cannot read {args.household}: {exc}", file=sys.stderr)
        return 2
    try:
        result = evaluate(household)
    except ValidationError as exc:
        for err in exc.errors:
            print(f"error: field '{err.field or '(household)'}': {err.key} {err.args or ''}".rstrip(),
                  file=sys.stderr)
        return 2
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())

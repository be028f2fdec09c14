"""CLI: ``python -m selfcheck evaluate household.json [--site DIR]`` prints the result as JSON."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .engine import evaluate
from .validate import ValidationError


def read_site(site_dir: str) -> dict:
    """Read ``DIR/towns.yml`` (needs PyYAML) into the engine's local-data dict."""
    import yaml  # CLI/build only

    from .local import from_towns_yaml

    with open(Path(site_dir) / "towns.yml", encoding="utf-8") as fh:
        try:
            data = yaml.safe_load(fh)
        except yaml.YAMLError as exc:
            raise ValueError(str(exc)) from exc
    if data is not None and not isinstance(data, dict):
        raise ValueError("towns.yml must be a mapping with a 'towns' list")
    return from_towns_yaml(data or {})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m selfcheck")
    sub = parser.add_subparsers(dest="command", required=True)
    ev = sub.add_parser("evaluate", help="evaluate a household JSON file ('-' reads stdin)")
    ev.add_argument("household")
    ev.add_argument("--site", metavar="DIR", help="site directory whose towns.yml gives Mietstufe and KdU limits")
    args = parser.parse_args(argv)

    local = None
    if args.site:
        try:
            local = read_site(args.site)
        except (OSError, ValueError) as exc:
            print(f"error: cannot read {args.site}/towns.yml: {exc}", file=sys.stderr)
            return 2

    try:
        if args.household == "-":
            household = json.load(sys.stdin)
        else:
            with open(args.household, encoding="utf-8") as fh:
                household = json.load(fh)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        print(f"error: cannot read {args.household}: {exc}", file=sys.stderr)
        return 2
    except RecursionError:
        print(f"error: cannot read {args.household}: nested too deeply", file=sys.stderr)
        return 2
    try:
        result = evaluate(household, local)
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

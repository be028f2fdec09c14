"""The browser's entry point: JSON text in, JSON text out, and never an exception.

The Web Worker calls ``evaluate_json``; any input, however broken, yields either a
result, field errors, or an internal-error marker the page can show politely.
Local data (the towns' Mietstufe and KdU limits) defaults to the ``local.json`` that
build.py puts into the site's engine bundle.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from .engine import evaluate
from .validate import FieldError, ValidationError

BUNDLED_LOCAL = Path(__file__).parent / "local.json"
_bundled: dict | None = None


def bundled_local() -> dict | None:
    global _bundled
    if _bundled is None:
        _bundled = json.loads(BUNDLED_LOCAL.read_text(encoding="utf-8")) if BUNDLED_LOCAL.exists() else {}
    return _bundled or None


def evaluate_json(text: str, local_text: str | None = None) -> str:
    try:
        household = json.loads(text)
        local = bundled_local() if local_text is None else json.loads(local_text)
    except (TypeError, ValueError, RecursionError):
        # RecursionError: the JSON parser itself gives up on very deep nesting
        return json.dumps({"ok": False, "errors": [FieldError("", "bad_format", {}).to_json()]})
    try:
        result = evaluate(household, local)
    except ValidationError as exc:
        return json.dumps({"ok": False, "errors": [e.to_json() for e in exc.errors]})
    except Exception as exc:  # noqa: BLE001 - the page must get an answer, not a dead worker
        return json.dumps({"ok": False, "internal": type(exc).__name__})
    return json.dumps({"ok": True, "result": result}, ensure_ascii=False)


def warm_up(today: date | None = None) -> str:
    """Import every program, read the parameters and local data and evaluate one made-up
    household: what the first evaluation would otherwise pay for (in the browser, the first
    run of each code path is also when WebAssembly compiles it). The page's worker calls it
    once the engine is ready, while the person is still answering; it touches no answer."""
    from . import programs
    from .params import load_data

    for program in programs.computed():
        programs.module(program)
    load_data()
    local = bundled_local()
    today = today or date.today()
    towns = sorted((local or {}).get("towns") or {})
    # a family with earnings and rent in this month, the form's default: most programs run
    household = {
        "month": f"{today.year:04d}-{today.month:02d}",
        "persons": [
            {"id": "p1", "age": 35, "relation": "self", "married": True,
             "earned_income_gross": 1800, "earned_income_net": 1350},
            {"id": "p2", "age": 33, "relation": "partner", "married": True},
            {"id": "c1", "age": 4, "relation": "child", "parent": "p1", "parent2": "p2"},
            {"id": "c2", "age": 9, "relation": "child", "parent": "p1", "parent2": "p2"},
        ],
        "housing": {"kaltmiete": 600, "nebenkosten": 150, "heizung": 100},
        "assets": 1000,
    }
    if towns:
        household["town"] = towns[0]
    return evaluate_json(json.dumps(household))

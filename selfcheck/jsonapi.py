"""The browser's entry point: JSON text in, JSON text out, and never an exception.

The Web Worker calls ``evaluate_json``; any input, however broken, yields either a
result, field errors, or an internal-error marker the page can show politely.
Local data (the towns' Mietstufe and KdU limits) defaults to the ``local.json`` that
build.py puts into the site's engine bundle.
"""
from __future__ import annotations

import json
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


def warm_up() -> None:
    """Import every program and read the parameters and local data: what the first evaluation
    would otherwise pay for. The page's worker calls it once the engine is ready, while the
    person is still answering; it touches no answer."""
    from . import programs
    from .params import load_data

    for program in programs.computed():
        programs.module(program)
    load_data()
    bundled_local()

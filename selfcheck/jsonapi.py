"""The browser's entry point: JSON text in, JSON text out, and never an exception.

The Web Worker calls ``evaluate_json``; any input, however broken, yields either a
result, field errors, or an internal-error marker the page can show politely.
"""
from __future__ import annotations

import json

from .engine import evaluate
from .validate import FieldError, ValidationError


def evaluate_json(text: str, local_text: str = "{}") -> str:
    try:
        household = json.loads(text)
    except (TypeError, ValueError):
        return json.dumps({"ok": False, "errors": [FieldError("", "bad_format", {}).to_json()]})
    try:
        result = evaluate(household)
    except ValidationError as exc:
        return json.dumps({"ok": False, "errors": [e.to_json() for e in exc.errors]})
    except Exception as exc:  # noqa: BLE001 - the page must get an answer, not a dead worker
        return json.dumps({"ok": False, "internal": type(exc).__name__})
    return json.dumps({"ok": True, "result": result}, ensure_ascii=False)

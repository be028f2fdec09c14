"""evaluate(household, local): validate, run every program on the law of the month, combine.

``local`` holds the municipal data (see local.py); without it Wohngeld and the SGB II housing
limit answer ``needs_advice`` where they need it.
"""
from __future__ import annotations

from . import programs
from .household import Household
from .params import Params
from .priority import decide
from .result import euro
from .validate import validate

# Programs the portal explains but the self-check does not compute (yet); shown to the user.
NOT_CHECKED = programs.not_checked()


def evaluate(household: dict, local: dict | None = None) -> dict:
    """Return the result as plain JSON data; raise ValidationError for invalid input."""
    validate(household)
    hh = Household(household)
    params = Params(hh.day)
    results, combination = decide(hh, params, local)
    warnings = [{"key": "law_as_of", "args": {"program": prog, "date": covered}}
                for prog, covered in sorted(params.stale.items())]
    total = float(euro(combination["total"]))
    return {
        "month": household["month"],
        "programs": [r.to_json() for r in results],
        "combination": {
            "status": combination["status"],
            "programs": combination["programs"],
            "total": total,
            "alternatives": [{"programs": a["programs"], "status": a["status"], "total": float(euro(a["total"]))}
                             for a in combination["alternatives"]],
            "steps": [s.to_json() for s in combination["steps"]],
        },
        "total": total,
        "not_checked": list(NOT_CHECKED),
        "warnings": warnings,
    }

"""evaluate(household): validate, run every program on the law of the month, combine."""
from __future__ import annotations

from .household import Household
from .params import Params
from .programs import kindergeld
from .validate import validate

PROGRAMS = (kindergeld,)

# Programs the portal explains but the self-check does not compute (yet); shown to the user.
NOT_CHECKED = (
    "grundsicherungsgeld", "sozialhilfe", "wohngeld", "kinderzuschlag", "unterhaltsvorschuss",
    "elterngeld", "bildung_und_teilhabe", "asylbewerberleistungen", "pflege", "eingliederungshilfe",
)


def evaluate(household: dict) -> dict:
    """Return the result as plain JSON data; raise ValidationError for invalid input."""
    validate(household)
    hh = Household(household)
    params = Params(hh.day)
    results = [program.evaluate(hh, params) for program in PROGRAMS]
    warnings = [{"key": "law_as_of", "args": {"program": prog, "date": covered}}
                for prog, covered in sorted(params.stale.items())]
    total = sum(r.amount for r in results)
    return {
        "month": household["month"],
        "programs": [r.to_json() for r in results],
        "total": float(total),
        "not_checked": list(NOT_CHECKED),
        "warnings": warnings,
    }

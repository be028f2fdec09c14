"""Kindergeld (§§ 62-66 EStG): a fixed amount per child, paid by the Familienkasse.

Residence conditions for foreign nationals (§ 62 Abs. 2 EStG) are not checked: the result
is ``possible`` for households whose applicant has a residence permit or another status.
"""
from __future__ import annotations

from decimal import Decimal

from ..household import Household
from ..params import Params
from ..result import LIKELY, NOT_ENTITLED, POSSIBLE, ProgramResult, Step

PROGRAM = "kindergeld"


def _counts(child: dict, age_limit: int, education_limit: int) -> bool:
    # Under 18 always; up to 25 only while in school, training or studies (§ 32 Abs. 4 EStG).
    age = child["age"]
    return age < age_limit or (age < education_limit and child.get("in_education", False))


def counts(child: dict, params: Params) -> bool:
    return _counts(child, params.get(PROGRAM, "altersgrenze").value,
                   params.get(PROGRAM, "altersgrenze_ausbildung").value)


def evaluate(hh: Household, params: Params, local=None) -> ProgramResult:
    per_child = params.get(PROGRAM, "betrag_je_kind")
    limit = params.get(PROGRAM, "altersgrenze")
    limit_edu = params.get(PROGRAM, "altersgrenze_ausbildung")
    result = ProgramResult(PROGRAM, NOT_ENTITLED, office="familienkasse")

    eligible = [c for c in hh.children() if _counts(c, limit.value, limit_edu.value)]
    if not eligible:
        law = f"{limit.legal_basis}, {limit_edu.legal_basis}"
        result.reasons.append(Step("kindergeld.no_eligible_child", law=law,
                                   args={"age": limit.value, "age_education": limit_edu.value}))
        return result

    amount = Decimal(str(per_child.value))
    for child in eligible:
        result.steps.append(Step("kindergeld.child", amount, per_child.legal_basis,
                                 {"person": child["id"], "age": child["age"]}))
    result.amount = amount * len(eligible)
    result.steps.append(Step("kindergeld.total", result.amount, per_child.legal_basis,
                             {"children": len(eligible)}))
    status = hh.applicant.get("residence_status", "german")
    if status in ("german", "eu", "settled"):
        result.status = LIKELY
    else:
        result.status = POSSIBLE
        result.reasons.append(Step("kindergeld.residence_advice", law="§ 62 Abs. 2 EStG"))
    return result

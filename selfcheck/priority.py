"""Priority check between the programs and the combination the household gets.

Order of the law, applied here:
1. Kindergeld and Unterhaltsvorschuss come first; UVG counts as the child's income.
Each program's own status and amount stay those of the program checked on its own (with
Kindergeld and UVG as income); ``in_combination`` and the ``combination`` block say what the
household gets together, and the reason steps say why.

2. Wohngeld and Kinderzuschlag come before SGB II when, together, they end the SGB II need
   (§ 12a SGB II; § 6a Abs. 1 Nr. 3 BKGG; § 7 Abs. 1 WoGG excludes Wohngeld alongside SGB II).
   If a need remains, the household gets SGB II instead of both; if at most 100 € remain and
   the parents work, it may choose the Kinderzuschlag (and Wohngeld) instead (§ 6a Abs. 1a
   BKGG): the combination shows that choice when it pays more than SGB II, as "possible".
3. From age 12 the UVG is paid alongside SGB II only if it ends the child's need or the parent
   earns at least 600 € gross (§ 1 Abs. 1a UVG).
Where we knowingly differ from GETTSIM's ``vorrangprüfungen``: GETTSIM pays Wohngeld and
Kinderzuschlag when they end the need OR when they pay more than SGB II; we follow § 12a SGB II
(they must end the need) plus the 100 € rule of § 6a Abs. 1a BKGG, which GETTSIM lacks; and
for UVG from age 12 we also apply § 1 Abs. 1a Satz 1 Nr. 1 (UVG ends the child's need).

Adding a program (see the registry in programs/__init__.py): get its module with
``programs.module(id)`` at the top of ``decide``, run it through ``_safe`` (a month without
values gives ``needs_advice``, not a crash), append its result to ``results`` and its id to
``chosen`` where the law puts it (e.g. SGB XII only where Wohngeld does not end the need,
§ 2 SGB XII), with a ``priority.*`` step that says why.

When the Mietstufe is unknown, Wohngeld is bounded (lowest and highest Mietstufe); the check
decides when both bounds lead to the same answer and says ``needs_advice`` otherwise; when
an unknown KdU limit or missing values leave it open, the combination is ``needs_advice``,
``programs``/``total`` hold only what is certain and ``alternatives`` lists Wohngeld +
Kinderzuschlag and SGB II, one of which applies.
"""
from __future__ import annotations

from decimal import Decimal

from .household import ZERO, D, Household
from .params import Params
from . import programs
from .result import LIKELY, NEEDS_ADVICE, NOT_ENTITLED, POSSIBLE, ProgramResult, Step


def _safe(fn, program: str, make_default):
    """Run one program; a date outside the parameter files gives ``needs_advice``, not a crash."""
    try:
        return fn(), None
    except LookupError:
        return make_default(), Step("params.not_covered", None, "", {"program": program})


def _uvg_parent_income(hh: Household, parent: dict) -> Decimal:
    """§ 1 Abs. 1a Satz 1 Nr. 2 UVG: the parent's income under § 11 Abs. 1 Satz 1 SGB II except
    Kindergeld, without § 11b deductions: gross earnings plus every other income entered."""
    other = sum((v for k, v in hh.other_income(parent).items() if k not in ("kindergeld", "kindergeld_uebertrag")),
                ZERO)
    return hh.gross(parent) + other


def _status_of(results: list[ProgramResult]) -> str:
    statuses = [r.status for r in results]
    if not statuses:
        return NOT_ENTITLED
    if NEEDS_ADVICE in statuses:
        return NEEDS_ADVICE
    if POSSIBLE in statuses:
        return POSSIBLE
    return LIKELY


def decide(hh: Household, params: Params, local=None) -> tuple[list[ProgramResult], dict]:
    kindergeld, unterhaltsvorschuss, wohngeld, kinderzuschlag, sgb2 = (
        programs.module(p) for p in ("kindergeld", "unterhaltsvorschuss", "wohngeld", "kinderzuschlag",
                                     "grundsicherungsgeld"))
    steps: list[Step] = []

    # Elterngeld comes first and is income for every other program (§ 10 BEEG says how much).
    elterngeld = programs.module("elterngeld")
    eg, miss = _safe(lambda: elterngeld.assess(hh, params, local), "elterngeld",
                     lambda: elterngeld.Assessment(NEEDS_ADVICE))
    if miss:
        eg.reasons.append(miss)
    hh = hh.with_extra_income(eg.as_income(hh))

    kg, miss = _safe(lambda: kindergeld.evaluate(hh, params, local), "kindergeld",
                     lambda: ProgramResult("kindergeld", NEEDS_ADVICE, office="familienkasse"))
    if miss:
        kg.reasons.append(miss)

    uvg, miss = _safe(lambda: unterhaltsvorschuss.assess(hh, params, local), "unterhaltsvorschuss",
                      lambda: unterhaltsvorschuss.Assessment(NEEDS_ADVICE))
    if miss:
        uvg.reasons.append(miss)

    def with_uvg(per_child: dict) -> Household:
        extra = {}
        for cid, amount in per_child.items():
            entered = D(hh.by_id[cid].get("other_income", {}).get("unterhaltsvorschuss", 0))
            extra[cid] = {"unterhaltsvorschuss": max(amount - entered, ZERO)}
        return hh.with_extra_income(extra)

    # A UVG that depends on whether the partner is the child's other parent is not counted as
    # income and not put into the combination: the common case (partner = parent) has no UVG.
    uvg_uncertain = uvg.status == NEEDS_ADVICE and any(r.key == "uvg.partner_advice" for r in uvg.reasons)
    hh_u = hh if uvg_uncertain else with_uvg(uvg.per_child)
    wg, miss = _safe(lambda: wohngeld.assess(hh_u, params, local), "wohngeld",
                     lambda: wohngeld.Assessment(NEEDS_ADVICE, exact=False))
    wg_unknown = miss is not None
    if miss:
        wg.reasons.append(miss)
    kiz, miss = _safe(lambda: kinderzuschlag.assess(hh_u, params, local), "kinderzuschlag",
                      lambda: kinderzuschlag.Assessment(NEEDS_ADVICE))
    kiz_unknown = miss is not None and bool(hh.children())
    if miss:
        kiz.reasons.append(miss)
    sgb, miss = _safe(lambda: sgb2.assess(hh_u, params, local), "grundsicherungsgeld",
                      lambda: sgb2.Assessment(NEEDS_ADVICE, exact=False, blocked=True))
    if miss:
        sgb.reasons.append(miss)

    if uvg_uncertain:
        steps.append(Step("priority.uvg_uncertain", uvg.amount, "§ 1 Abs. 1 Nr. 2 UVG", {}))
        chosen_uvg: list[str] = []
    else:
        chosen_uvg = ["unterhaltsvorschuss"]
    wg_ok = wg.status != NOT_ENTITLED and wg.amount_max > 0
    kiz_ok = kiz.status != NOT_ENTITLED and kiz.amount > 0
    undecided = False
    choice = False  # the household may choose (§ 6a Abs. 1a BKGG): the combination is only "possible"
    chosen = ["kindergeld"] + chosen_uvg + (["elterngeld"] if eg.status != NOT_ENTITLED else [])

    def sgb_with(wg_amount: Decimal) -> sgb2.Assessment:
        extra = {}
        if wg_ok and wg_amount > 0:
            extra[hh.applicant["id"]] = {"wohngeld": wg_amount}
        if kiz_ok:
            for cid, amount in kiz.per_child.items():
                extra.setdefault(cid, {})["kinderzuschlag"] = amount
        return sgb2.assess(hh_u.with_extra_income(extra), params, local)

    if sgb.status == NOT_ENTITLED or sgb.blocked:
        if sgb.blocked and sgb.status == NEEDS_ADVICE:
            undecided = True
            steps.append(Step("priority.sgb2_unknown", None, "", {}))
        else:
            steps.append(Step("priority.no_sgb2_need" if not sgb.blocked else "priority.sgb2_excluded",
                              None, "§ 9 SGB II", {}))
        chosen += ["wohngeld", "kinderzuschlag"]
    elif wg_ok or kiz_ok:
        low = sgb_with(wg.amount)
        name = params.get("grundsicherungsgeld", "leistungsname").value
        if low.shortfall <= 0 and not low.blocked:
            key = ("priority.wg_kiz_end_need" if wg_ok and kiz_ok else
                   "priority.wg_ends_need" if wg_ok else "priority.kiz_ends_need")
            steps.append(Step(key, sgb.shortfall, "§ 12a SGB II, § 6a Abs. 1 Nr. 3 BKGG", {"name": name}))
            if not wg.exact and wg_ok:
                steps.append(Step("priority.even_lowest_mietstufe", wg.amount, "§ 12 WoGG", {}))
            sgb.reasons.append(Step(key, None, "§ 12a SGB II", {"name": name}))
            chosen += ["wohngeld", "kinderzuschlag"]
        elif (not wg.exact and wg_ok and sgb_with(wg.amount_max).shortfall <= 0) or wg_unknown or kiz_unknown \
                or not sgb.exact:
            # Not decidable: the answer depends on a Mietstufe, a KdU limit or values we lack.
            undecided = True
            if wg_unknown or kiz_unknown:
                key = "priority.prior_unknown"
            elif not sgb.exact:
                key = "priority.depends_on_kdu_limit"
            else:
                key = "priority.depends_on_mietstufe"
            steps.append(Step(key, None, "§ 12a SGB II, § 12 WoGG, § 22 SGB II", {}))
            chosen += ["wohngeld", "kinderzuschlag", "grundsicherungsgeld"]
        else:
            gap = low.shortfall
            small = D(params.get("kinderzuschlag", "kleine_luecke").value)
            base = D(params.get("grundsicherungsgeld", "grundabsetzbetrag").value)
            option = kiz_ok and gap <= small and kiz.earned_deductions >= base
            prior_total = (wg.amount if wg_ok else ZERO) + kiz.amount
            if option and prior_total > sgb.shortfall:
                # § 6a Abs. 1a BKGG: at most 100 € missing and the parents work: the household may
                # choose Kinderzuschlag and Wohngeld; it keeps more money with them (its earnings
                # allowances are not needed to fill the gap), so that is the combination shown.
                kiz.reasons.append(Step("kinderzuschlag.small_gap", gap, "§ 6a Abs. 1a BKGG", {"limit": float(small)}))
                steps.append(Step("priority.kiz_option_chosen", gap, "§ 6a Abs. 1a BKGG",
                                  {"sgb2": float(sgb.shortfall), "prior": float(prior_total)}))
                sgb.reasons.append(Step("priority.kiz_option_chosen", gap, "§ 6a Abs. 1a BKGG",
                                        {"sgb2": float(sgb.shortfall), "prior": float(prior_total)}))
                chosen += ["wohngeld", "kinderzuschlag"]
                choice = True
            else:
                steps.append(Step("priority.need_remains", gap, "§ 12a Satz 2 Nr. 2 SGB II, § 7 Abs. 1 WoGG", {}))
                chosen.append("grundsicherungsgeld")
                if wg_ok:
                    wg.reasons.append(Step("priority.sgb2_instead_of_wohngeld", None, "§ 7 Abs. 1 WoGG", {}))
                if option:
                    kiz.reasons.append(Step("kinderzuschlag.small_gap", gap, "§ 6a Abs. 1a BKGG",
                                            {"limit": float(small)}))
                    steps.append(Step("priority.kiz_option", gap, "§ 6a Abs. 1a BKGG", {}))
                elif kiz_ok:
                    kiz.reasons.append(Step("priority.kiz_need_remains", None, "§ 6a Abs. 1 Nr. 3 BKGG", {}))
    elif wg_unknown or kiz_unknown:
        undecided = True
        steps.append(Step("priority.prior_unknown", None, "§ 12a SGB II", {}))
        chosen += ["wohngeld", "kinderzuschlag", "grundsicherungsgeld"]
    else:
        steps.append(Step("priority.no_prior_benefit", None, "§ 12a SGB II", {}))
        chosen.append("grundsicherungsgeld")

    # § 1 Abs. 1a UVG: from age 12 next to SGB II only with 600 € parental income or no child need left.
    if "grundsicherungsgeld" in chosen and not undecided and not uvg_uncertain and sgb.status != NOT_ENTITLED \
            and uvg.older:
        minimum = D(params.get("unterhaltsvorschuss", "mindesteinkommen_elternteil").value)
        dropped = []
        for cid in uvg.older:
            parent = hh.parent_of(hh.by_id[cid])
            if sgb.child_uncovered.get(cid, ZERO) <= 0 or _uvg_parent_income(hh, parent) >= minimum:
                continue
            dropped.append(cid)
            uvg.reasons.append(Step("uvg.sgb2_age12", uvg.per_child[cid], "§ 1 Abs. 1a Satz 1 Nr. 2 UVG",
                                    {"person": cid, "minimum": float(minimum),
                                     "income": float(_uvg_parent_income(hh, parent))}))
        if dropped:
            for cid in dropped:
                del uvg.per_child[cid]
                uvg.older.remove(cid)
            uvg.amount = sum(uvg.per_child.values(), ZERO)
            sgb = sgb2.assess(with_uvg(uvg.per_child), params, local)
            if uvg.amount <= 0:
                uvg.status = NOT_ENTITLED
    if uvg.status == POSSIBLE and not undecided:
        uvg.status = LIKELY  # the § 1 Abs. 1a condition is now checked

    sozialhilfe = programs.module("grundsicherung-im-alter")
    # SGB XII where nobody can be in SGB II: Wohngeld first only if it ends the need (§ 2 SGB XII).
    xii, miss = _safe(lambda: sozialhilfe.combine(hh_u, params, local, wg, kiz, chosen, steps), "sozialhilfe",
                      lambda: (sozialhilfe.Assessment(NEEDS_ADVICE, blocked=True), False))
    xii, xii_open = xii
    if miss:
        xii.reasons.append(miss)
    undecided = undecided or xii_open
    # AsylbLG: asylum procedure or Duldung; SGB II, SGB XII and Wohngeld are closed to them.
    asyl = programs.module("asylbewerberleistungen")
    asyl_a, miss = _safe(lambda: asyl.assess(hh_u, params, local), "asylbewerberleistungen",
                         lambda: asyl.Assessment(NEEDS_ADVICE))
    if miss:
        asyl_a.reasons.append(miss)
    if asyl_a.status != NOT_ENTITLED:
        chosen.append("asylbewerberleistungen")

    results = [kg, elterngeld.to_result(eg), unterhaltsvorschuss.to_result(uvg), wohngeld.to_result(wg),
               kinderzuschlag.to_result(kiz), sgb2.to_result(sgb), sozialhilfe.to_result(xii),
               asyl.to_result(asyl_a)]
    alternatives = []
    if undecided:
        # Wohngeld + Kinderzuschlag OR SGB II (or SGB XII): list each, add none to the total.
        options = (("wohngeld", "kinderzuschlag"), ("grundsicherungsgeld",), (xii.program,))
        by_name = {r.program: r for r in results}
        for option in options:
            members = [by_name[name] for name in option if by_name[name].status != NOT_ENTITLED]
            if members:
                alternatives.append({"programs": [r.program for r in members],
                                     "total": sum((r.amount for r in members), ZERO),
                                     "status": _status_of(members)})
        chosen = [name for name in chosen if not any(name in option for option in options)]
    gets = [r for r in results if r.program in chosen and r.status != NOT_ENTITLED]
    for r in gets:
        r.in_combination = True
    total = sum((r.amount for r in gets), ZERO)
    for r in gets:
        steps.append(Step("combination.program", r.amount, "", {"program": r.program, "status": r.status}))
    for alt in alternatives:
        steps.append(Step("combination.alternative", alt["total"], "", {"programs": ", ".join(alt["programs"])}))
    # Bildung und Teilhabe follows from what the household gets; shown beside, never in the total.
    but = programs.module("bildung-und-teilhabe")
    but_a, miss = _safe(lambda: but.assess(hh, params, [r.program for r in gets],
                                           [p for alt in alternatives for p in alt["programs"]]),
                        "bildung_und_teilhabe", lambda: but.Assessment(NEEDS_ADVICE))
    if miss:
        but_a.reasons.append(miss)
    results.append(but.to_result(but_a))
    if but_a.status != NOT_ENTITLED:
        steps.append(Step("combination.but_alongside", but_a.amount, "§ 28 SGB II, § 34 SGB XII, § 6b BKGG",
                          {"program": "bildung-und-teilhabe"}))
    steps.append(Step("combination.total", total, "", {}))
    combination = {
        "status": NEEDS_ADVICE if undecided else (
            POSSIBLE if choice and _status_of(gets) == LIKELY else _status_of(gets)),
        "programs": [r.program for r in gets],
        "total": total,
        "alternatives": alternatives,
        "steps": steps,
    }
    return results, combination

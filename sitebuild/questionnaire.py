"""Render the self-check's questions (selfcheck/questions.yaml) into static HTML per language.

Limits come from the household JSON Schema, labels from the message catalogs, so a question
is defined once. The page script gets a compact JSON description of the same questions for
skip logic, validation and building the household.
"""
from __future__ import annotations

import json
import re
from datetime import date
from functools import lru_cache


from . import ROOT, components
from .catalogs import messages, translator
from . import yamlio

QUESTIONS = ROOT / "selfcheck" / "questions.yaml"

# Values a question's show_if may name as ``@name``: (program, parameter, key) in
# selfcheck/params, taken as in force on the build date.
PARAM_REFS = {
    # Regelaltersgrenze reached for certain (§ 7a SGB II, § 41 Abs. 2 SGB XII): no SGB II months,
    # no pregnancy question.
    "retirement_age": ("grundsicherungsgeld", "erwerbsfaehigkeit_alter", "altersgrenze_sicher"),
}


def resolve(expr: str, day: date | None = None) -> str:
    """``self_age<@retirement_age`` -> ``self_age<67`` with the parameter in force on ``day``."""
    if "@" not in expr:
        return expr
    from selfcheck.params import Params

    params = Params(day or date.today())

    def value(m: re.Match) -> str:
        program, key, part = PARAM_REFS[m.group(1)]
        return str(params.get(program, key).value[part])

    return re.sub(r"@([a-z_]+)", value, expr)
SCHEMA = ROOT / "selfcheck" / "household.schema.json"
PERSON_PREFIXES = ("self", "partner", "child")


@lru_cache(maxsize=1)
def load() -> dict:
    return yamlio.load(QUESTIONS.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _schema() -> dict:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def schema_node(field: str) -> dict:
    """The schema of a question's field: ``self.other_income.pension`` -> persons.items... ."""
    parts = field.split(".")
    node = _schema()
    if parts[0] in PERSON_PREFIXES:
        node = node["properties"]["persons"]["items"]
        parts = parts[1:]
    for part in parts:
        node = node["properties"][part]
    return node


def fields(question: dict) -> list[str]:
    field = question.get("field")
    return [] if field is None else field if isinstance(field, list) else [field]


def all_questions(data: dict | None = None):
    """Every question with its step id, groups flattened (group questions carry ``group``)."""
    for step in (data or load())["steps"]:
        for q in step["questions"]:
            yield step["id"], q, None
            for sub in q.get("group", []):
                yield step["id"], sub, q["id"]


def limits(question: dict) -> dict:
    out = {}
    for field in fields(question)[:1]:
        node = schema_node(field)
        for key in ("minimum", "maximum"):
            if key in node:
                out[key[:3]] = node[key]
    if "max" in question:  # a count's own limit (how many repeats the page offers)
        out["max"] = question["max"]
    if question["type"] == "count":
        out.setdefault("min", 0)
    return out


def config(day: date | None = None) -> dict:
    """What the page script needs: per question its type, fields, limits, condition, default."""
    out = {"steps": [], "questions": {}}
    for step in load()["steps"]:
        out["steps"].append(step["id"])
    for step_id, q, group in all_questions():
        entry = {"step": step_id, "type": q["type"], "fields": fields(q), **limits(q)}
        for key in ("required", "show_if", "default", "of", "subtract"):
            if key in q:
                entry[key] = resolve(q[key], day) if key == "show_if" else q[key]
        if group:
            entry["group"] = group
        if q["type"] == "count":
            entry["members"] = [sub["id"] for sub in q.get("group", [])]
        out["questions"][q["id"]] = entry
    return out


# -- HTML: the question and selfcheck_step components (components/) ----------------

def _ids(qid: str, repeat: bool) -> tuple[str, str]:
    """Element id and name; in a repeated group ``__N__`` becomes the child's number."""
    suffix = "-__N__" if repeat else ""
    return f"q-{qid}{suffix}", f"{qid}{suffix}"


def question_context(q: dict, lang: str, towns: list[dict], repeat: bool = False, day: date | None = None) -> dict:
    """What the question component needs: labels from the catalogs, limits from the schema."""
    t = translator(lang)
    table = messages(lang)
    qid, kind = q["id"], q["type"]
    element_id, name = _ids(qid, repeat)
    hint_key = f"q.{qid}.hint"
    ctx = {"id": qid, "element_id": element_id, "name": name, "kind": kind, "label": t(f"q.{qid}.label"),
           "hint": table.get(hint_key), "show_if": resolve(q["show_if"], day) if q.get("show_if") else None, "required": bool(q.get("required")),
           "default": q.get("default"), "repeat": None}
    if kind in ("count", "group") and q.get("group"):
        ctx["repeat"] = [question_context(sub, lang, towns, repeat=True, day=day) for sub in q["group"]]
    if kind == "yesno":
        ctx["default"] = "yes" if q.get("default") else "no"
    elif kind in ("town", "choice"):
        ctx["kind"] = "select"
        if kind == "town":
            # "-": somewhere else, so no local data (rent limits, offices) applies
            ctx["choices"] = [(town["id"], town["name"]) for town in towns] + [("-", t("selfcheck.other_town"))]
            ctx["placeholder"] = t("selfcheck.choose") if towns else None
        else:
            ctx["choices"] = [(opt, t(f"q.{qid}.option.{opt}")) for opt in q["options"]]
            ctx["placeholder"] = None
    elif kind == "count" and "of" in q:
        # a group repeated per item of another count (e.g. each child's income)
        ctx.update(kind="repeat", of=q["of"])
    else:  # numbers: integer, money, month, count
        ctx["kind"] = "month" if kind == "month" else "number"
        ctx["limits"] = limits(q)
        ctx["unit"] = t("selfcheck.euro_per_month") if kind == "money" and q.get("field") not in ("assets",) else None
        ctx["inputmode"] = {"money": "decimal", "month": "numeric"}.get(kind, "numeric")
        value = q.get("default")
        ctx["value"] = str(value) if value is not None and kind != "month" else None
    return ctx


def render_question(q: dict, lang: str, towns: list[dict], repeat: bool = False, day: date | None = None) -> str:
    return components.render("question", q=question_context(q, lang, towns, repeat, day), lang=lang)


def render(lang: str, towns: list[dict], day: date | None = None) -> str:
    t = translator(lang)
    data = load()
    total = len(data["steps"])
    parts = []
    for n, step in enumerate(data["steps"], start=1):
        questions = [question_context(q, lang, towns, day=day) for q in step["questions"]]
        parts.append(components.render("selfcheck_step", step=step["id"], n=n, total=total,
                                       title=t(f"step.{step['id']}"), questions=questions, lang=lang))
    return "".join(parts)

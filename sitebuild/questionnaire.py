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
from html import escape

import yaml

from . import ROOT
from .catalogs import messages, translator

QUESTIONS = ROOT / "selfcheck" / "questions.yaml"
SCHEMA = ROOT / "selfcheck" / "household.schema.json"
PERSON_PREFIXES = ("self", "partner", "child")

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


@lru_cache(maxsize=1)
def load() -> dict:
    return yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))


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


# -- HTML ------------------------------------------------------------------------------------

def _ids(qid: str, repeat: bool) -> tuple[str, str]:
    """Element id and name; in a repeated group ``__N__`` becomes the child's number."""
    suffix = "-__N__" if repeat else ""
    return f"q-{qid}{suffix}", f"{qid}{suffix}"


def _described(element_id: str, hint: str | None) -> str:
    ids = ([f"{element_id}-hint"] if hint else []) + [f"{element_id}-error"]
    return " ".join(ids)


def render_question(q: dict, lang: str, towns: list[dict], repeat: bool = False, day: date | None = None) -> str:
    t = translator(lang)
    table = messages(lang)
    qid = q["id"]
    element_id, name = _ids(qid, repeat)
    label = escape(t(f"q.{qid}.label"))
    hint_key = f"q.{qid}.hint"
    hint = escape(table[hint_key]) if hint_key in table else None
    hint_html = f'<p class="sl-hint" id="{element_id}-hint">{hint}</p>' if hint else ""
    error = f'<p class="sl-error" id="{element_id}-error" data-for="{element_id}"></p>'
    attrs = f'data-q="{qid}"' + (f' data-show-if="{escape(resolve(q["show_if"], day))}"' if "show_if" in q else "")
    described = _described(element_id, hint)
    required = " required aria-required=\"true\"" if q.get("required") else ""
    kind = q["type"]

    if kind == "yesno":
        default = "yes" if q.get("default") else "no"
        options = "".join(
            f'<label class="sl-radio"><input type="radio" name="{name}" value="{value}"'
            f'{" checked" if value == default else ""}> {escape(t("selfcheck." + value))}</label>'
            for value in ("yes", "no"))
        return (f'<fieldset class="sl-field sl-yesno" {attrs} aria-describedby="{described}">'
                f'<legend>{label}</legend>{hint_html}{options}{error}</fieldset>')

    if kind in ("town", "choice"):
        if kind == "town":
            # "-": somewhere else, so no local data (rent limits, offices) applies
            choices = [(town["id"], town["name"]) for town in towns] + [("-", t("selfcheck.other_town"))]
            head = f'<option value="" disabled selected>{escape(t("selfcheck.choose"))}</option>' if towns else ""
        else:
            choices = [(opt, t(f"q.{qid}.option.{opt}")) for opt in q["options"]]
            head = ""
        default = q.get("default")
        options = head + "".join(
            f'<option value="{escape(value)}"{" selected" if value == default and value else ""}>{escape(text)}</option>'
            for value, text in choices)
        return (f'<div class="sl-field" {attrs}><label for="{element_id}">{label}</label>{hint_html}'
                f'<select id="{element_id}" name="{name}" aria-describedby="{described}"{required}>{options}</select>'
                f'{error}</div>')

    if kind == "count" and "of" in q:
        # a group repeated per item of another count (e.g. each child's income)
        legend = escape(t(f"q.{qid}.label"))
        template = "".join(render_question(sub, lang, towns, repeat=True, day=day) for sub in q["group"])
        return (f'<div class="sl-group" {attrs} data-of="{escape(q["of"])}"><h3>{legend}</h3>'
                f'<div class="sl-repeats" data-repeats="{qid}"></div>'
                f'<template id="tpl-{qid}"><fieldset class="sl-repeat"><legend data-legend="{escape(t("selfcheck.child_legend"))}"></legend>'
                f'{template}</fieldset></template></div>')

    # numbers: integer, money, month, count
    lim = limits(q)
    unit = f' <span class="sl-unit">{escape(t("selfcheck.euro_per_month"))}</span>' if kind == "money" and \
        q.get("field") not in ("assets",) else ""
    inputmode = {"money": "decimal", "month": "numeric"}.get(kind, "numeric")
    input_type = "month" if kind == "month" else "text"
    value = q.get("default")
    value_attr = f' value="{escape(str(value))}"' if value is not None and kind != "month" else ""
    placeholder = ' placeholder="2026-03" pattern="[0-9]{4}-[0-9]{2}"' if kind == "month" else ""
    html = (f'<div class="sl-field" {attrs}><label for="{element_id}">{label}</label>{hint_html}'
            f'<input id="{element_id}" name="{name}" type="{input_type}" inputmode="{inputmode}" autocomplete="off"'
            f'{placeholder}{value_attr}{required} aria-describedby="{described}"'
            + "".join(f' data-{k}="{v}"' for k, v in lim.items()) + f'>{unit}{error}</div>')
    if kind == "count":
        template = "".join(render_question(sub, lang, towns, repeat=True, day=day) for sub in q["group"])
        html += (f'<div class="sl-repeats" data-repeats="{qid}" aria-live="polite"></div>'
                 f'<template id="tpl-{qid}"><fieldset class="sl-repeat"><legend data-legend="{escape(t("selfcheck.child_legend"))}"></legend>'
                 f'{template}</fieldset></template>')
    return html


def render(lang: str, towns: list[dict], day: date | None = None) -> str:
    t = translator(lang)
    data = load()
    total = len(data["steps"])
    parts = []
    for n, step in enumerate(data["steps"], start=1):
        title = t(f"step.{step['id']}")
        questions = "".join(render_question(q, lang, towns, day=day) for q in step["questions"])
        parts.append(f'<section class="sl-step" id="sc-step-{step["id"]}" data-step="{step["id"]}" '
                     f'aria-labelledby="sc-step-{step["id"]}-title">'
                     f'<h2 id="sc-step-{step["id"]}-title" tabindex="-1">'
                     f'<span class="sl-step-count">{escape(t("selfcheck.progress", n=n, total=total, title=""))}</span>'
                     f'{escape(title)}</h2>{questions}</section>')
    return "".join(parts)

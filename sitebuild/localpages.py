"""Pages made from a site's local data: one per town, the office directory, the matrix.

The pages are Markdown; their HTML parts are components (components/), rendered
at build time in every language of the site. Office data itself stays as published (German).
"""
from __future__ import annotations

from babel import Locale

from .catalogs import translator
from .components import render
from .localdata import LocalData

BENEFITS_DIR = "leistungen"


def office_card(office: dict, lang: str) -> str:
    """One office as an HTML block; unknown facts say "please ask"."""
    return render("office_card", office=office, lang=lang)


def ask_instead(town: dict, general: list[dict], lang: str) -> str:
    """What a page says when no office is on record: the town hall and the town's Lotse."""
    return render("ask_instead", town=town, general=general, lang=lang)


def responsible(data: LocalData, benefit: str, town: dict) -> dict:
    """The context of the ``responsible_offices`` component for one benefit in one town."""
    found = data.responsible(benefit, town["id"])
    return {"town": town, "offices": found.offices, "general": found.general}


def responsible_html(data: LocalData, benefit: str, town: dict, lang: str) -> str:
    return render("responsible_offices", lang=lang, **responsible(data, benefit, town))


def benefit_offices_block(data: LocalData, benefit: str, lang: str) -> str:
    """For a benefit page: one expandable section per town."""
    if not data.towns:
        return ""
    towns = [responsible(data, benefit, town) for town in data.towns]
    return "\n" + str(render("town_offices", towns=towns, lang=lang)) + "\n"


def _front(title: str) -> list[str]:
    return ["---", f'title: "{title}"', "---", f"# {title}", ""]


def town_page(data: LocalData, town: dict, benefits: list[tuple[str, str]], lang: str) -> str:
    t = translator(lang)
    lines = [*_front(t("local.town_title", town=town["name"])), t("local.town_intro", town=town["name"]), ""]
    for benefit, title in benefits:
        lines += [f"## [{title}](../{BENEFITS_DIR}/{benefit}.md)", "", responsible_html(data, benefit, town, lang), ""]
    return "\n".join(lines)


def towns_index(data: LocalData, lang: str) -> str:
    t = translator(lang)
    lines = [*_front(t("local.towns_title")), t("local.towns_intro"), ""]
    lines += [f"- [{town['name']}]({town['id']}.md)" for town in data.towns]
    return "\n".join(lines) + "\n"


def directory_page(data: LocalData, benefits: list[tuple[str, str]], lang: str) -> str:
    t = translator(lang)
    spoken = sorted({code for o in data.offices for code in (o.get("languages") or [])})
    names = Locale.parse(lang).languages
    form = render("office_filter", lang=lang, benefits=benefits,
                  towns=[(town["id"], town["name"]) for town in data.towns],
                  languages=[(code, names.get(code, code)) for code in spoken])
    return "\n".join([*_front(t("local.directory_title")), t("local.directory_intro"), "",
                      form, "", render("office_directory", offices=data.offices, lang=lang), ""])


def matrix_page(data: LocalData, benefits: list[tuple[str, str]], lang: str) -> str:
    t = translator(lang)
    rows = [{"benefit": benefit, "title": title,
             "cells": [data.responsible(benefit, town["id"]).offices for town in data.towns]}
            for benefit, title in benefits]
    table = render("responsibility_matrix", towns=data.towns, rows=rows, lang=lang)
    return "\n".join([*_front(t("local.matrix_title")), t("local.matrix_intro"), "", table, ""])

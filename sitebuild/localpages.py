"""Pages made from a site's local data: one per town, the office directory, the matrix.

Everything is rendered into Markdown with small HTML blocks (md_in_html) at build time,
in every language of the site; office data itself stays as published (German).
"""
from __future__ import annotations

from html import escape

from babel import Locale
from babel.dates import format_date, get_day_names

from .catalogs import translator
from .localdata import DAY_CODES, LocalData, stale_label

BENEFITS_DIR = "leistungen"


def _day_names(lang: str) -> dict[str, str]:
    names = get_day_names("abbreviated", locale=lang)  # Babel: 0 = Monday
    return {code: names[i] for i, code in enumerate(DAY_CODES)}


def _hours(entries, lang: str) -> str | None:
    if not entries:
        return None
    days = _day_names(lang)
    return "; ".join(f"{', '.join(days[d] for d in e['days'])} {e['opens']}–{e['closes']}" for e in entries)


def _language_names(codes, lang: str) -> str:
    names = Locale.parse(lang).languages
    return ", ".join(names.get(code, code) for code in codes)


def office_card(office: dict, lang: str, link_prefix: str = "") -> str:
    """One office as an HTML block; unknown facts say "please ask"."""
    t = translator(lang)
    # A nationwide carrier is never "please ask": an unknown fact is left out, its how_to_find says where to go.
    ask = "" if office.get("nationwide") else f'<span class="sl-ask">{escape(t("office.ask"))}</span>'
    addr = office.get("address") or {}
    street = escape(addr.get("street") or "")
    city = escape(f"{addr.get('postcode') or ''} {addr.get('city') or ''}".strip())
    address = "<br>".join(x for x in (street, city) if x) or ask
    rows = [(t("office.address"), address)]
    phone = office.get("phone")
    rows.append((t("office.phone"), f'<a href="tel:{escape(phone.replace(" ", ""))}">{escape(phone)}</a>' if phone else ask))
    if office.get("email"):
        rows.append((t("office.email"), f'<a href="mailto:{escape(office["email"])}">{escape(office["email"])}</a>'))
    if office.get("website"):
        rows.append((t("office.website"), f'<a href="{escape(office["website"])}">{escape(office["website"])}</a>'))
    if office.get("contact_form"):
        rows.append((t("office.contact_form"), f'<a href="{escape(office["contact_form"])}">{escape(office["contact_form"])}</a>'))
    appointment = office.get("appointment") or {}
    hours = _hours(office.get("opening_hours"), lang)
    if office.get("opening_hours") == [] or appointment.get("required"):
        hours = (hours + "; " if hours else "") + t("office.appointment_only")
    rows.append((t("office.hours"), escape(hours) if hours else ask))
    phone_hours = _hours(office.get("phone_hours"), lang)
    if phone_hours:
        rows.append((t("office.phone_hours"), escape(phone_hours)))
    if appointment.get("booking_url"):
        rows.append(("", f'<a href="{escape(appointment["booking_url"])}">{escape(t("office.booking"))}</a>'))
    if office.get("languages"):
        rows.append((t("office.languages"), escape(_language_names(office["languages"], lang))))
    if office.get("barrier_free") is not None:
        rows.append((t("office.barrier_free"), escape(t("office.yes" if office["barrier_free"] else "office.no"))))
    verified = format_date(office["verified"], "medium", locale=lang) if hasattr(office.get("verified"), "year") else ""
    source = str(office.get("source") or "")
    # a source that is not a public address (an internal note) is not shown to citizens
    title = str(office.get("source_title") or t("office.source"))
    source_html = f'<a href="{escape(source)}">{escape(title)}</a>, ' if source.startswith("http") else ""
    body = "".join(f"<dt>{escape(label)}</dt><dd>{value}</dd>" for label, value in rows if value)
    how = f'<p class="sl-office-how">{escape(office["how_to_find"])}</p>' if office.get("how_to_find") else ""
    stale = stale_label(office, lang)
    stale_html = f'<p class="sl-stale" lang="{lang}" dir="auto"><strong>{escape(stale)}</strong></p>' if stale else ""
    return (f'<div class="sl-office" id="office-{escape(office["id"])}" lang="de" dir="ltr">'
            f'<p class="sl-office-name"><strong>{escape(office["name"])}</strong> '
            f'<span class="sl-office-type" lang="{lang}">({escape(t("officetype." + office["type"]))})</span></p>'
            f'{stale_html}{how}<dl>{body}</dl>'
            f'<p class="sl-office-source" lang="{lang}"><small>{source_html}'
            f'{escape(t("office.verified", date=verified))}</small></p></div>')


def ask_instead(town: dict, general: list[dict], lang: str) -> str:
    """What a page says when no office is on record: the town hall and the town's Lotse."""
    t = translator(lang)
    hall = escape(t("office.town_hall", town=town["name"]))
    if town.get("website"):
        hall = f'<a href="{escape(town["website"])}">{hall}</a>'
    parts = [f'<p class="sl-none">{escape(t("office.none", town=town["name"]))} {hall}</p>']
    parts += [office_card(o, lang) for o in general]
    return "".join(parts)


def responsible_html(data: LocalData, benefit: str, town: dict, lang: str) -> str:
    found = data.responsible(benefit, town["id"])
    if found.known:
        return "".join(office_card(o, lang) for o in found.offices)
    return ask_instead(town, found.general, lang)


def benefit_offices_block(data: LocalData, benefit: str, lang: str) -> str:
    """For a benefit page: one expandable section per town."""
    if not data.towns:
        return ""
    t = translator(lang)
    blocks = [f'<div class="sl-towns" markdown="0"><p><strong>{escape(t("local.choose_town"))}</strong></p>']
    for town in data.towns:
        blocks.append(f'<details class="sl-town" data-town="{escape(town["id"])}"><summary>{escape(town["name"])}</summary>'
                      f'{responsible_html(data, benefit, town, lang)}</details>')
    blocks.append("</div>")
    return "\n" + "".join(blocks) + "\n"


def town_page(data: LocalData, town: dict, benefits: list[tuple[str, str]], lang: str) -> str:
    t = translator(lang)
    lines = ["---", f'title: "{t("local.town_title", town=town["name"])}"', "---",
             f"# {t('local.town_title', town=town['name'])}", "", t("local.town_intro", town=town["name"]), ""]
    for benefit, title in benefits:
        lines += [f"## [{title}](../{BENEFITS_DIR}/{benefit}.md)", "", responsible_html(data, benefit, town, lang), ""]
    return "\n".join(lines)


def towns_index(data: LocalData, lang: str) -> str:
    t = translator(lang)
    lines = ["---", f'title: "{t("local.towns_title")}"', "---", f"# {t('local.towns_title')}", "",
             t("local.towns_intro"), ""]
    lines += [f"- [{town['name']}]({town['id']}.md)" for town in data.towns]
    return "\n".join(lines) + "\n"


def directory_page(data: LocalData, benefits: list[tuple[str, str]], lang: str) -> str:
    t = translator(lang)
    spoken = sorted({code for o in data.offices for code in (o.get("languages") or [])})
    names = Locale.parse(lang).languages
    opt = lambda value, label: f'<option value="{escape(value)}">{escape(label)}</option>'  # noqa: E731
    form = [
        '<form class="sl-filter" id="office-filter" hidden>',
        f'<fieldset><legend>{escape(t("local.filter_title"))}</legend>',
        f'<label for="filter-topic">{escape(t("local.filter_topic"))}</label>',
        '<select id="filter-topic" name="topic">' + opt("", t("local.filter_all"))
        + "".join(opt(b, title) for b, title in benefits) + "</select>",
        f'<label for="filter-town">{escape(t("local.filter_town"))}</label>',
        '<select id="filter-town" name="town">' + opt("", t("local.filter_all"))
        + "".join(opt(town["id"], town["name"]) for town in data.towns) + "</select>",
        f'<label for="filter-language">{escape(t("local.filter_language"))}</label>',
        '<select id="filter-language" name="language">' + opt("", t("local.filter_all"))
        + "".join(opt(code, names.get(code, code)) for code in spoken) + "</select>",
        f'<label class="sl-check"><input type="checkbox" id="filter-barrier-free" name="barrier_free"> '
        f'{escape(t("local.filter_barrier_free"))}</label>',
        "</fieldset>",
        f'<p id="filter-count" role="status" aria-live="polite" data-template="{escape(t("local.filter_count"))}"></p>',
        "</form>",
    ]
    items = []
    for office in data.offices:
        attrs = (f'data-benefits="{escape(" ".join(office.get("benefits") or []))}" '
                 f'data-towns="{escape(" ".join(office.get("towns") or []))}" '
                 f'data-languages="{escape(" ".join(office.get("languages") or []))}" '
                 f'data-barrier-free="{"true" if office.get("barrier_free") else "false"}"')
        items.append(f'<li class="sl-directory-item" {attrs}>{office_card(office, lang)}</li>')
    return "\n".join(["---", f'title: "{t("local.directory_title")}"', "---",
                      f"# {t('local.directory_title')}", "", t("local.directory_intro"), "",
                      "\n".join(form), "", '<ul class="sl-directory" markdown="0">', *items, "</ul>", ""])


def matrix_page(data: LocalData, benefits: list[tuple[str, str]], lang: str) -> str:
    t = translator(lang)
    head = "".join(f'<th scope="col">{escape(town["name"])}</th>' for town in data.towns)
    rows = []
    for benefit, title in benefits:
        cells = []
        for town in data.towns:
            found = data.responsible(benefit, town["id"])
            if found.known:
                links = ", ".join(f'<a href="../stellen/#office-{escape(o["id"])}">{escape(t("officetype." + o["type"]))}</a>'
                                  for o in found.offices)
                cells.append(f"<td>{links}</td>")
            else:
                cells.append(f'<td><a href="../orte/{escape(town["id"])}/" class="sl-ask">{escape(t("office.ask"))}</a></td>')
        rows.append(f'<tr><th scope="row"><a href="../{BENEFITS_DIR}/{escape(benefit)}/">{escape(title)}</a></th>{"".join(cells)}</tr>')
    table = (f'<div class="sl-matrix" tabindex="0" role="region" aria-label="{escape(t("local.matrix_title"))}" markdown="0">'
             f'<table><thead><tr><th scope="col">{escape(t("local.benefit"))}</th>{head}</tr></thead>'
             f'<tbody>{"".join(rows)}</tbody></table></div>')
    return "\n".join(["---", f'title: "{t("local.matrix_title")}"', "---", f"# {t('local.matrix_title')}", "",
                      t("local.matrix_intro"), "", table, ""])

"""Each common editor mistake stops `build.py check` with a message at the right file:line
(issue #9 item 4), and `build` prints the same message instead of a traceback."""
import shutil
from datetime import date
from pathlib import Path

import pytest

from sitebuild import check

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 21)
PAGE = "---\ntitle: Seite\n---\n# Seite\n\n"


@pytest.fixture
def site(tmp_path) -> Path:
    """A copy of the default site to break."""
    target = tmp_path / "site"
    shutil.copytree(ROOT / "sites" / "kreis-recklinghausen", target)
    return target


def run(tmp_path: Path, pages: dict[str, str], site: Path | None = None, params: Path | None = None) -> list[str]:
    content = tmp_path / "content"
    for name, text in pages.items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(text, encoding="utf-8")
    # the real offices' sources older than 24 months are warnings of their own (test_local_sources)
    return check.run(str(site) if site else None, content_dir=content, params_dir=params, today=TODAY).without("stale-source")


def only(problems, rule: str) -> list[str]:
    return [p for p in problems if p.rule == rule]


def test_broken_front_matter_yaml(tmp_path):
    problems = run(tmp_path, {"a.de.md": "---\ntitle: Gut\nsummary: \"offen\n---\n# A\n"})
    assert [p.split(": ")[0] for p in problems] == [f"{tmp_path}/content/a.de.md:3"]
    assert problems[0].rule == "front-matter"


def test_missing_required_section(tmp_path):
    text = (ROOT / "content" / "leistungen" / "wohngeld.de.md").read_text(encoding="utf-8")
    text = text.replace("## Rechte und Pflichten", "## Pflichten")
    problems = run(tmp_path, {"leistungen/wohngeld.de.md": text})
    body_line = text.split("\n").index("---", 1) + 2
    assert f"{tmp_path}/content/leistungen/wohngeld.de.md:{body_line}: section '## Rechte und Pflichten' is missing" in problems


def test_link_to_a_page_that_does_not_exist(tmp_path):
    problems = run(tmp_path, {"lebenslagen/a.de.md": PAGE + "Siehe [B](b.md) und [Orte](../orte/datteln.md).\n\n"
                                                     "[Fehlt](../lebenslagen/wohngeldd.md)\n",
                              "lebenslagen/b.de.md": PAGE})
    problems = [p for p in problems if "legal_review" not in p]  # these bare test pages carry no review
    assert problems == [f"{tmp_path}/content/lebenslagen/a.de.md:8: link to '../lebenslagen/wohngeldd.md': no such page "
                        "(pages are linked as 'name.md', without the language suffix)"]


def test_office_contact_without_a_source(tmp_path, site):
    path = site / "offices.yml"
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    first_source = next(i for i, line in enumerate(lines) if line.startswith("  source: "))
    lines[first_source] = "  source: null"
    path.write_text("\n".join(lines), encoding="utf-8")
    index = sum(1 for line in lines[:first_source] if line.startswith("- id: ")) - 1  # the office's place in the list
    problems = run(tmp_path, {"a.de.md": PAGE}, site)
    # schemas/offices.schema.json reports it on the source line itself
    assert (f"{path}:{first_source + 1}: offices > {index} > source: "
            "source must be the public page these facts come from (https://…)") in problems


def test_unknown_town_in_responsibilities(tmp_path, site):
    path = site / "responsibilities.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("      dorsten: {office: sozialamt, id: wohngeldstelle-dorsten, note:",
                                 "      dorstn: {office: sozialamt, id: wohngeldstelle-dorsten, note:"), encoding="utf-8")
    line = next(i for i, l in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if "dorstn:" in l)
    problems = only(run(tmp_path, {"a.de.md": PAGE}, site), "responsibilities")
    assert len(problems) == 1 and problems[0].startswith(f"{path}:{line}: 'wohnberechtigungsschein': town 'dorstn' "
                                                         "is not in towns.yml")


def test_per_town_responsibility_takes_effect():
    from sitebuild.localdata import LocalData

    data = LocalData.load(ROOT / "sites" / "kreis-recklinghausen")
    # responsibilities.yml: wohnberechtigungsschein in Dorsten -> the office wohngeldstelle-dorsten
    assert [o["id"] for o in data.responsible("wohnberechtigungsschein", "dorsten").offices] == ["wohngeldstelle-dorsten"]


def test_euro_amount_typed_where_a_parameter_exists(tmp_path):
    # 255 € was the Kindergeld from 2025-01-01 (selfcheck/params/kindergeld.yaml): a stale figure.
    problems = run(tmp_path, {"a.de.md": PAGE + "Kindergeld: 255 € im Monat.\n"})
    assert problems == [f"{tmp_path}/content/a.de.md:6: amount '255 €' typed in: write "
                        "{{ param(\"kindergeld.betrag_je_kind\") }} so the page shows the value in force"]


def test_period_typed_where_a_parameter_exists_fails(tmp_path):
    # mutterschaftsgeld.schutzfrist_nach_geburt: 8 weeks (§ 3 Abs. 2 MuSchG), on the page of that file
    problems = run(tmp_path, {"mutterschaftsgeld.de.md": PAGE + "Die Schutzfrist dauert 8 Wochen.\n"})
    assert problems == [f"{tmp_path}/content/mutterschaftsgeld.de.md:6: period '8 Wochen' typed in: write "
                        "{{ param(\"mutterschaftsgeld.schutzfrist_nach_geburt\") }} so the page shows the value in force"]
    assert len(problems.errors()) == 1  # a deadline of the law typed as a number fails check (issue #19)


def copy_params(tmp_path) -> Path:
    target = tmp_path / "params"
    shutil.copytree(ROOT / "selfcheck" / "params", target)
    return target


def test_two_values_with_the_same_validity_date(tmp_path):
    params = copy_params(tmp_path)
    path = params / "kindergeld.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    2025-01-01:\n      value: 255", "    2026-01-01:\n      value: 255", 1), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").split("\n")
    first, second = [i for i, l in enumerate(lines, 1) if l == "    2026-01-01:"][:2]
    problems = only(run(tmp_path, {"a.de.md": PAGE}, params=params), "params")
    assert problems == [f"{path}:{second}: parameter 'betrag_je_kind': validity date 2026-01-01 appears twice "
                        f"(also line {first}); the later value would silently win"]


def test_value_without_a_source(tmp_path):
    params = copy_params(tmp_path)
    path = params / "kindergeld.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    i = lines.index("      value: 250")
    assert lines[i + 1] == "      reference:"
    del lines[i + 1:i + 3]
    path.write_text("\n".join(lines), encoding="utf-8")
    problems = only(run(tmp_path, {"a.de.md": PAGE}, params=params), "params")
    assert problems == [f"{path}:{i}: betrag_je_kind > values > 2023-01-01: each validity date needs a 'value' and "
                        "its 'reference' (a list of {title, href}: BGBl. citation or official URL)"]


def test_page_with_an_unknown_language_suffix(tmp_path):
    problems = run(tmp_path, {"wohngeld.xx.md": PAGE})
    configured = ", ".join(check.configured_languages())
    assert problems == [f"{tmp_path}/content/wohngeld.xx.md:1: language 'xx' is not configured (mkdocs.yml: {configured}); "
                        "this page would not be built"]


def test_duplicate_office_id(tmp_path, site):
    path = site / "offices.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("- id: jobcenter-datteln\n", "- id: jobcenter-castrop-rauxel\n", 1), encoding="utf-8")
    line = [i for i, l in enumerate(path.read_text(encoding="utf-8").split("\n"), 1)
            if l == "- id: jobcenter-castrop-rauxel"][1]
    problems = run(tmp_path, {"a.de.md": PAGE}, site)
    assert f"{path}:{line}: office 'jobcenter-castrop-rauxel': id used twice" in problems


def test_malformed_opening_hours(tmp_path, site):
    path = site / "offices.yml"
    text = path.read_text(encoding="utf-8")
    assert "    closes: '12:00'" in text
    path.write_text(text.replace("    closes: '12:00'", "    closes: '12 Uhr'", 1), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").split("\n")
    bad = lines.index("    closes: '12 Uhr'")
    office_line = max(i for i in range(bad) if lines[i].startswith("- id: ")) + 1
    problems = [p for p in run(tmp_path, {"a.de.md": PAGE}, site) if "opening_hours" in p]
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}:{office_line}: office ") and "opens/closes must be times like 08:30" in problems[0]


def test_placeholder_with_a_typo(tmp_path):
    problems = run(tmp_path, {"a.de.md": PAGE + "Text\n\n{{ zustaendg }}\n"})
    assert problems == [f"{tmp_path}/content/a.de.md:8: unknown placeholder: use {{{{ param(\"file.key\") }}}}, "
                        "{{ unterlagen }} or {{ zustaendig }}"]


@pytest.mark.parametrize("snippet,message", [
    ("<script>alert(1)</script>", "raw <script> in content: content may not run code"),
    ('<img src="a.png" onerror="alert(1)">', "event attribute (on…=) in content: content may not run code"),
    ("[Klick](javascript:alert(1))", "javascript: URL in content: content may not run code"),
    ('<iframe src="https://example.org"></iframe>', "<iframe> in content: pages embed nothing from other sites"),
    ('<object data="x.swf"></object>', "<object> in content: pages embed nothing from other sites"),
])
def test_code_in_content(tmp_path, snippet, message):
    problems = run(tmp_path, {"a.de.md": PAGE + "Text\n" + snippet + "\n"})
    assert problems == [f"{tmp_path}/content/a.de.md:7: {message}"]


def test_build_prints_the_check_message_and_no_traceback(tmp_path, monkeypatch, capsys):
    import build

    content = tmp_path / "content"
    content.mkdir()
    (content / "a.de.md").write_text("---\ntitle: Gut\nsummary: Achtung: Frist\n---\n# A\n", encoding="utf-8")
    monkeypatch.setattr(check, "CONTENT_DIR", content)
    assert build.main(["build"]) == 1
    err = capsys.readouterr().err
    assert any(line.startswith(f"{content}/a.de.md:3: front matter is not valid YAML") for line in err.splitlines())
    assert "Traceback" not in err and "build stopped: 1 problem(s)" in err


def test_show_if_the_page_script_cannot_read(tmp_path):
    from sitebuild import schemas

    text = "steps:\n  - id: place\n    questions:\n      - {id: town, type: town}\n" \
           "      - {id: rent, type: money, show_if: \"town == 'x'\"}\n"
    assert schemas.validate_text("questions", text) == [
        (5, "steps > 0 > questions > 1 > show_if: show_if must be conditions \"id\", \"!id\", \"id>=N\" (also >, <, <=; "
            "N a number or @parameter) or \"id=value\", joined by & (and) or | (or); the page script shows the "
            "question whenever it cannot read the condition")]


def test_front_matter_allows_legal_review_and_translation_records(tmp_path):
    page = ("---\ntitle: A\nlegal_review: {date: 2026-12-01, basis: [\"§ 66 EStG\"]}\n"
            "translation: {source_hash: 0123abcd, method: reviewed, date: 2026-12-01}\n---\n# A\n")
    german = "---\ntitle: A\nlegal_review: {date: 2026-12-01, basis: [\"§ 66 EStG\"]}\n---\n# A\n"
    problems = run(tmp_path, {"a.de.md": german, "a.en.md": page})
    # (the made-up source_hash also makes it a stale translation: a warning, not part of this rule)
    assert [p for p in problems if "has changed since" not in p] == [
        f"{tmp_path}/content/a.en.md:4: front matter: translation: 'reviewed_by' is a required property"]


@pytest.mark.parametrize("lang,value,unit,expected", [
    # CLDR plural rules: German one/other, Arabic one (the noun alone), few (3-10), many (11-99)
    ("de", 1, "months", "1 Monat"), ("de", 6, "months", "6 Monate"), ("en", 1, "weeks", "1 week"),
    ("en", 8, "weeks", "8 weeks"), ("ar", 1, "months", "شهر"), ("ar", 6, "months", "6 أشهر"),
    ("ar", 11, "months", "11 شهرًا"), ("de", 50, "m2", "50 m²"),
])
def test_units_and_plurals_come_from_babel(lang, value, unit, expected):
    from sitebuild.placeholders import format_value

    assert format_value(value, unit, lang) == expected

"""build.py impact: a change of the Kindergeld amount, judged against the revision before it.

The change is made in a throw-away git repository holding a copy of this tree, so the test needs
no history and leaves the real repository alone. Pages are compared as staged Markdown with the
amounts filled in (no MkDocs build of either tree), which keeps the test to two engine runs.
"""
from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from sitebuild import impact, sites

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 12, 1)
# A test change, not enacted law: 267 € from 2027 is the figure of the Einkommensteuerreformgesetz 2027
# bill (BT-Drs. 21/8235), used here because it is the kind of edit editors will make in January.
NEW_VALUE = """    2027-01-01:
      value: 267
      reference:
        - title: "Teständerung (Gesetzentwurf BT-Drs. 21/8235)"
"""


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.org",
                           *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def changed_repo(tmp_path_factory) -> Path:
    repo = tmp_path_factory.mktemp("impact") / "repo"
    tracked = git(ROOT, "ls-files", "-co", "--exclude-standard").splitlines()
    for name in tracked:
        if name.startswith(("tests/", "tools/")) or not (ROOT / name).is_file():
            continue
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, repo / name)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    params = repo / "selfcheck" / "params" / "kindergeld.yaml"
    text = params.read_text(encoding="utf-8")
    anchor = "\naltersgrenze:\n"  # the parameter after betrag_je_kind: the new value goes at the end of its values
    assert anchor in text
    params.write_text(text.replace(anchor, "\n" + NEW_VALUE.rstrip("\n") + anchor, 1), encoding="utf-8")
    # A German page edit with translations beside it: they are now stale.
    index = repo / "content" / "index.de.md"
    index.write_text(index.read_text(encoding="utf-8") + "\nNeuer Hinweis.\n", encoding="utf-8")
    return repo


@pytest.fixture(scope="module")
def report(changed_repo):
    return impact.impact("HEAD", "sites/kreis-recklinghausen", head=changed_repo, today=TODAY)


def test_changed_parameter_value_with_its_validity_date(report):
    rows = [(c.ref, c.valid_from, c.old, c.new, c.kind) for c in report.params]
    assert rows == [("kindergeld.betrag_je_kind", "2027-01-01", 259, 267, "neu")]


def test_pages_change_from_the_validity_date_not_today(report):
    assert not report.errors
    today = report.pages[TODAY.isoformat()]
    assert set(today) == {"index"}  # only the edited start page changes today
    later = report.pages["2027-01-01"]
    # the pages with {{ param("kindergeld.betrag_je_kind") }}, in every language of the site
    for page in ("leistungen/kindergeld", "leistungen/unterhaltsvorschuss", "leichte-sprache/kindergeld"):
        assert later[page] == {lang: "geändert" for lang in sites.load_site(None).languages}
    assert "leistungen/wohngeld" not in later


def test_example_family_changes_by_the_new_amount(report):
    rows = {(Path(h).name, m, p): (o, n) for h, m, p, o, n in report.results}
    # Two children, § 66 Abs. 1 EStG: 2 × 259 € = 518 € before, 2 × 267 € = 534 € after.
    assert rows[("two-children-2026.json", "2027-01", "kindergeld")] == (["likely", 518.0], ["likely", 534.0])
    # § 2 Abs. 2 UVG: the whole Kindergeld is deducted, so Unterhaltsvorschuss falls by 8 € per child:
    # (558 − 259) × 2 = 598 € before, (558 − 267) × 2 = 582 € after (Mindestunterhalt 2026, last known).
    assert rows[("two-children-2026.json", "2027-01", "unterhaltsvorschuss")] == (["likely", 598.0], ["likely", 582.0])
    # The household's own month (March 2026) is before the new value: nothing changes there.
    assert not [k for k in rows if k[0] == "two-children-2026.json" and k[1] == "2026-03"]


def test_translations_of_the_changed_german_page_are_stale(report):
    assert report.stale == {lang: [f"content/index.{lang}.md"] for lang in sites.load_site(None).languages if lang != "de"}


def test_markdown_report_names_old_and_new_euros(report):
    text = impact.to_markdown(report)
    assert "| `kindergeld.betrag_je_kind` Kindergeld je Kind und Monat | 2027-01-01 | 259,00 € | 267,00 € | neu |" in text
    assert "| `two-children-2026` | 2027-01 | kindergeld | 518,00 € (wahrscheinlich) | 534,00 € (wahrscheinlich) |" in text
    assert "### Seiten, die sich ändern (ab 2027-01-01)" in text
    assert "- **en**: `content/index.en.md`" in text
    assert len(text) < 10_000  # fits a pull-request comment


def test_cli_prints_the_report(changed_repo):
    proc = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "build.py", "impact", "HEAD", "--help"],
                          cwd=changed_repo, capture_output=True, text=True)
    assert proc.returncode == 0 and "revision" in proc.stdout


def test_param_changes_of_a_table_show_only_the_cells_that_differ(tmp_path):
    for tree, value in (("a", "{1: 563, 2: 506}"), ("b", "{1: 563, 2: 510}")):
        path = tmp_path / tree / "selfcheck" / "params" / "x.yaml"
        path.parent.mkdir(parents=True)
        path.write_text("covered_until: 2026-12-31\nrb:\n  name: {de: Regelbedarf, en: Standard need}\n"
                        f"  unit: EUR/month\n  legal_basis: § 20 SGB II\n  values:\n    2026-01-01:\n"
                        f"      value: {value}\n      source: Test\n", encoding="utf-8")
    (change,) = impact.param_changes(tmp_path / "a", tmp_path / "b")
    assert (change.kind, impact.describe_value_change(change)) == ("geändert", ("2: 506,00 €", "2: 510,00 €"))


def test_a_municipality_adds_its_own_example_households(tmp_path):
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "a.json").write_text('{"month": "2026-03", "persons": []}', encoding="utf-8")
    own = tmp_path / "sites" / "x" / "examples"
    own.mkdir(parents=True)
    (own / "b.json").write_text('{"month": "2026-05", "persons": []}', encoding="utf-8")
    assert list(impact.example_households(tmp_path, "sites/x")) == ["examples/a.json", "sites/x/examples/b.json"]


def test_stale_translations_of_a_site_page(tmp_path):
    for tree, text in (("a", "alt"), ("b", "neu")):
        pages = tmp_path / tree / "sites" / "x" / "pages"
        pages.mkdir(parents=True)
        (pages / "ort.de.md").write_text(text, encoding="utf-8")
        (pages / "ort.en.md").write_text("same", encoding="utf-8")
        (pages / "ort.ar.md").write_text("same" if tree == "a" else "updated", encoding="utf-8")
    # The Arabic page was updated with the German one; the English one was not.
    assert impact.stale_translations(tmp_path / "a", tmp_path / "b", "sites/x") == {"en": ["sites/x/pages/ort.en.md"]}

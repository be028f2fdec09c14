"""build.py check reports broken content with file:line."""
from datetime import date
from pathlib import Path

from sitebuild import check

TODAY = date(2026, 11, 21)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def problems_for(tmp_path: Path) -> list[str]:
    return check.run(content_dir=tmp_path, today=TODAY).without("stale-source")  # real offices' dates


def test_broken_front_matter_is_reported_with_file_and_line(tmp_path):
    # The commonest editor mistake: an unquoted colon inside a value (line 3).
    write(tmp_path, "seite.de.md", "---\ntitle: Gut\nsummary: Achtung: Frist beachten\n---\n# Text\n")
    problems = problems_for(tmp_path)
    assert len(problems) == 1
    assert problems[0].startswith(f"{tmp_path / 'seite.de.md'}:3: front matter is not valid YAML")


def test_missing_front_matter_is_reported(tmp_path):
    write(tmp_path, "seite.de.md", "# Nur Text\n")
    assert problems_for(tmp_path) == [f"{tmp_path / 'seite.de.md'}:1: front matter missing: "
                                      "the file must start with '---', the fields, and '---'"]


def test_unknown_parameter_is_reported_on_its_line(tmp_path):
    write(tmp_path, "seite.de.md", '---\ntitle: X\n---\n# X\n\nBetrag: {{ param("kindergeld.gibt_es_nicht") }}\n')
    problems = problems_for(tmp_path)
    assert problems == [f"{tmp_path / 'seite.de.md'}:6: unknown parameter 'kindergeld.gibt_es_nicht': "
                        "see selfcheck/params/"]


def test_valid_page_passes(tmp_path):
    write(tmp_path, "seite.de.md", '---\ntitle: X\n---\n# X\n\n{{ param("kindergeld.betrag_je_kind") }}\n')
    assert problems_for(tmp_path) == []


def test_the_repository_content_passes():
    assert check.run(today=TODAY).errors() == []

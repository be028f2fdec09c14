"""`build.py check --format text|github|gitlab` for a page with two mistakes (exact output)."""
import json
from datetime import date

import pytest

import build
from sitebuild import check

PAGE = "---\ntitle: Seite\n---\n# Seite\n\nKindergeld: 255 € im Monat.\n\n{{ zustaendg }}\n"


@pytest.fixture
def two_mistakes(tmp_path, monkeypatch):
    content = tmp_path / "content"
    content.mkdir()
    (content / "seite.de.md").write_text(PAGE, encoding="utf-8")
    run = check.run
    monkeypatch.setattr(check, "run", lambda site=None: run(site, content_dir=content, today=date(2026, 11, 21))
                        .without("stale-source"))
    return f"{content}/seite.de.md"


def test_text(two_mistakes, capsys):
    assert build.main(["check"]) == 1
    out = capsys.readouterr()
    assert out.err == (f"{two_mistakes}:6: amount '255 €' typed in: write {{{{ param(\"kindergeld.betrag_je_kind\") }}}} "
                       "so the page shows the value in force\n"
                       f"{two_mistakes}:8: unknown placeholder: use {{{{ param(\"file.key\") }}}}, {{{{ unterlagen }}}} "
                       "or {{ zustaendig }}\n")
    assert out.out == "check: 2 problem(s)\n"


def test_github(two_mistakes, capsys):
    assert build.main(["check", "--format", "github"]) == 1
    path = two_mistakes.replace(":", "%3A").replace(",", "%2C")
    assert capsys.readouterr().out == (
        f"::error file={path},line=6,title=typed-amount::amount '255 €' typed in: write "
        "{{ param(\"kindergeld.betrag_je_kind\") }} so the page shows the value in force\n"
        f"::error file={path},line=8,title=placeholder::unknown placeholder: use {{{{ param(\"file.key\") }}}}, "
        "{{ unterlagen }} or {{ zustaendig }}\n")


def test_gitlab(two_mistakes, capsys):
    assert build.main(["check", "--format", "gitlab"]) == 1
    report = json.loads(capsys.readouterr().out)
    for entry in report:
        assert len(entry.pop("fingerprint")) == 32
    assert report == [
        {"description": "amount '255 €' typed in: write {{ param(\"kindergeld.betrag_je_kind\") }} so the page shows "
                        "the value in force",
         "check_name": "typed-amount", "severity": "major", "location": {"path": two_mistakes, "lines": {"begin": 6}}},
        {"description": "unknown placeholder: use {{ param(\"file.key\") }}, {{ unterlagen }} or {{ zustaendig }}",
         "check_name": "placeholder", "severity": "major", "location": {"path": two_mistakes, "lines": {"begin": 8}}},
    ]

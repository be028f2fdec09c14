"""Left-to-right runs in right-to-left prose (sitebuild/bidi.py)."""
from sitebuild.bidi import isolate

LTR = '<bdi dir="ltr">{}</bdi>'


def test_section_references_amounts_and_phone_numbers_are_isolated():
    text = "حسب § 22 Abs. 1 SGB II تبلغ 1.234,56 € والهاتف 02365 123-456."
    assert isolate(text, "ar") == (f"حسب {LTR.format('§ 22 Abs. 1 SGB II')} تبلغ {LTR.format('1.234,56 €')} "
                                   f"والهاتف {LTR.format('02365 123-456')}.")


def test_markup_is_left_alone():
    text = "[الرابط 2](../seite2.md){ #a1 } <a href=\"#x3\">نص</a> `code 4` {{ param('a.b1') }}"
    assert isolate(text, "ar") == text.replace("الرابط 2", f"الرابط {LTR.format('2')}")


def test_ordered_list_numbers_stay_markdown_and_code_blocks_stay_as_they_are():
    assert isolate("1. الخطوة 2", "ar") == f"1. الخطوة {LTR.format('2')}"
    assert isolate("```\n§ 1 X\n```", "ar") == "```\n§ 1 X\n```"


def test_left_to_right_languages_are_unchanged():
    assert isolate("nach § 22 SGB II 1.234 €", "de") == "nach § 22 SGB II 1.234 €"


def test_character_references_stay_whole():
    """An escaped quote in an office's source title: "&#34;" split by <bdi> left the HTML block
    open, and the rest of the Arabic town page was shown as raw Markdown."""
    line = '<small><a href="https://x.de/">FAQ (&#34;Eltern&#34;) &amp; 2026</a></small>'
    assert isolate(line, "ar") == ('<small><a href="https://x.de/">FAQ (&#34;Eltern&#34;) &amp; '
                                   '<bdi dir="ltr">2026</bdi></a></small>')

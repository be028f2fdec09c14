"""The Content-Security-Policy hashes only the inline scripts of our templates and the theme."""
import pytest

from sitebuild import csp

SCOPE = ('__md_scope=new URL("../..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
         '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
         '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}')


def page(tmp_path, *scripts):
    (tmp_path / "index.html").write_text("<html><head>" + "".join(f"<script>{s}</script>" for s in scripts)
                                         + '<script type="application/json">{"a": 1}</script></head></html>',
                                         encoding="utf-8")
    return tmp_path


def test_the_themes_scope_script_is_hashed(tmp_path):
    assert csp.inline_script_hashes(page(tmp_path, SCOPE)) == [csp._sha256(SCOPE)]


def test_a_script_from_content_is_never_hashed_and_stops_the_build(tmp_path):
    with pytest.raises(csp.ForeignScript, match="index.html: script .alert"):
        csp.inline_script_hashes(page(tmp_path, SCOPE, "alert(document.cookie)"))


def test_a_template_expression_cannot_break_out_of_its_string(tmp_path):
    evil = SCOPE.replace('"../.."', '"x",alert(1),"y"')
    with pytest.raises(csp.ForeignScript):
        csp.inline_script_hashes(page(tmp_path, evil))


def test_the_built_policy_holds_only_template_script_hashes(built_site):
    policy = csp.read_headers(built_site)["Content-Security-Policy"]
    script_src = next(d for d in policy.split("; ") if d.startswith("script-src "))
    hashes = [h for h in script_src.split()[1:] if h.startswith("'sha256-")]
    assert hashes and sorted(hashes) == csp.inline_script_hashes(built_site)

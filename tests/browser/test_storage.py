"""Privacy, kept true: evaluating answers adds no entry to the browser history and stores no
answer anywhere the browser keeps data (localStorage, sessionStorage, IndexedDB, cookies, Cache
Storage). Only the user's own act keeps answers: a downloaded file (which the page does not
store either) or a link.

The engine's worker keeps a memory snapshot of the interpreter in Cache Storage
("sl-engine-snapshot"); it is taken before any evaluation, so the test waits for it and
searches its bytes for every typed value too."""
import pytest

from .selfcheck_helpers import TOWN_NAME, complete_quickly, wait_ready, wait_until

pytestmark = pytest.mark.browser

# Distinctive typed values: none of them occurs in the site, the engine or its parameters.
PAY_GROSS, PAY_NET, RENT, HEATING, ASSETS = "2718.28", "1357.91", "864.29", "131.07", "4243.17"
MARKERS = [PAY_GROSS, PAY_NET, RENT, HEATING, ASSETS]
STEPS = [
    [("town", TOWN_NAME), ("month", "2026-09")],
    [("self_age", "41"), ("has_partner", "no"), ("children", "0")],
    [("self_gross", PAY_GROSS), ("self_net", PAY_NET)],
    [("kaltmiete", RENT), ("nebenkosten", "120"), ("heizung", HEATING)],
    [("assets", ASSETS)],
]

# Everything the page's origin keeps, as text, plus whether the engine snapshot was there.
DUMP_STORAGE = """async (markers) => {
  const hits = [];
  const look = (where, text) => { for (const m of markers) if (String(text).includes(m)) hits.push(`${where}: ${m}`); };
  for (const store of [localStorage, sessionStorage])
    for (let i = 0; i < store.length; i++) look("web storage", store.key(i) + "=" + store.getItem(store.key(i)));
  look("document.cookie", document.cookie);
  for (const info of await indexedDB.databases()) {
    const db = await new Promise((ok, bad) => { const r = indexedDB.open(info.name); r.onsuccess = () => ok(r.result); r.onerror = bad; });
    for (const name of db.objectStoreNames) {
      const all = await new Promise((ok) => { const r = db.transaction(name).objectStore(name).getAll(); r.onsuccess = () => ok(r.result); });
      look(`indexedDB ${info.name}/${name}`, JSON.stringify(all));
    }
    db.close();
  }
  let snapshotBytes = 0;
  const latin1 = new TextDecoder("latin1");
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      look(`cache ${name} key`, request.url);
      const body = new Uint8Array(await (await cache.match(request)).arrayBuffer());
      if (name === "sl-engine-snapshot") snapshotBytes += body.length;
      look(`cache ${name} ${request.url}`, latin1.decode(body));
    }
  }
  return { hits, snapshotBytes };
}"""

SNAPSHOT_KEPT = """async () => {
  if (!(await caches.keys()).includes("sl-engine-snapshot")) return false;
  return (await (await caches.open("sl-engine-snapshot")).keys()).length > 0;
}"""


def test_evaluations_keep_history_and_store_no_answer(fresh_page, site_url, tmp_path):
    page = fresh_page  # a new profile: nothing from other tests
    page.goto(site_url + "/selbstcheck/")
    wait_ready(page)
    before = page.evaluate("history.length")
    complete_quickly(page, STEPS)
    page.click("#sc-edit")
    changed = [list(step) for step in STEPS]
    changed[3][1] = ("nebenkosten", "125")
    complete_quickly(page, changed)  # a second evaluation, with one answer changed
    assert page.evaluate("history.length") == before
    assert "#a=" not in page.url  # the address holds answers only when the user makes a link
    # the engine had its answers: the result is on screen
    assert page.locator("#sc-result").is_visible()
    wait_until(page, SNAPSHOT_KEPT, timeout=60)
    stored = page.evaluate(DUMP_STORAGE, MARKERS)
    assert stored["snapshotBytes"] > 1_000_000  # the interpreter's memory really was searched
    assert stored["hits"] == []
    cookies = page.context.cookies()
    assert [c for c in cookies if any(m in c["value"] for m in MARKERS)] == []
    # a file the user downloads holds the answers; the page still keeps nothing itself
    with page.expect_download() as download:
        page.click("#sc-download")
    saved = tmp_path / "answers.json"
    download.value.save_as(saved)
    assert RENT in saved.read_text(encoding="utf-8")
    assert page.evaluate(DUMP_STORAGE, MARKERS)["hits"] == []
    assert page.evaluate("history.length") == before

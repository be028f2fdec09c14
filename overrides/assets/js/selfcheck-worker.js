// Runs the Python self-check engine in Pyodide, off the main thread.
// Everything is loaded from this site's own origin; no answer ever leaves the browser.
import { loadPyodide } from "../../pyodide/pyodide.mjs";

let engine = null;
let ready = null;

async function start(bundleUrl) {
  const started = performance.now();
  const pyodide = await loadPyodide({ indexURL: new URL("../../pyodide/", import.meta.url).href });
  const response = await fetch(bundleUrl);
  if (!response.ok) throw new Error(`bundle ${response.status}`);
  pyodide.unpackArchive(await response.arrayBuffer(), "zip", { extractDir: "/home/pyodide/selfcheck-bundle" });
  pyodide.runPython(`
import sys
sys.path.insert(0, "/home/pyodide/selfcheck-bundle")
from selfcheck.jsonapi import evaluate_json
`);
  engine = pyodide.globals.get("evaluate_json");
  return performance.now() - started;
}

const run = (household) => JSON.parse(engine(JSON.stringify(household)));

self.onmessage = async ({ data: msg }) => {
  if (msg.type === "init") {
    ready = start(msg.bundle);
    try {
      self.postMessage({ type: "ready", ms: await ready });
    } catch (err) {
      self.postMessage({ type: "failed", reason: String(err) });
    }
    return;
  }
  try {
    await ready;
    const started = performance.now();
    let payload;
    if (msg.type === "evaluate") payload = run(msg.household);
    else if (msg.type === "sweep") {
      const results = msg.households.map(run);
      payload = results.every((r) => r.ok) ? { ok: true, results: results.map((r) => r.result) } : { ok: false };
    }
    self.postMessage({ type: "result", id: msg.id, ms: performance.now() - started, payload });
  } catch (err) {
    self.postMessage({ type: "result", id: msg.id, payload: { ok: false, internal: String(err) } });
  }
};

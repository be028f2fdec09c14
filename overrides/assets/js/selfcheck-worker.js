// Runs the Python self-check engine in Pyodide, off the main thread.
// Everything is loaded from this site's own origin; no answer ever leaves the browser.
import { loadPyodide } from "../../pyodide/pyodide.mjs";

let engine = null;

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

let ready = null;

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg.type === "init") {
    ready = start(msg.bundle);
    try {
      const ms = await ready;
      self.postMessage({ type: "ready", ms });
    } catch (err) {
      self.postMessage({ type: "failed", reason: String(err) });
    }
  } else if (msg.type === "evaluate") {
    try {
      await ready;
      const started = performance.now();
      const out = JSON.parse(engine(JSON.stringify(msg.household)));
      self.postMessage({ type: "result", id: msg.id, ms: performance.now() - started, payload: out });
    } catch (err) {
      self.postMessage({ type: "result", id: msg.id, payload: { ok: false, internal: String(err) } });
    }
  }
};

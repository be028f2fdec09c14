// Runs the Python self-check engine in Pyodide, off the main thread.
// Everything is loaded from this site's own origin; no answer ever leaves the browser.
import { loadPyodide, version } from "../../pyodide/pyodide.mjs";

// A warm start restores a memory snapshot of the interpreter with the engine already imported,
// instead of starting Python and importing the standard library again (several times faster).
// The snapshot is taken once, after "ready": the engine imported and warmed up (its modules and
// parameters), before any message is handled, so it holds no answers. It is kept in the
// browser's Cache Storage under the runtime version and the engine bundle's URL (which carries its content hash), so a new build never restores an
// old engine. Not named "soziallotse-…": the service worker clears those caches on update.
const SNAPSHOTS = "sl-engine-snapshot";
const INDEX_URL = new URL("../../pyodide/", import.meta.url).href;

let engine = null;
let ready = null;
let finish = null; // the rest of the start-up, run right after "ready" is sent

const snapshotKey = (bundleUrl) => {
  const key = new URL(`snapshot-${version}.bin`, INDEX_URL);
  key.search = new URL(bundleUrl, self.location.href).search;
  return key.href;
};

async function cachedSnapshot(key) {
  try {
    const hit = await (await caches.open(SNAPSHOTS)).match(key);
    return hit ? new Uint8Array(await hit.arrayBuffer()) : null;
  } catch {
    return null; // no Cache Storage (private mode, old browser): start the ordinary way
  }
}

async function keepSnapshot(key, bytes) {
  try {
    const cache = await caches.open(SNAPSHOTS);
    for (const old of await cache.keys()) await cache.delete(old);
    await cache.put(key, new Response(bytes, { headers: { "Content-Type": "application/octet-stream" } }));
  } catch {
    // Storage full or unavailable: the next start is simply an ordinary one.
  }
}

async function start(bundleUrl, maySnapshot) {
  const started = performance.now();
  const key = snapshotKey(bundleUrl);
  // The engine's bundle downloads while Pyodide starts; only the snapshot lookup comes first.
  const bundle = fetch(bundleUrl).then((response) => {
    if (!response.ok) throw new Error(`bundle ${response.status}`);
    return response.arrayBuffer();
  });
  bundle.catch(() => {}); // reported where it is awaited, not as an unhandled rejection before
  // A snapshot is kept only after a first visit, which also installed the service worker: a page
  // it does not control skips the lookup (Cache Storage takes tens of ms to open the first time).
  const snapshot = maySnapshot ? await cachedSnapshot(key) : null;
  let pyodide = null;
  if (snapshot) {
    try {
      pyodide = await loadPyodide({ indexURL: INDEX_URL, _loadSnapshot: snapshot });
    } catch {
      pyodide = null; // a damaged or foreign snapshot: start the ordinary way
    }
  }
  const fresh = pyodide === null;
  if (fresh) pyodide = await loadPyodide({ indexURL: INDEX_URL, _makeSnapshot: true });
  // The engine's data files live in the file system, which a snapshot does not keep.
  pyodide.unpackArchive(await bundle, "zip", { extractDir: "/home/pyodide/selfcheck-bundle" });
  if (fresh) {
    pyodide.runPython(`
import sys
sys.path.insert(0, "/home/pyodide/selfcheck-bundle")
from selfcheck.jsonapi import evaluate_json, warm_up
`);
  }
  finish = () => {
    // The imports, data and code paths the first result would wait for, while the person
    // answers; before the snapshot, so that a warm start has them as well.
    try {
      pyodide.runPython("warm_up()");
    } catch {
      // not needed for a result: the first evaluation then loads them itself
    }
    if (fresh) {
      try {
        keepSnapshot(key, pyodide.makeMemorySnapshot());
      } catch {
        // no snapshot this time: the next start is an ordinary one
      }
    }
    engine = pyodide.globals.get("evaluate_json");
  };
  return performance.now() - started;
}

const run = (household) => JSON.parse(engine(JSON.stringify(household)));

self.onmessage = async ({ data: msg }) => {
  if (msg.type === "init") {
    ready = start(msg.bundle, msg.snapshot !== false);
    try {
      self.postMessage({ type: "ready", ms: await ready });
    } catch (err) {
      self.postMessage({ type: "failed", reason: String(err) });
      return;
    }
    // Synchronous, right after "ready": no evaluation can come in between (a message waiting
    // for `ready` runs after this), so the snapshot holds no answer.
    finish();
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

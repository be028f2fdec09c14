// Keep and share answers without a server: the URL fragment (never sent in requests), a file
// to download and load again, and deleting everything.

const FORMAT = "soziallotse-answers";
const MAX_FRAGMENT = 4000;

function toBase64Url(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

// Only a flat object of short strings is accepted; anything else is ignored as broken.
export function parseAnswers(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (data && data.format === FORMAT) data = data.answers;
  if (!data || typeof data !== "object" || Array.isArray(data)) return null;
  const out = Object.create(null); // no prototype: "__proto__" stays an ordinary, ignored key
  for (const [key, value] of Object.entries(data).slice(0, 200)) {
    if (typeof value === "string" || typeof value === "number") out[key] = String(value);
  }
  return out;
}

export function answersFromFragment(hash) {
  const m = /^#a=([A-Za-z0-9_-]{1,4000})$/.exec(hash || "");
  if (!m) return null;
  try {
    return parseAnswers(fromBase64Url(m[1]));
  } catch {
    return null;
  }
}

export function writeFragment(answers) {
  const encoded = toBase64Url(JSON.stringify(answers));
  if (encoded.length > MAX_FRAGMENT) return false;
  // replaceState: no navigation, no request; fragments are never sent to any server.
  history.replaceState(null, "", `${location.pathname}${location.search}#a=${encoded}`);
  return true;
}

export function clearFragment() {
  history.replaceState(null, "", `${location.pathname}${location.search}`);
}

export function download(answers, filename) {
  saveBlob(new Blob([JSON.stringify({ format: FORMAT, version: 1, answers }, null, 2)], { type: "application/json" }),
    filename);
}

// A file made in the browser, saved by the browser: nothing is sent anywhere.
export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function readFile(file) {
  if (!file || file.size > 100_000) return null;
  return parseAnswers(await file.text());
}

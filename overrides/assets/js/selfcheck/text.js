// Result text for people: message keys with their arguments turned into words (no internal
// ids, no raw floats), and the parts that must not be reordered or machine-translated isolated:
// amounts and § citations as <bdi translate="no">, phone numbers, postcodes, times and dates as
// <bdi dir="ltr">, so they read correctly inside right-to-left text.

const LAW = String.raw`§§?\s?\d+[a-z]?(?:\s(?:Abs\.|Satz|S\.|Nr\.|Buchst\.)\s?\d+[a-z]?)*(?:\s(?:SGB\s[IVX]+|[A-ZÄÖÜ][A-Za-zäöü]*(?:G|V)|EStG|BKGG|WoGG|WoGV|UVG|BEEG|AsylbLG|BAföG|AufenthG))?`;
const MONEY = String.raw`\d{1,3}(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d{1,2})?\s?€`;
const TIME = String.raw`\d{1,2}[:.]\d{2}(?:\s?[–-]\s?\d{1,2}[:.]\d{2})?(?:\sUhr)?`;
const DATE = String.raw`\d{4}-\d{2}(?:-\d{2})?|\d{1,2}\.\d{1,2}\.\d{2,4}`;
const PHONE = String.raw`\+?\d[\d /-]{6,}\d`;
const POSTCODE = String.raw`\b\d{5}\b`;
const TOKENS = new RegExp(`(${LAW})|(${MONEY})|(${DATE})|(${TIME})|(${PHONE})|(${POSTCODE})`, "g");

// The locale for Intl's numbers and dates: digits 0-9 and the Gregorian calendar in every
// language, as on the letters and forms people get (Intl's "fa" alone writes Persian digits
// and Solar Hijri dates).
export const intlLocale = (lang) => `${lang}-u-nu-latn-ca-gregory`;

// The catalog's strings for one language as t(key, args). A plural entry's value is its forms,
// {one: …, other: …} (Arabic: zero … other); the count is the first {name} of the "other" form
// whose value is a number, and Intl.PluralRules picks the form (sitebuild/catalogs.py: the same
// rule with Babel). A number that only labels ("Kind {n}") is passed as text.
export function translator(messages, lang) {
  const rules = new Intl.PluralRules(lang);
  const template = (key, args = {}) => {
    const entry = messages[key] ?? key;
    if (typeof entry === "string") return entry;
    const count = [...entry.other.matchAll(/\{(\w+)\}/g)].map((m) => args[m[1]]).find((v) => typeof v === "number");
    return count === undefined ? entry.other : entry[rules.select(count)] ?? entry.other;
  };
  const t = (key, args = {}) =>
    template(key, args).replace(/\{(\w+)\}/g, (m, name) => (name in args ? String(args[name]) : m));
  t.template = template;
  return t;
}

// The text of `key` for these arguments before they are filled in (a plural entry's form).
const templateOf = (t, key, args) => (t.template ? t.template(key, args) : t(key));

export function bdi(text, { noTranslate = false, ltr = true } = {}) {
  const node = document.createElement("bdi");
  node.textContent = text;
  if (ltr) node.dir = "ltr";
  if (noTranslate) node.setAttribute("translate", "no");
  return node;
}

// A plain string as nodes, with its citations, amounts, numbers and dates isolated.
export function isolate(text) {
  const out = [];
  let last = 0;
  for (const m of text.matchAll(TOKENS)) {
    if (m.index > last) out.push(document.createTextNode(text.slice(last, m.index)));
    out.push(bdi(m[0], { noTranslate: Boolean(m[1] || m[2]) }));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(document.createTextNode(text.slice(last)));
  return out;
}

// Every text node below `root` (office cards written at build time, for instance) isolated.
export function isolateTree(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const found = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.parentElement.closest("bdi, script, style, template") && TOKENS.test(n.data)) found.push(n);
    TOKENS.lastIndex = 0;
  }
  for (const n of found) n.replaceWith(...isolate(n.data));
}

// Names for the people of a household: "Kind 1 (4 Jahre)" instead of "c1".
export function peopleNames(household, t) {
  const names = {};
  let child = 0;
  let adult = 0;
  for (const p of household?.persons || []) {
    // the number only labels the person ("Kind 2"): passed as text, so that the age is the count ("1 Jahr")
    if (p.relation === "child") names[p.id] = t("selfcheck.person_child", { n: String(++child), age: p.age });
    else names[p.id] = t("selfcheck.person_adult", { n: String(++adult), age: p.age });
  }
  return names;
}

export class Texts {
  constructor({ t, lang, money, household, towns = {}, programNames = {} }) {
    this.t = t;
    this.lang = lang;
    this.money = money;
    this.people = peopleNames(household, t);
    this.towns = towns;
    this.programNames = programNames;
    this.number = new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: 2 });
  }

  program(id) {
    const key = `program.${id}`;
    const name = this.t(key);
    return name !== key ? name : this.programNames[id] || this.t("selfcheck.program_unnamed");
  }

  // One argument in words; `numeric` says whether it is a number (kept from translation).
  arg(name, value) {
    if (name === "person" || name === "parent") return [this.people[value] ?? this.t("selfcheck.person_someone"), false];
    if (name === "town") return [this.towns[value] ?? this.t("selfcheck.other_town"), false];
    if (name === "program") return [this.program(value), false];
    if (name === "programs") {
      const ids = Array.isArray(value) ? value : String(value).split(/,\s*/).filter(Boolean);
      return [ids.map((id) => this.program(id)).join(" + "), false];
    }
    if (name === "status") return [this.t(`status.${value}`), false];
    if (name === "date" && /^\d{4}-\d{2}-\d{2}$/.test(String(value))) {
      const [y, m, d] = String(value).split("-").map(Number);
      return [new Intl.DateTimeFormat(intlLocale(this.lang), { dateStyle: "long" }).format(new Date(y, m - 1, d)), true];
    }
    if (typeof value === "number") return [this.number.format(value), true];
    if (typeof value === "boolean") return [this.t(value ? "selfcheck.yes" : "selfcheck.no"), false];
    return [String(value ?? ""), false];
  }

  // The form is chosen with the raw arguments (a count is still a number), then filled with their words.
  plain(key, args = {}) {
    const words = Object.fromEntries(Object.entries(args).map(([k, v]) => [k, this.arg(k, v)[0]]));
    return templateOf(this.t, key, args).replace(/\{(\w+)\}/g, (m, name) => (name in words ? words[name] : m));
  }

  // The message as nodes: its own text isolated where needed, each argument in its own <bdi>.
  nodes(key, args = {}) {
    const template = templateOf(this.t, key, args);
    const out = [];
    let last = 0;
    for (const m of template.matchAll(/\{(\w+)\}/g)) {
      if (m.index > last) out.push(...isolate(template.slice(last, m.index)));
      if (m[1] in args) {
        const [text, numeric] = this.arg(m[1], args[m[1]]);
        out.push(bdi(text, { noTranslate: numeric, ltr: numeric }));
      } else out.push(document.createTextNode(m[0]));
      last = m.index + m[0].length;
    }
    if (last < template.length) out.push(...isolate(template.slice(last)));
    return out;
  }

  amount(value) {
    return bdi(this.money.format(value), { noTranslate: true });
  }

  law(text) {
    return bdi(text, { noTranslate: true });
  }
}

// The result: the household's total per month with its parts and complete alternatives, one
// card per benefit it may claim (what to do, where, by when), the "no claim" benefits in one
// line, the documents checklist filtered to this household, and the "not checked" list.
// Text is always set with textContent; the only HTML used is the office cards the build wrote.

import { isolateTree } from "./text.js";
import { householdTotals } from "./totals.js";

// Law abbreviations -> their folder on gesetze-im-internet.de (links the reader may follow).
const LAW_SLUGS = {
  "EStG": "estg", "SGB I": "sgb_1", "SGB II": "sgb_2", "SGB III": "sgb_3", "SGB VIII": "sgb_8",
  "SGB IX": "sgb_9", "SGB X": "sgb_10", "SGB XI": "sgb_11", "SGB XII": "sgb_12", "WoGG": "wogg",
  "BKGG": "bkgg_1996", "UVG": "uhvorschg", "BEEG": "beeg", "AsylbLG": "asylblg", "BAföG": "baf_g",
};
const ORDER = { likely: 0, possible: 1, needs_advice: 2, not_entitled: 3 };

export function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function withNodes(tag, nodes, className) {
  const node = el(tag, undefined, className);
  node.append(...nodes);
  return node;
}

export function lawLink(law, texts) {
  const m = /^§\s*(\d+[a-z]?)\b.*?\b(SGB [IVX]+|EStG|WoGG|BKGG|UVG|BEEG|AsylbLG|BAföG)\s*$/.exec(law.split(",")[0].trim());
  const slug = m && LAW_SLUGS[m[2]];
  const text = texts.law(law);
  if (!slug) return withNodes("span", ["(", text, ")"], "sl-law");
  const a = withNodes("a", [text], "sl-law");
  a.href = `https://www.gesetze-im-internet.de/${slug}/__${m[1]}.html`;
  a.rel = "noopener noreferrer";
  return a;
}

// Does a document of a benefit page concern this household? (conditions: sitebuild/selfcheckpage.py)
export function concerns(condition, household) {
  const persons = household.persons || [];
  const children = persons.filter((p) => p.relation === "child");
  const adults = persons.filter((p) => p.relation !== "child");
  switch (condition) {
    case "child_18": return children.some((c) => c.age >= 18);
    case "child_12": return children.some((c) => c.age >= 12);
    case "owner": return household.housing?.owner === true;
    case "tenant": return household.housing?.owner !== true;
    case "foreign": return adults.some((p) => p.residence_status && p.residence_status !== "german");
    case "disability": return adults.some((p) => (p.disability?.gdb || 0) > 0);
    default: return true;
  }
}

export class Results {
  constructor(root, t, money, benefits, responsible) {
    this.root = root;
    this.t = t;
    this.money = money;
    this.benefits = benefits;
    this.responsible = responsible;
  }

  stepItem(step) {
    const item = withNodes("li", this.texts.nodes(step.key, step.args || {}));
    if (step.amount !== undefined) item.append(": ", withNodes("strong", [this.texts.amount(step.amount)]));
    if (step.law) item.append(" ", lawLink(step.law, this.texts));
    return item;
  }

  parts(parts) {
    const list = el("ul", undefined, "sl-parts");
    for (const p of parts) {
      const li = el("li");
      li.dataset.program = p.program;
      li.dataset.amount = String(p.amount);
      li.append(`${this.texts.program(p.program)}: `, withNodes("strong", [this.texts.amount(p.amount)]));
      list.append(li);
    }
    return list;
  }

  // The headline: what the household would have per month, the same figures the print sheet uses.
  headline(result) {
    const box = this.root.querySelector("#sc-combination");
    box.replaceChildren();
    if (!result.combination) return;
    const totals = householdTotals(result);
    const range = totals.options.length > 0;
    const status = range ? "combination.range" : `combination.${totals.status}`;
    box.append(el("p", this.t(status), "sl-combination-status"));
    const total = el("p", undefined, "sl-combination-total");
    total.dataset.min = String(totals.min);
    total.dataset.max = String(totals.max);
    const strong = withNodes("strong", [this.texts.amount(totals.min)]);
    if (range && totals.max !== totals.min) strong.append(" – ", this.texts.amount(totals.max));
    total.append(strong, ` ${this.t("selfcheck.per_month")}`);
    box.append(total);
    if (!range && totals.base.length) box.append(this.parts(totals.base));
    if (range) {
      box.append(el("p", this.t("selfcheck.alternatives_intro")));
      const list = el("ul", undefined, "sl-alternatives");
      for (const option of totals.options) {
        const li = el("li", undefined, "sl-alternative");
        li.dataset.total = String(option.total);
        const label = option.programs.length
          ? this.t("selfcheck.option_with", { programs: option.programs.map((id) => this.texts.program(id)).join(" + ") })
          : this.t("selfcheck.option_without");
        li.append(`${label}: `, withNodes("strong", [this.texts.amount(option.total)]));
        li.append(this.parts(option.parts));
        list.append(li);
      }
      box.append(list);
    }
    const steps = result.combination.steps?.filter((s) => !s.key.startsWith("combination.")) || [];
    if (steps.length) {
      const details = el("details");
      details.append(el("summary", this.t("selfcheck.combination_why")));
      const list = el("ol");
      for (const step of steps) list.append(this.stepItem(step));
      details.append(list);
      box.append(details);
    }
  }

  card(program, household) {
    const card = el("article", undefined, `sl-card sl-card--${program.status}`);
    card.dataset.program = program.program;
    card.append(el("h3", this.texts.program(program.program)));
    card.append(el("p", this.t(`status.${program.status}`), "sl-card-status"));
    const amount = el("p", undefined, "sl-card-amount");
    amount.append(withNodes("strong", [this.texts.amount(program.amount)]), ` ${this.t("selfcheck.per_month")}`);
    if (!program.in_combination && program.status !== "not_entitled") {
      amount.append(el("span", ` ${this.t("selfcheck.not_in_total")}`, "sl-hint"));
    }
    card.append(amount);
    const steps = [...program.steps, ...program.reasons];
    if (steps.length) {
      const details = el("details");
      details.append(el("summary", this.t("selfcheck.why")));
      const list = el("ol");
      for (const step of steps) list.append(this.stepItem(step));
      details.append(list);
      card.append(details);
    }
    card.append(this.whatToDo(program.program, household.town));
    return card;
  }

  // The responsible offices of a town for a program, as nodes (the build's office cards).
  offices(programId, town) {
    const page = this.benefits[programId]?.page;
    const block = town && page ? this.responsible[`${town}/${page}`] : undefined;
    const template = block !== undefined && this.root.querySelector(`template[data-block="${block}"]`);
    if (!template) return null;
    const copy = template.content.cloneNode(true);
    for (const node of copy.querySelectorAll("[id]")) node.removeAttribute("id");
    return copy;
  }

  whatToDo(programId, town) {
    const box = el("div", undefined, "sl-todo");
    box.append(el("h4", this.t("selfcheck.what_to_do")));
    const facts = this.benefits[programId];
    if (facts?.deadline?.text) {
      const p = el("p", undefined, "sl-deadline");
      const text = el("span", facts.deadline.text);
      text.lang = facts.deadline.lang;
      p.append(el("strong", `${this.t("selfcheck.deadline")}: `), text);
      box.append(p);
    }
    const offices = this.offices(programId, town);
    if (offices) {
      box.append(el("p", this.t("selfcheck.apply_at")), offices);
    } else {
      box.append(el("p", this.t("selfcheck.ask_town")));
    }
    const actions = el("p", undefined, "sl-todo-actions");
    if (facts) {
      const link = el("a", this.t("selfcheck.more_about", { title: facts.title }));
      link.href = new URL(facts.url, document.baseURI).href;
      actions.append(link);
    }
    const ics = el("button", this.t("selfcheck.reminder"), "md-button sl-ics");
    ics.type = "button";
    ics.dataset.program = programId;
    actions.append(ics);
    box.append(actions);
    return box;
  }

  // "No claim" benefits in one line, their reasons one click away.
  noClaim(programs) {
    const box = this.root.querySelector("#sc-no-claim");
    box.replaceChildren();
    if (!programs.length) return;
    const details = el("details", undefined, "sl-no-claim");
    details.append(el("summary", this.t("selfcheck.no_claim", {
      programs: programs.map((p) => this.texts.program(p.program)).join(", "),
    })));
    const list = el("ul");
    for (const program of programs) {
      const li = el("li");
      li.dataset.program = program.program;
      li.append(el("strong", `${this.texts.program(program.program)}: `));
      const reasons = program.reasons.length ? program.reasons : program.steps.slice(-1);
      reasons.forEach((step, i) => {
        if (i) li.append(" ");
        li.append(...this.texts.nodes(step.key, step.args || {}));
        if (step.law) li.append(" ", lawLink(step.law, this.texts));
      });
      list.append(li);
    }
    details.append(list);
    box.append(details);
  }

  // One list for all suggested benefits; each document once, with the benefits that need it.
  documents(programs, household) {
    const counts = new Map();
    for (const program of programs) {
      const facts = this.benefits[program.program];
      for (const doc of facts?.documents || []) {
        if (!concerns(doc.if, household)) continue;
        const entry = counts.get(doc.text) || { lang: facts.lang, programs: [] };
        entry.programs.push(this.texts.program(program.program));
        counts.set(doc.text, entry);
      }
    }
    const items = [...counts.entries()].sort((a, b) => b[1].programs.length - a[1].programs.length);
    this.root.querySelector("#sc-documents").replaceChildren(...items.map(([doc, entry]) => {
      const li = el("li");
      const text = el("span", doc);
      text.lang = entry.lang;
      li.append(text, el("span", ` (${entry.programs.join(", ")})`, "sl-doc-for"));
      return li;
    }));
    return items;
  }

  show(result, household, texts) {
    this.texts = texts;
    const ordered = [...result.programs].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
    const claims = ordered.filter((p) => p.status !== "not_entitled");
    this.root.querySelector("#sc-warnings").replaceChildren(
      ...result.warnings.map((w) => withNodes("p", texts.nodes(`warning.${w.key}`, w.args), "sl-warning")));
    this.headline(result);
    this.root.querySelector("#sc-cards").replaceChildren(...claims.map((p) => this.card(p, household)));
    this.noClaim(ordered.filter((p) => p.status === "not_entitled"));
    const documents = this.documents(claims, household);
    const computed = new Set(result.programs.map((p) => p.program));
    this.root.querySelector("#sc-not-checked").replaceChildren(
      ...result.not_checked.filter((id) => !computed.has(id)).map((id) => el("li", texts.program(id))));
    isolateTree(this.root.querySelector("#sc-result"));
    return documents;
  }
}

// Result cards, the merged documents checklist and the "not checked" list.
// Text is always set with textContent; the only HTML used is the office cards the build wrote.

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

export function lawLink(law) {
  const m = /^§\s*(\d+[a-z]?)\b.*?\b(SGB [IVX]+|EStG|WoGG|BKGG|UVG|BEEG|AsylbLG|BAföG)\s*$/.exec(law.split(",")[0].trim());
  const slug = m && LAW_SLUGS[m[2]];
  if (!slug) return el("span", `(${law})`, "sl-law");
  const a = el("a", law, "sl-law");
  a.href = `https://www.gesetze-im-internet.de/${slug}/__${m[1]}.html`;
  a.rel = "noopener noreferrer";
  return a;
}

export class Results {
  constructor(root, t, money, benefits) {
    this.root = root;
    this.t = t;
    this.money = money;
    this.benefits = benefits;
  }

  stepItem(step) {
    const item = el("li", this.t(step.key, this.stepArgs(step.args || {})));
    if (step.amount !== undefined) item.append(": ", el("strong", this.money.format(step.amount)));
    if (step.law) item.append(" ", lawLink(step.law));
    return item;
  }

  // Program ids inside step arguments are shown by name.
  stepArgs(args) {
    const out = { ...args };
    if (typeof out.program === "string") out.program = this.t(`program.${out.program}`);
    if (typeof out.status === "string") out.status = this.t(`status.${out.status}`);
    return out;
  }

  combination(result) {
    const box = this.root.querySelector("#sc-combination");
    box.replaceChildren();
    const combo = result.combination;
    if (!combo) return;
    box.append(el("p", this.t(`combination.${combo.status}`), "sl-combination-status"));
    const total = el("p", undefined, "sl-combination-total");
    total.append(el("strong", this.money.format(combo.total)), ` ${this.t("selfcheck.per_month")}`);
    box.append(total);
    if (combo.programs.length) {
      box.append(el("p", combo.programs.map((p) => this.t(`program.${p}`)).join(" + ")));
    }
    if (combo.steps?.length) {
      const details = el("details");
      details.append(el("summary", this.t("selfcheck.combination_why")));
      const list = el("ol");
      for (const step of combo.steps) list.append(this.stepItem(step));
      details.append(list);
      box.append(details);
    }
    for (const alt of combo.alternatives || []) {
      const p = el("p", undefined, "sl-alternative");
      p.append(this.t("selfcheck.alternative", {
        programs: alt.programs.map((x) => this.t(`program.${x}`)).join(" + "),
      }), " ", el("strong", this.money.format(alt.total)));
      box.append(p);
    }
  }

  card(program, town) {
    const card = el("article", undefined, `sl-card sl-card--${program.status}`);
    card.dataset.program = program.program;
    card.append(el("h3", this.t(`program.${program.program}`)));
    card.append(el("p", this.t(`status.${program.status}`), "sl-card-status"));
    const amount = el("p", undefined, "sl-card-amount");
    amount.append(el("strong", this.money.format(program.amount)), ` ${this.t("selfcheck.per_month")}`);
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
    if (program.status !== "not_entitled") card.append(this.whatToDo(program.program, town));
    return card;
  }

  whatToDo(programId, town) {
    const box = el("div", undefined, "sl-todo");
    box.append(el("h4", this.t("selfcheck.what_to_do")));
    const facts = this.benefits[programId];
    if (facts?.deadlines) {
      const p = el("p", undefined, "sl-deadline");
      const text = el("span", facts.deadlines);
      text.lang = facts.lang;
      p.append(el("strong", `${this.t("selfcheck.deadline")}: `), text);
      box.append(p);
    }
    const office = town && this.root.querySelector(`template[data-office="${CSS.escape(`${town}/${programId}`)}"]`);
    if (office) {
      box.append(el("p", this.t("selfcheck.apply_at")));
      box.append(office.content.cloneNode(true));
    } else {
      box.append(el("p", this.t("selfcheck.ask_town")));
    }
    if (facts) {
      const link = el("a", this.t("selfcheck.more_about", { title: facts.title }));
      link.href = new URL(facts.url, document.baseURI).href;
      const more = el("p");
      more.append(link);
      box.append(more);
    }
    return box;
  }

  // One list for all suggested benefits; each document once, with how many benefits need it.
  documents(programs) {
    const counts = new Map();
    for (const program of programs) {
      if (program.status === "not_entitled") continue;
      const facts = this.benefits[program.program];
      for (const doc of facts?.documents || []) {
        const entry = counts.get(doc) || { lang: facts.lang, programs: [] };
        entry.programs.push(this.t(`program.${program.program}`));
        counts.set(doc, entry);
      }
    }
    const list = this.root.querySelector("#sc-documents");
    const items = [...counts.entries()].sort((a, b) => b[1].programs.length - a[1].programs.length);
    list.replaceChildren(...items.map(([doc, entry]) => {
      const li = el("li");
      const text = el("span", doc);
      text.lang = entry.lang;
      li.append(text, el("span", ` (${entry.programs.join(", ")})`, "sl-doc-for"));
      return li;
    }));
    return items;
  }

  show(result, town) {
    const ordered = [...result.programs].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
    this.root.querySelector("#sc-warnings").replaceChildren(
      ...result.warnings.map((w) => el("p", this.t(`warning.${w.key}`, this.stepArgs(w.args)), "sl-warning")));
    this.combination(result);
    this.root.querySelector("#sc-cards").replaceChildren(...ordered.map((p) => this.card(p, town)));
    const documents = this.documents(ordered);
    this.root.querySelector("#sc-not-checked").replaceChildren(
      ...result.not_checked.map((id) => el("li", this.t(`program.${id}`))));
    return documents;
  }
}

// Office directory filter: progressive enhancement. Without JavaScript every office is listed.

// The catalog's form for the count n (msgid_plural, keyed by CLDR category): "1 Stelle", "2 Stellen".
function pluralText(forms, n, lang, fallback) {
  const category = new Intl.PluralRules(lang).select(n);
  return (forms[category] || forms.other || fallback || "").replace("{n}", String(n));
}
const form = document.getElementById("office-filter");
if (form) {
  const items = [...document.querySelectorAll(".sl-directory-item")];
  const count = document.getElementById("filter-count");
  const has = (item, attr, value) => !value || item.dataset[attr].split(" ").includes(value);
  const apply = () => {
    let shown = 0;
    for (const item of items) {
      const visible =
        has(item, "benefits", form.topic.value) &&
        has(item, "towns", form.town.value) &&
        has(item, "languages", form.language.value) &&
        (!form.barrier_free.checked || item.dataset.barrierFree === "true");
      item.hidden = !visible;
      if (visible) shown++;
    }
    const forms = JSON.parse(count.dataset.forms || "{}");
    count.textContent = pluralText(forms, shown, document.documentElement.lang || "de", count.dataset.template);
  };
  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  apply();
}

// Office directory filter: progressive enhancement. Without JavaScript every office is listed.
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
    count.textContent = count.dataset.template.replace("{n}", String(shown));
  };
  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  apply();
}

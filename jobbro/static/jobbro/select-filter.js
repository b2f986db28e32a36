// A typed filter for long lists (countries, languages): every <select data-filter="…">
// gets a search box above it that hides the options not matching what is typed. The select
// stays a native select, so keyboard and screen readers use it as always; the filter only
// shortens it, and a polite live region says how many choices are left.
(function () {
  "use strict";
  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }
  function enhance(select) {
    if (!select.id || document.getElementById(select.id + "-filter")) return;
    var label = document.createElement("label");
    label.className = "form-label weight-normal";
    label.htmlFor = select.id + "-filter";
    label.textContent = select.getAttribute("data-filter");
    var input = document.createElement("input");
    input.type = "search";
    input.id = select.id + "-filter";
    input.className = "form-input";
    input.autocomplete = "off";
    input.setAttribute("aria-controls", select.id);
    var status = document.createElement("span");
    status.className = "sr-only";
    status.setAttribute("aria-live", "polite");
    var template = select.getAttribute("data-filter-count") || "%s";
    input.addEventListener("input", function () {
      var term = fold(input.value.trim());
      var shown = 0;
      Array.prototype.forEach.call(select.options, function (option) {
        var match = !term || !option.value || fold(option.text).indexOf(term) !== -1;
        option.hidden = !match;
        option.disabled = !match && !option.selected;
        if (match && option.value) shown += 1;
      });
      status.textContent = template.replace("%s", shown);
    });
    select.parentNode.insertBefore(label, select);
    select.parentNode.insertBefore(input, select);
    select.parentNode.insertBefore(status, select);
  }
  function run(root) {
    Array.prototype.forEach.call((root || document).querySelectorAll("select[data-filter]"), enhance);
  }
  document.addEventListener("DOMContentLoaded", function () { run(document); });
  document.addEventListener("htmx:afterSwap", function (event) { run(event.target); });
})();

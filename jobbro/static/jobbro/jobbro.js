/* Det Fælles Designsystem's components Jobbro uses, started once the page is there (an
   external file: the Content Security Policy allows no inline script). */
(function () {
  "use strict";
  function start(scope) {
    if (typeof DKFDS === "undefined") return;
    // Wide tables become stacked rows on a phone: each cell gets its column's header.
    scope.querySelectorAll("table.table-sm-responsive-headers, table.table--responsive-headers").forEach(function (table) {
      if (!table.dataset.jobbroResponsive) {
        new DKFDS.ResponsiveTable(table);
        table.dataset.jobbroResponsive = "1";
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    if (typeof DKFDS === "undefined") return;
    if (document.querySelector(".js-menu-open")) new DKFDS.Navigation().init();
    start(document);
  });
  // Lists that htmx swaps in (the citizen list's results) get the same.
  document.addEventListener("htmx:afterSettle", function (event) { start(event.target); });
})();

/* Det Fælles Designsystem's components Jobbro uses, started once the page is there (an
   external file: the Content Security Policy allows no inline script). */
(function () {
  "use strict";
  // The date picker's texts when the page is in English (dkfds ships Danish ones).
  var DATE_PICKER_EN = {
    open_calendar: "Open calendar", choose_a_date: "Choose a date",
    choose_a_date_between: "Choose a date between {minDay} {minMonthStr} {minYear} and {maxDay} {maxMonthStr} {maxYear}",
    choose_a_date_before: "Choose a date. You can choose until {maxDay} {maxMonthStr} {maxYear}.",
    choose_a_date_after: "Choose a date. You can choose from {minDay} {minMonthStr} {minYear} onwards.",
    aria_label_date: "{dayStr} {day} {monthStr} {year}", current_month_displayed: "Showing {monthLabel} {focusedYear}",
    first_possible_date: "First possible date", last_possible_date: "Last possible date",
    previous_year: "One year back", previous_month: "One month back", next_month: "One month forward",
    next_year: "One year forward", select_month: "Choose month", select_year: "Choose year",
    previous_years: "{years} years back", next_years: "{years} years forward",
    guide: "With a keyboard, the left and right arrow keys change the day, up and down the week, page up and page down the month, and shift with page up or page down the year. Home and end go to the start or end of a week.",
    months_displayed: "Choose a month", years_displayed: "Showing years {start} to {end}. Choose a year.",
    january: "January", february: "February", march: "March", april: "April", may: "May", june: "June",
    july: "July", august: "August", september: "September", october: "October", november: "November",
    december: "December", monday: "Monday", tuesday: "Tuesday", wednesday: "Wednesday",
    thursday: "Thursday", friday: "Friday", saturday: "Saturday", sunday: "Sunday"
  };
  // The design system's date picker (front/fields.py DatePickerInput). dkfds hides the field's
  // input and posts it as an ISO date, emptied when the typed text is no date; Jobbro posts
  // the visible input instead, dd.mm.åååå as typed or chosen, so the server judges what the
  // user sees ("31.02.2024 findes ikke") exactly as without JavaScript.
  function startDatePickers(scope) {
    if (!DKFDS.datePicker) return;
    DKFDS.datePicker.init(scope);
    scope.querySelectorAll(".date-picker--initialized").forEach(function (picker) {
      var hidden = picker.querySelector(".date-picker__internal-input");
      var shown = picker.querySelector(".date-picker__external-input");
      if (hidden && shown && hidden.name) {
        shown.name = hidden.name;
        hidden.removeAttribute("name");
      }
    });
  }
  function start(scope) {
    if (typeof DKFDS === "undefined") return;
    startDatePickers(scope);
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
    if (DKFDS.datePicker) {
      if ((document.documentElement.lang || "").indexOf("en") === 0) DKFDS.datePicker.setLanguage(DATE_PICKER_EN);
      DKFDS.datePicker.on(document.body);
    }
    start(document);
  });
  // What htmx swaps in (the citizen list's results, the placement form's details, swapped out
  // of band) gets the same; start() skips what it has started.
  document.addEventListener("htmx:afterSettle", function () { start(document); });
})();

// The directory's filter form with htmx: each change replaces only the results and puts the
// filters into the address (see network/_filters.html). Two things htmx leaves to us:
(function () {
  "use strict";

  // 1. htmx restores an earlier page (back button) from a copy of its HTML, which holds the
  //    fields as the server first wrote them, not as they were when those results showed.
  //    The address has the filters of the results: set the fields from it.
  function fieldsFromAddress() {
    var form = document.getElementById("directory-filters");
    if (!form) {
      return;
    }
    var params = new URLSearchParams(window.location.search);
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.type === "hidden" || field.type === "submit") {
        return;
      }
      var values = params.getAll(field.name);
      if (field.type === "checkbox") {
        field.checked = values.indexOf(field.value) !== -1;
      } else {
        field.value = values.length ? values[0] : "";
        if (field.tagName === "SELECT" && field.selectedIndex === -1) {
          field.selectedIndex = 0;
        }
      }
    });
  }

  // 2. A link to another page of results disappears with the old results: put the focus on
  //    the heading of the new ones, so that keyboard and screen-reader users go on from there.
  function focusResults(event) {
    var config = event.detail.requestConfig;
    if (!config || !config.elt || !config.elt.hasAttribute("data-page-link")) {
      return;
    }
    var heading = document.getElementById("directory-results-heading");
    if (heading) {
      heading.focus();
    }
  }

  document.addEventListener("htmx:historyRestore", fieldsFromAddress);
  document.addEventListener("htmx:afterSettle", focusResults);
})();

// Small enhancements that HTML alone cannot do. Everything works without this file.
(function () {
  "use strict";
  // After a failed form submission, move the focus to the error summary so that screen-reader
  // users hear what went wrong first.
  function focusErrors() {
    var summary = document.getElementById("form-errors");
    if (summary) {
      summary.focus();
    }
  }
  document.addEventListener("DOMContentLoaded", focusErrors);
  document.addEventListener("htmx:afterSwap", focusErrors);
})();

// Competence picker: a ticked search result (or term from the full list) joins the chosen terms,
// so that a new search does not lose it. Without JavaScript the ticked boxes submit as they are.
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var option = event.target;
    if (!option.matches || !option.matches("input[data-picker-option]") || !option.checked) {
      return;
    }
    var picker = option.closest("[data-picker]");
    var chosen = picker && picker.querySelector(".tr-picker__chosen");
    if (!chosen) {
      return;
    }
    var existing = chosen.querySelector('input[value="' + option.value + '"]');
    if (existing) {
      existing.checked = true;
    } else {
      var label = picker.querySelector('label[for="' + option.id + '"]');
      var wrapper = document.createElement("div");
      wrapper.className = "kern-form-check";
      var input = document.createElement("input");
      input.type = "checkbox";
      input.className = "kern-form-check__checkbox";
      input.name = option.name;
      input.value = option.value;
      input.id = option.name + "-chosen-" + option.value;
      input.checked = true;
      var copy = document.createElement("label");
      copy.className = "kern-label";
      copy.htmlFor = input.id;
      copy.textContent = label ? label.childNodes[0].textContent.trim() : option.value;
      wrapper.appendChild(input);
      wrapper.appendChild(copy);
      chosen.appendChild(wrapper);
    }
    option.checked = false;
    // A search result now stands among the chosen terms: do not show it twice.
    if (option.hasAttribute("data-picker-result")) {
      var result = option.closest(".kern-form-check");
      if (result) {
        result.remove();
      }
    }
  });
})();

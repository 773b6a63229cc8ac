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

// Menus: the sections and the personal menu are <details> disclosures that work without this
// script. With it, opening one closes the others, Escape closes the open one and returns the focus
// to its summary, and a click or focus elsewhere closes it.
(function () {
  "use strict";
  var SELECTOR = "details[data-tr-disclosure]";
  function closeAll(except) {
    document.querySelectorAll(SELECTOR + "[open]").forEach(function (disclosure) {
      if (disclosure !== except) {
        disclosure.open = false;
      }
    });
  }
  document.addEventListener(
    "toggle",
    function (event) {
      var disclosure = event.target;
      if (disclosure.matches && disclosure.matches(SELECTOR) && disclosure.open) {
        closeAll(disclosure);
      }
    },
    true
  );
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    var open = document.activeElement && document.activeElement.closest(SELECTOR + "[open]");
    if (open) {
      open.open = false;
      open.querySelector("summary").focus();
    }
  });
  function closeOutside(event) {
    var inside = event.target.closest && event.target.closest(SELECTOR);
    closeAll(inside);
  }
  document.addEventListener("click", closeOutside);
  document.addEventListener("focusin", closeOutside);
})();

// Wide tables scroll inside their container (KERN's .kern-table-responsive), not the page. A
// container that does scroll becomes a labelled region that keyboard users can focus and scroll.
(function () {
  "use strict";
  function label(container) {
    var caption = container.querySelector("caption");
    if (caption) {
      return caption.textContent.trim();
    }
    var heading = container.closest("section") && container.closest("section").querySelector("h2, h3");
    return heading ? heading.textContent.trim() : document.title;
  }
  function markScrollable() {
    document.querySelectorAll(".kern-table-responsive").forEach(function (container) {
      if (container.scrollWidth > container.clientWidth + 1) {
        container.setAttribute("tabindex", "0");
        container.setAttribute("role", "region");
        if (!container.hasAttribute("aria-label") && !container.hasAttribute("aria-labelledby")) {
          container.setAttribute("aria-label", label(container));
        }
      } else if (container.getAttribute("role") === "region") {
        container.removeAttribute("tabindex");
        container.removeAttribute("role");
      }
    });
  }
  document.addEventListener("DOMContentLoaded", markScrollable);
  document.addEventListener("htmx:afterSwap", markScrollable);
  window.addEventListener("resize", markScrollable);
})();

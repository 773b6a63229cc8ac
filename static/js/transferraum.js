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

// Forms being sent: a form with a one-time key ({% form_key %}) shows on its submit button that it
// is being sent and ignores further clicks until the answer comes. The server rule is what counts
// (a second send of the same key creates nothing); this only spares people the doubt. The button
// stays focusable (aria-disabled, not disabled, so that its name and value are still sent), the
// form is aria-busy, and a polite live region says "Wird gesendet …". The state is undone when
// htmx has its answer, when the page comes back from the back-forward cache, and after a while
// (a download answers without leaving the page).
(function () {
  "use strict";
  var SENDING = "data-tr-sending";
  var RESTORE_AFTER_MS = 15000;

  function submitButton(form, submitter) {
    if (submitter && form.contains(submitter)) {
      return submitter;
    }
    return form.querySelector('button[type="submit"], button:not([type]), input[type="submit"]');
  }

  function liveRegion(form) {
    var region = form.querySelector("[data-tr-sending-status]");
    if (!region) {
      region = document.createElement("span");
      region.className = "kern-sr-only";
      region.setAttribute("role", "status");
      region.setAttribute("data-tr-sending-status", "");
      form.appendChild(region);
    }
    return region;
  }

  function restore(form) {
    if (!form.hasAttribute(SENDING)) {
      return;
    }
    form.removeAttribute(SENDING);
    form.removeAttribute("aria-busy");
    form.querySelectorAll("[data-tr-sending-button]").forEach(function (button) {
      button.removeAttribute("data-tr-sending-button");
      button.removeAttribute("aria-disabled");
      button.classList.remove("tr-sending");
      var label = button.querySelector(".kern-label");
      var original = button.getAttribute("data-tr-label");
      if (label && original !== null) {
        label.textContent = original;
      }
      button.removeAttribute("data-tr-label");
    });
    var region = form.querySelector("[data-tr-sending-status]");
    if (region) {
      region.remove();
    }
  }

  function markSending(form, submitter) {
    var key = form.querySelector("input[data-form-key]");
    var text = key.getAttribute("data-sending") || "…";
    form.setAttribute(SENDING, "");
    form.setAttribute("aria-busy", "true");
    var button = submitButton(form, submitter);
    if (button) {
      button.setAttribute("data-tr-sending-button", "");
      button.setAttribute("aria-disabled", "true");
      button.classList.add("tr-sending");
      var label = button.querySelector(".kern-label");
      if (label) {
        button.setAttribute("data-tr-label", label.textContent);
        label.textContent = text;
      }
    }
    liveRegion(form).textContent = text;
    window.setTimeout(function () {
      restore(form);
    }, RESTORE_AFTER_MS);
  }

  // Capture phase: runs before htmx's own handler, so a second click reaches neither the browser
  // nor htmx.
  document.addEventListener(
    "submit",
    function (event) {
      var form = event.target;
      if (!form.matches || !form.matches("form") || !form.querySelector("input[data-form-key]")) {
        return;
      }
      if (form.hasAttribute(SENDING)) {
        event.preventDefault();
        event.stopImmediatePropagation();
        return;
      }
      markSending(form, event.submitter);
    },
    true
  );
  // A click on a button that is being sent does nothing (keyboard: Enter and Space are clicks).
  document.addEventListener(
    "click",
    function (event) {
      var button = event.target.closest && event.target.closest("[data-tr-sending-button]");
      if (button) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    },
    true
  );
  function restoreAll() {
    document.querySelectorAll("form[" + SENDING + "]").forEach(restore);
  }
  window.addEventListener("pageshow", restoreAll);
  document.addEventListener("htmx:afterRequest", function (event) {
    var source = event.detail && event.detail.elt;
    var form = source && source.closest ? source.closest("form") : null;
    if (form) {
      restore(form);
    } else {
      restoreAll();
    }
  });
})();

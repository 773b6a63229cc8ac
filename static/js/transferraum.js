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

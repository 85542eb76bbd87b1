// Jalon console: progressive help only; every page works without this file.
(function () {
  "use strict";
  // After a form comes back with errors, move the focus to the first field in error.
  document.addEventListener("DOMContentLoaded", function () {
    var invalid = document.querySelector("[aria-invalid='true']");
    if (invalid) {
      invalid.focus();
    }
  });
})();

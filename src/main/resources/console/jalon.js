// Jalon console: progressive help only; every page works without this file.
(function () {
  "use strict";
  // After a form comes back with errors, move the focus to the first field in error.
  document.addEventListener("DOMContentLoaded", function () {
    var invalid = document.querySelector("[aria-invalid='true']");
    if (invalid) {
      invalid.focus();
    }
    // A button that ends something asks first (without this file, the server's answer is final as well).
    document.querySelectorAll("[data-confirmer]").forEach(function (button) {
      button.form.addEventListener("submit", function (event) {
        if (!window.confirm(button.getAttribute("data-confirmer"))) {
          event.preventDefault();
        }
      });
    });
    // The account form shows only the structure its role needs.
    var roles = document.querySelectorAll("input[name='role'][data-structure]");
    function showStructure() {
      var checked = document.querySelector("input[name='role']:checked");
      var wanted = checked ? checked.getAttribute("data-structure") : "";
      document.querySelectorAll("div[data-structure]").forEach(function (block) {
        block.hidden = block.getAttribute("data-structure") !== wanted;
      });
    }
    if (roles.length) {
      roles.forEach(function (radio) { radio.addEventListener("change", showStructure); });
      showStructure();
    }
  });
})();

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
    // Check-in: a touch records the attendance without reloading the page; if the answer is not
    // the usual redirect (a refusal, a lost session), the form is sent the ordinary way instead.
    document.querySelectorAll("form[data-presence]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        var button = event.submitter;
        if (!button || !window.fetch) {
          return;
        }
        event.preventDefault();
        var body = new URLSearchParams(new FormData(form));
        body.set(button.name, button.value);
        fetch(form.action, { method: "POST", body: body, redirect: "manual", credentials: "same-origin" })
          .then(function (response) {
            if (response.type !== "opaqueredirect") {
              throw new Error("refused");
            }
            form.querySelectorAll("button[aria-pressed]").forEach(function (b) {
              b.setAttribute("aria-pressed", b === button ? "true" : "false");
            });
            var status = form.parentNode.querySelector(".emargement-statut");
            if (status) {
              status.textContent = button.textContent.trim();
              status.setAttribute("data-statut", button.value);
              status.setAttribute("role", "status");
            }
            var report = form.parentNode.querySelector(".deroule");
            if (report) {
              report.hidden = button.value !== "PRESENT";
            }
          })
          .catch(function () {
            var fallback = document.createElement("input");
            fallback.type = "hidden";
            fallback.name = button.name;
            fallback.value = button.value;
            form.appendChild(fallback);
            form.submit();
          });
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

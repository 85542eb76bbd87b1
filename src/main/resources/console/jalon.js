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
    // INSEE code fields: typing a commune's name proposes the matching communes; choosing one
    // fills in its code, and the commune's name is said beside the field.
    document.querySelectorAll("input[name='inseeNaissance'], input[name='communeResidence']").forEach(function (field) {
      if (!window.fetch) {
        return;
      }
      var list = document.createElement("datalist");
      list.id = "communes-" + field.id;
      field.parentNode.appendChild(list);
      field.setAttribute("list", list.id);
      var said = document.createElement("p");
      said.className = "aide commune-trouvee";
      said.setAttribute("aria-live", "polite");
      field.parentNode.appendChild(said);
      var pending = null;
      field.addEventListener("input", function () {
        var typed = field.value.trim();
        var chosen = list.querySelector("option[value='" + typed.replace(/'/g, "") + "']");
        said.textContent = chosen ? chosen.getAttribute("data-nom") : "";
        if (typed.length < 2 || /^[0-9]{2}[0-9AB][0-9]{2}$/.test(typed)) {
          return;
        }
        clearTimeout(pending);
        pending = setTimeout(function () {
          fetch("/console/communes?q=" + encodeURIComponent(typed), { credentials: "same-origin" })
            .then(function (response) { return response.ok ? response.json() : []; })
            .then(function (communes) {
              list.textContent = "";
              communes.forEach(function (c) {
                var option = document.createElement("option");
                option.value = c.code;
                option.label = c.nom + " (" + c.departement + ")";
                option.setAttribute("data-nom", c.nom + " (" + c.departement + ")");
                list.appendChild(option);
              });
            })
            .catch(function () { list.textContent = ""; });
        }, 200);
      });
    });
    // A print button where the page offers one.
    document.querySelectorAll("[data-imprimer]").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
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

// Consigne: progressive enhancement only. Every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  document.querySelectorAll("button.js-print").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  });
  // Password fields: without this file they are text fields that CSS masks (see
  // Ctx::password_field); here they become real password fields, and their "show" box switches
  // the type.
  document.querySelectorAll("input.pw").forEach(function (field) {
    var auto = field.getAttribute("data-autocomplete");
    if (auto) { field.setAttribute("autocomplete", auto); }
    field.type = "password";
    field.classList.add("pw-native");
    var box = document.getElementById(field.id + "-show");
    if (box) {
      var show = function () { field.type = box.checked ? "text" : "password"; };
      box.addEventListener("change", show);
      show();
    }
  });
  // The language picker keeps its OK button: changing the selection alone never reloads the
  // page (WCAG 3.2.2), so keyboard users can browse the list.
  // Opening a safe: the password field is only needed when the person types one.
  var gen = document.getElementById("choice-generate");
  var typed = document.getElementById("choice-typed");
  var pw = document.getElementById("password");
  if (gen && typed && pw) {
    var sync = function () { pw.required = typed.checked; pw.disabled = gen.checked; };
    gen.addEventListener("change", sync);
    typed.addEventListener("change", sync);
    sync();
  }
})();

// Scanning: the photo goes as soon as it is taken (without JavaScript she presses "Continue");
// the server shows the pages to check, order, name and save. Upload progress on slow networks.
(function () {
  "use strict";
  document.querySelectorAll("form.scan").forEach(function (form) {
    var input = form.querySelector("input[type=file]");
    if (!input) { return; }
    input.addEventListener("change", function () {
      if (!input.files || input.files.length === 0) { return; }
      if (typeof form.requestSubmit === "function") { form.requestSubmit(); } else { form.submit(); }
    });
  });
  // Upload progress on slow networks; without JavaScript the form posts as usual.
  document.querySelectorAll("form.scan, form.upload").forEach(function (form) {
    var bar = form.querySelector("progress");
    if (!bar || typeof XMLHttpRequest === "undefined" || typeof FormData === "undefined") { return; }
    form.addEventListener("submit", function (ev) {
      if (!form.checkValidity()) { return; }
      ev.preventDefault();
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.setRequestHeader("X-Consigne-Upload", "1");
      bar.hidden = false;
      xhr.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); }
      });
      xhr.addEventListener("load", function () {
        var next = xhr.getResponseHeader("X-Consigne-Location");
        if (next) { window.location.assign(next); return; }
        document.open(); document.write(xhr.responseText); document.close();
      });
      xhr.addEventListener("error", function () { bar.hidden = true; form.submit(); });
      xhr.send(new FormData(form));
    });
  });
})();

// Issue 15: the end date of a paper is highlighted when its chosen type normally expires (the
// field is in the form either way; without JavaScript its hint says which papers have one).
(function () {
  "use strict";
  document.querySelectorAll(".paper-fields").forEach(function (box) {
    var select = box.querySelector("select.paper-type");
    var expiry = box.querySelector(".expiry");
    var date = expiry && expiry.querySelector("input[type=date]");
    if (!select || !expiry || !date) { return; }
    var sync = function () {
      var option = select.options[select.selectedIndex];
      var asked = !!option && option.getAttribute("data-expires") === "true" && !date.value;
      expiry.classList.toggle("asked", asked);
    };
    select.addEventListener("change", sync);
    date.addEventListener("input", sync);
    sync();
  });
})();

// A thread of messages refreshes on its own every 15 seconds while the tab is visible (without
// this file she reloads the page).
(function () {
  "use strict";
  var box = document.querySelector("[data-poll]");
  if (!box || typeof fetch === "undefined") { return; }
  var url = box.getAttribute("data-poll");
  var last = box.innerHTML;
  var refresh = function () {
    if (document.visibilityState !== "visible") { return; }
    fetch(url, { credentials: "same-origin", headers: { "X-Consigne-Poll": "1" } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html !== null && html !== last) { box.innerHTML = html; last = html; }
      })
      .catch(function () {});
  };
  window.setInterval(refresh, 15000);
  document.addEventListener("visibilitychange", refresh);
})();

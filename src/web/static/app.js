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

// Reading aid: a "listen" button beside the page title and on each home tile reads its text
// aloud with the browser's speech synthesis, in a voice of the page's language. The button is
// made here only: without JavaScript, without speech synthesis or without a voice for the
// language there is none. Voices often load after the page (Chrome): `voiceschanged` says when.
(function () {
  "use strict";
  var synth = window.speechSynthesis;
  var body = document.body;
  var template = body && body.getAttribute("data-read-aloud");
  if (!synth || typeof window.SpeechSynthesisUtterance === "undefined" || !template) { return; }
  var lang = (document.documentElement.lang || "").toLowerCase();
  // Dari is announced by voices as Persian (fa, fa-AF).
  var wanted = lang === "prs" ? ["prs", "fa"] : [lang];
  var made = false;

  function voice() {
    var voices = synth.getVoices() || [];
    for (var i = 0; i < voices.length; i += 1) {
      var primary = String(voices[i].lang || "").toLowerCase().replace("_", "-").split("-")[0];
      if (wanted.indexOf(primary) >= 0) { return voices[i]; }
    }
    return null;
  }

  function pictogram() {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("class", "icon");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", "M3 9h4l5-4v14l-5-4H3V9zm13.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z");
    svg.appendChild(path);
    return svg;
  }

  function button(text, extraClass) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "read-aloud " + extraClass;
    b.appendChild(pictogram());
    var label = document.createElement("span");
    label.className = "visually-hidden";
    label.textContent = template.replace("%s", text);
    b.appendChild(label);
    b.addEventListener("click", function () {
      var v = voice();
      if (!v) { return; }
      synth.cancel();
      var u = new window.SpeechSynthesisUtterance(text);
      u.voice = v;
      u.lang = v.lang;
      synth.speak(u);
    });
    return b;
  }

  function make() {
    if (made || !voice()) { return; }
    made = true;
    var title = document.querySelector("main h1");
    if (title && title.textContent.trim()) {
      var row = document.createElement("div");
      row.className = "title-row";
      title.parentNode.insertBefore(row, title);
      row.appendChild(title);
      row.appendChild(button(title.textContent.trim(), "for-title"));
    }
    document.querySelectorAll("nav.tiles a.tile").forEach(function (tile) {
      var label = tile.querySelector(".tile-label");
      if (!label) { return; }
      var box = document.createElement("div");
      box.className = "tile-box";
      tile.parentNode.insertBefore(box, tile);
      box.appendChild(tile);
      box.appendChild(button(label.textContent.trim(), "for-tile"));
    });
  }

  make();
  if (!made && typeof synth.addEventListener === "function") {
    synth.addEventListener("voiceschanged", make);
  }
})();

// A thread of messages refreshes on its own every 15 seconds while the tab is visible (without
// this file she reloads the page).
(function () {
  "use strict";
  var box = document.querySelector("[data-poll]");
  if (!box || typeof fetch === "undefined") { return; }
  var url = box.getAttribute("data-poll");
  var last = box.innerHTML;
  // Once a form of the page is sent, the page that follows shows the thread: no refresh in
  // between, which would race the navigation.
  var sending = false;
  document.addEventListener("submit", function () { sending = true; }, true);
  var refresh = function () {
    if (sending || document.visibilityState !== "visible") { return; }
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

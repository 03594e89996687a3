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

// Scanning: previews of the photos, reordering (the order of the pages), upload progress.
(function () {
  "use strict";
  document.querySelectorAll("form.scan").forEach(function (form) {
    var input = form.querySelector("input[type=file]");
    var box = form.querySelector(".scan-previews");
    if (!input || !box || typeof DataTransfer === "undefined") { return; }
    var files = [];
    var thumbs = typeof WeakMap !== "undefined" ? new WeakMap() : null;
    // A small copy of the photo as a data: URL: the site's policy allows data: images, not blob:
    // ones, and a camera photo drawn at 192 px keeps little memory on a cheap phone.
    function thumbnail(file, img) {
      var cached = thumbs && thumbs.get(file);
      if (cached) { img.src = cached; return; }
      var done = function (url) { if (thumbs) { thumbs.set(file, url); } img.src = url; };
      var read = function () {
        if (typeof FileReader === "undefined") { return; }
        var r = new FileReader();
        r.onload = function () { done(String(r.result)); };
        r.readAsDataURL(file);
      };
      if (typeof createImageBitmap !== "function") { read(); return; }
      createImageBitmap(file).then(function (bmp) {
        var w = 192;
        var h = Math.max(1, Math.round(bmp.height * w / bmp.width));
        var c = document.createElement("canvas");
        c.width = w;
        c.height = h;
        c.getContext("2d").drawImage(bmp, 0, 0, w, h);
        if (bmp.close) { bmp.close(); }
        done(c.toDataURL("image/jpeg", 0.8));
      }, read);
    }
    function render() {
      box.textContent = "";
      files.forEach(function (f, i) {
        var fig = document.createElement("figure");
        var img = document.createElement("img");
        thumbnail(f, img);
        img.alt = String(i + 1);
        img.width = 96;
        fig.appendChild(img);
        var cap = document.createElement("figcaption");
        cap.textContent = String(i + 1);
        fig.appendChild(cap);
        [["\u2191", -1], ["\u2193", 1]].forEach(function (m) {
          var b = document.createElement("button");
          b.type = "button";
          b.className = "small";
          b.textContent = m[0];
          b.setAttribute("aria-label", (m[1] < 0 ? form.dataset.pageUp : form.dataset.pageDown) + " " + (i + 1));
          b.disabled = (i + m[1] < 0) || (i + m[1] >= files.length);
          b.addEventListener("click", function () {
            var j = i + m[1];
            var t = files[i]; files[i] = files[j]; files[j] = t;
            sync();
            render();
          });
          fig.appendChild(b);
        });
        box.appendChild(fig);
      });
    }
    function sync() {
      var dt = new DataTransfer();
      files.forEach(function (f) { dt.items.add(f); });
      input.files = dt.files;
    }
    input.addEventListener("change", function () {
      files = Array.prototype.slice.call(input.files);
      render();
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

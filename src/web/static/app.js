// Consigne: progressive enhancement only. Every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  document.querySelectorAll("button.js-print").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
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

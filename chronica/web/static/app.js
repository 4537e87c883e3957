// chronica web UI: optional progressive enhancement only; every page works without it.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Re-run a search when the sort order changes.
  document.querySelectorAll("select.autosubmit").forEach(function (el) {
    el.addEventListener("change", function () { if (el.form) { el.form.submit(); } });
  });
  // Scroll the document box (not the page) so that the evidence sentence is visible.
  var evidence = document.getElementById("evidence");
  var box = evidence ? evidence.closest(".doc-text") : null;
  if (box) { box.scrollTop = Math.max(0, evidence.offsetTop - box.offsetTop - 40); }
});

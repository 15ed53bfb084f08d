// eventwire dashboard: the only script. Clicking an event in the article sidebar highlights
// its sentence in the text and scrolls to it. No libraries, no network requests.
"use strict";
(function () {
  function focusEvent(index) {
    document.querySelectorAll("#article-text span.focus").forEach(function (el) { el.classList.remove("focus"); });
    document.querySelectorAll(".event-item.active").forEach(function (el) { el.classList.remove("active"); });
    var first = null;
    document.querySelectorAll("#article-text span[data-ev]").forEach(function (el) {
      if (el.dataset.ev.split(" ").indexOf(String(index)) >= 0) {
        el.classList.add("focus");
        if (!first) { first = el; }
      }
    });
    var item = document.querySelector('.event-item[data-ev="' + index + '"]');
    if (item) { item.classList.add("active"); }
    if (first) { first.scrollIntoView({ block: "center", behavior: "smooth" }); }
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".event-item").forEach(function (item) {
      function activate(ev) {
        if (ev.target.closest("summary")) { return; }  // let "why was this coded?" open without jumping
        focusEvent(item.dataset.ev);
      }
      item.addEventListener("click", activate);
      item.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { activate(ev); } });
    });
    document.querySelectorAll("#article-text span[data-ev]").forEach(function (el) {
      el.addEventListener("click", function () { focusEvent(el.dataset.ev.split(" ")[0]); });
    });
    if (location.hash.indexOf("#ev-") === 0) {
      var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target && target.dataset.ev) { focusEvent(target.dataset.ev); }
    }
  });
})();

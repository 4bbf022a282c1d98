// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // 朗读: read the main content aloud with the browser's speech synthesis, where there is one.
  var button = document.getElementById("read-aloud");
  if (button && "speechSynthesis" in window && typeof SpeechSynthesisUtterance === "function") {
    button.hidden = false;
    button.addEventListener("click", function () {
      var synth = window.speechSynthesis;
      if (synth.speaking) {
        synth.cancel();
        button.setAttribute("aria-pressed", "false");
        button.textContent = "朗读";
        return;
      }
      var main = document.getElementById("main");
      var text = main ? main.innerText : document.body.innerText;
      var utterance = new SpeechSynthesisUtterance(text.slice(0, 4000));
      utterance.lang = "zh-CN";
      utterance.rate = document.documentElement.classList.contains("elder") ? 0.85 : 1;
      utterance.onend = utterance.onerror = function () {
        button.setAttribute("aria-pressed", "false");
        button.textContent = "朗读";
      };
      synth.speak(utterance);
      button.setAttribute("aria-pressed", "true");
      button.textContent = "停止朗读";
    });
  }

  // Town list follows the chosen district (without JavaScript it is filled after the form is sent).
  document.querySelectorAll("select[data-towns-target]").forEach(function (district) {
    var town = document.getElementById(district.getAttribute("data-towns-target"));
    if (!town) return;
    district.addEventListener("change", function () {
      town.length = 1;
      if (!district.value) return;
      fetch("/api/v1/districts/" + encodeURIComponent(district.value) + "/towns", { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (towns) {
          towns.forEach(function (t) { town.add(new Option(t.name, t.code)); });
        })
        .catch(function () { /* keep the empty choice; the town is optional */ });
    });
  });

  // Assigning a rumour: only experts whose disciplines cover the chosen category are offered (the server checks too).
  document.querySelectorAll("select[data-experts-filter]").forEach(function (category) {
    var box = document.getElementById(category.getAttribute("data-experts-filter"));
    if (!box) return;
    function filter() {
      box.querySelectorAll("label[data-categories]").forEach(function (label) {
        var fits = (" " + label.getAttribute("data-categories") + " ").indexOf(" " + category.value + " ") >= 0;
        label.hidden = !fits;
        if (!fits) label.querySelector("input").checked = false;
      });
    }
    category.addEventListener("change", filter);
    filter();
  });

  // 挑战答题: count down the seconds the server gave (phones' clocks may be wrong; the server decides either way).
  document.querySelectorAll(".countdown[data-seconds]").forEach(function (counter) {
    var ends = Date.now() + 1000 * Number(counter.getAttribute("data-seconds"));
    var tick = function () {
      var left = Math.max(0, Math.ceil((ends - Date.now()) / 1000));
      counter.textContent = String(left);
      if (left > 0) setTimeout(tick, 500);
    };
    tick();
  });
})();

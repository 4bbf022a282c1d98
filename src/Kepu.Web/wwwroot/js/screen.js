// Public screens: rotate through the playlist, and pick up changes to it every few rounds.
(function () {
  "use strict";
  var root = document.querySelector("main.screen");
  if (!root) return;
  var seconds = parseInt(root.getAttribute("data-seconds"), 10) || 15;
  var index = parseInt(root.getAttribute("data-index"), 10) || 0;
  var slides = null;

  function esc(s) { var d = document.createElement("div"); d.textContent = s; return d.innerHTML; }

  function show() {
    if (!slides || slides.length === 0) return;
    var s = slides[index % slides.length];
    root.innerHTML =
      '<article class="slide" aria-live="polite"><p class="brand">科普重庆 · ' + esc(playlistName) + '</p>' +
      '<h1 data-testid="screen-title">' + esc(s.title) + '</h1><p class="summary">' + esc(s.summary) + '</p>' +
      '<ul class="points">' + s.points.map(function (p) { return "<li>" + esc(p) + "</li>"; }).join("") + '</ul>' +
      '<p class="source">来源：' + esc(s.source) + '</p></article>' +
      '<p class="progress" data-testid="screen-progress">' + ((index % slides.length) + 1) + " / " + slides.length + '</p>';
  }

  var playlistName = "";
  function load() {
    return fetch(root.getAttribute("data-playlist"), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (p) {
        if (!p) return;
        playlistName = p.name;
        slides = p.slides;
        seconds = p.secondsPerItem || seconds;
      })
      .catch(function () { /* keep the slides we have; try again next round */ });
  }

  load().then(function () {
    function tick() {
      index += 1;
      if (slides && index % (slides.length * 3) === 0) load();
      show();
      setTimeout(tick, seconds * 1000);
    }
    setTimeout(tick, seconds * 1000);
  });
})();

// OpenSpime console: progressive enhancement only; every page works without this file.
(function () {
  "use strict";

  // Click a one-time secret to copy it.
  document.querySelectorAll("[data-copy]").forEach(function (el) {
    el.addEventListener("click", function () {
      if (navigator.clipboard) {
        navigator.clipboard.writeText(el.textContent.trim()).then(function () {
          el.classList.add("copied");
        });
      }
    });
  });

  // Overview: refresh the figures every 5 s and draw the last few minutes as sparklines.
  var stats = document.querySelectorAll("[data-stat]");
  var sparks = document.querySelectorAll("[data-spark]");
  if (!sparks.length) { return; }
  var history = {};
  var keep = 60;

  function draw(svg, values) {
    // One sample is a point, not a line: show it as a level line until the next one arrives.
    if (values.length === 1) { values = [values[0], values[0]]; }
    var max = Math.max.apply(null, values.concat([1]));
    var step = 120 / Math.max(keep - 1, 1);
    var offset = 120 - step * (values.length - 1);
    var points = values.map(function (v, i) {
      return (offset + i * step).toFixed(1) + "," + (30 - (v / max) * 28).toFixed(1);
    }).join(" ");
    var line = svg.querySelector("polyline");
    if (!line) {
      line = document.createElementNS("http://www.w3.org/2000/svg", "polyline");
      svg.appendChild(line);
    }
    line.setAttribute("points", points);
  }

  function refresh() {
    fetch("/console/status.json", { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (data) {
        stats.forEach(function (el) {
          var key = el.getAttribute("data-stat");
          if (key in data) { el.textContent = data[key]; }
        });
        sparks.forEach(function (svg) {
          var key = svg.getAttribute("data-spark");
          var h = history[key] || (history[key] = []);
          h.push(Number(data[key]) || 0);
          if (h.length > keep) { h.shift(); }
          draw(svg, h);
        });
      })
      .catch(function () { /* Signed out or gate restarting: the next page load will say which. */ });
  }

  refresh();
  setInterval(refresh, 5000);
})();

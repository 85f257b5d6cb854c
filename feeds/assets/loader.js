// Bình Yên widget loader: resizes <iframe data-binh-yen> to the height the widget reports.
// Messages are accepted only from the origin this script was loaded from, and only from one
// of our iframes. Nothing is tracked, nothing else is loaded.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.URL || !window.addEventListener) return;
  var origin = new URL(script.src, location.href).origin;
  window.__binhYenOrigins = window.__binhYenOrigins || {};
  if (window.__binhYenOrigins[origin]) return;
  window.__binhYenOrigins[origin] = true;
  window.addEventListener("message", function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || data.binhYen !== "height") return;
    var height = Number(data.height);
    if (!isFinite(height) || height < 1) return;
    var frames = document.querySelectorAll("iframe[data-binh-yen]");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.min(Math.ceil(height), 10000) + "px";
        frames[i].setAttribute("height", String(Math.min(Math.ceil(height), 10000)));
      }
    }
  });
})();

// The builder form works without JavaScript (a GET form: "Xem nguồn tin" reloads the page with
// the slice). With it, every choice shows its result at once: the page for the new choices is
// fetched and the parts that depend on them (the commune list, the preview, the feed URLs, the
// embed code, an error) are swapped in, so communes follow the province without a reload.
(function () {
  "use strict";
  var form = document.getElementById("chon-nguon-tin");
  if (!form || !window.fetch || !window.DOMParser || !window.URLSearchParams) return;
  function field(name) {
    return form.querySelector("[name=" + name + "]");
  }
  // A kind without topics (or model types) cannot be combined with one: clear what no longer
  // fits instead of sending a slice the server must refuse.
  function clearIf(name, condition) {
    var select = field(name);
    if (select && condition) select.value = "";
  }
  function query() {
    var values = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (value) values.append(name, value);
    });
    var text = values.toString();
    return text ? "?" + text : location.pathname;
  }
  var pending = null;
  function refresh() {
    var url = query();
    var controller = window.AbortController ? new AbortController() : null;
    if (pending) pending.abort();
    pending = controller;
    form.setAttribute("aria-busy", "true");
    fetch(url, { credentials: "same-origin", signal: controller ? controller.signal : undefined })
      .then(function (response) {
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        document.querySelectorAll("[data-builder-part]").forEach(function (part) {
          var name = part.getAttribute("data-builder-part");
          var next = fresh.querySelector('[data-builder-part="' + name + '"]');
          // The control being used stays as it is (focus, open list); the rest follows the choice.
          if (next && !part.contains(document.activeElement)) part.replaceWith(next);
        });
        history.replaceState(null, "", url);
        form.removeAttribute("aria-busy");
      })
      .catch(function (error) {
        if (error && error.name === "AbortError") return;
        form.submit(); // offline or refused: the plain form still works
      });
  }
  form.addEventListener("change", function (event) {
    var kind = field("loai");
    var chosen = kind && kind.selectedOptions[0];
    var name = event.target.name;
    if (name === "tinh") clearIf("xa", true);
    if (name === "loai" && chosen && chosen.value) {
      clearIf("chu-de", !chosen.hasAttribute("data-topics"));
      clearIf("mo-hinh", !chosen.hasAttribute("data-types"));
    }
    var both = chosen && chosen.hasAttribute("data-topics") && chosen.hasAttribute("data-types");
    if (name === "chu-de" && event.target.value) {
      if (chosen && chosen.value) clearIf("loai", !chosen.hasAttribute("data-topics"));
      clearIf("mo-hinh", !both);
    }
    if (name === "mo-hinh" && event.target.value) {
      if (chosen && chosen.value) clearIf("loai", !chosen.hasAttribute("data-types"));
      clearIf("chu-de", !both);
    }
    if (event.target.tagName === "SELECT") refresh();
  });
})();

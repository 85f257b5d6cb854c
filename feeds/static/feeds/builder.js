// The builder form works without JavaScript; with it, choosing an option shows the result at once.
(function () {
  "use strict";
  var form = document.getElementById("chon-nguon-tin");
  if (!form) return;
  function field(name) {
    return form.querySelector("[name=" + name + "]");
  }
  // A kind without topics (or model types) cannot be combined with one: clear what no longer
  // fits instead of sending a slice the server must refuse.
  function clearIf(name, condition) {
    var select = field(name);
    if (select && condition) select.value = "";
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
    if (event.target.tagName === "SELECT") form.submit();
  });
})();

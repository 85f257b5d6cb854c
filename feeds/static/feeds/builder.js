// The builder form works without JavaScript; with it, choosing an option shows the result at once.
(function () {
  "use strict";
  var form = document.getElementById("chon-nguon-tin");
  if (!form) return;
  form.addEventListener("change", function (event) {
    if (event.target.name === "tinh") {
      var commune = form.querySelector("[name=xa]");
      if (commune) commune.value = "";
    }
    if (event.target.tagName === "SELECT") form.submit();
  });
})();

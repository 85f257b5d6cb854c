/* Bình Yên: the commune list of a section's filters follows the province, without a reload.
   Progressive enhancement only: without this script the form still works, and the server drops
   a commune of another province with the same notice and offers that province's communes. */
(function () {
  "use strict";
  if (!window.fetch || !window.DOMParser) return;

  document.querySelectorAll("form[data-filters]").forEach(function (form) {
    var province = form.querySelector("select[name=tinh]");
    var commune = form.querySelector("select[name=xa]");
    var notice = form.querySelector(".notice");
    if (!province || !commune) return;
    var pending = null;

    province.addEventListener("change", function () {
      var picked = commune.value;
      var pickedOption = picked ? commune.options[commune.selectedIndex] : null;
      var provinceName = province.value ? province.options[province.selectedIndex].text : "";
      var url = form.action.split("?")[0] + (province.value ? "?tinh=" + encodeURIComponent(province.value) : "");
      if (pending) pending.abort();
      pending = new AbortController();
      form.setAttribute("aria-busy", "true");
      fetch(url, { signal: pending.signal, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("form[data-filters] select[name=xa]");
          if (!fresh) return;
          commune.replaceChildren.apply(commune, Array.prototype.map.call(fresh.options, function (option) {
            return new Option(option.text, option.value, false, option.value === picked);
          }));
          if (picked && commune.value !== picked) {
            if (!province.value) {
              // Every province: the commune picked is still a valid choice.
              commune.add(new Option(pickedOption.text, picked, false, true));
              return;
            }
            var name = pickedOption.text.replace(/\s*\([^)]*\)$/, "");
            commune.value = "";
            notice.textContent = "Đã bỏ lọc “" + name + "”: xã, phường này không thuộc " + provinceName + ".";
            notice.hidden = false;
          }
        })
        .catch(function () { /* the server applies the same rule when the form is sent */ })
        .finally(function () { form.removeAttribute("aria-busy"); });
    });
  });
})();

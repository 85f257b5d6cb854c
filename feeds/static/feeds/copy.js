// Copy buttons: <button data-copy-target="id-of-a-textarea-or-input">. No dependencies.
(function () {
  "use strict";
  if (window.__binhYenCopy) return;
  window.__binhYenCopy = true;
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-copy-target]") : null;
    if (!button) return;
    var field = document.getElementById(button.getAttribute("data-copy-target"));
    if (!field) return;
    var label = button.textContent;
    function done(ok) {
      button.textContent = ok ? "Đã sao chép" : "Hãy chọn và sao chép thủ công";
      setTimeout(function () { button.textContent = label; }, 2500);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(function () { done(true); }, function () { done(false); });
    } else {
      field.focus();
      field.select();
      try { done(document.execCommand("copy")); } catch (e) { done(false); }
    }
  });
})();

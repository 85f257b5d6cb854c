// Share buttons: the phone's share sheet where it exists, and "copy link" everywhere.
document.querySelectorAll("[data-share]").forEach(function (box) {
  var data = { title: box.dataset.title, url: box.dataset.url };
  var status = box.querySelector(".share-status");
  var native = box.querySelector(".share-native");
  var copy = box.querySelector(".share-copy");
  if (navigator.share) {
    native.hidden = false;
    native.addEventListener("click", function () {
      navigator.share(data).catch(function () {});
    });
  }
  if (navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(data.url).then(function () {
        status.textContent = "Đã sao chép liên kết.";
      });
    });
  }
});

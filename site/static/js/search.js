/* Bình Yên: title suggestions under search boxes (input[data-suggest-url]).
   Progressive enhancement only: without this script the search form works as a plain GET form. */
(function () {
  "use strict";
  if (!window.fetch || !document.querySelectorAll) return;

  function attach(input) {
    var form = input.form;
    var list = document.createElement("ul");
    var status = document.createElement("p");
    var timer = null;
    var controller = null;
    var shownFor = "";

    list.className = "suggestions";
    list.id = input.id + "-goi-y";
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-autocomplete", "list");
    input.parentNode.appendChild(list);
    input.parentNode.appendChild(status);

    function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

    function close() {
      list.hidden = true;
      list.textContent = "";
      shownFor = "";
      input.setAttribute("aria-expanded", "false");
    }

    // A title as the results page shows it, with the searched words marked; built from
    // [text, marked] pairs, never from HTML.
    function title(parts, fallback) {
      var fragment = document.createDocumentFragment();
      (parts && parts.length ? parts : [[fallback, false]]).forEach(function (part) {
        var node = part[1] ? document.createElement("mark") : document.createTextNode(part[0]);
        if (part[1]) node.textContent = part[0];
        fragment.appendChild(node);
      });
      return fragment;
    }

    function show(query, data) {
      var results = data.results || [];
      list.textContent = "";
      results.forEach(function (result) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        var kind = document.createElement("small");
        link.href = result.url;
        link.appendChild(title(result.title_parts, result.title));
        kind.textContent = result.type;
        link.appendChild(kind);
        item.appendChild(link);
        list.appendChild(item);
      });
      if (results.length && data.search_url) {
        // The same words on the results page: the suggestions are its first results.
        var all = document.createElement("li");
        var more = document.createElement("a");
        all.className = "suggestions-all";
        more.href = data.search_url;
        more.textContent = "Xem mọi kết quả cho “" + data.completed + "”";
        all.appendChild(more);
        list.appendChild(all);
      }
      shownFor = query;
      list.hidden = results.length === 0;
      input.setAttribute("aria-expanded", String(!list.hidden));
      status.textContent = results.length ? results.length + " gợi ý, dùng phím mũi tên để chọn." : "";
    }

    function fetchSuggestions(query) {
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      fetch(input.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(input.value.slice(0, 201)), {
        headers: { Accept: "application/json" },
        signal: controller ? controller.signal : undefined
      })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (input.value.trim() === query) show(query, data); })
        .catch(function () { /* offline or aborted: the form still works */ });
    }

    input.addEventListener("input", function () {
      var query = input.value.trim();
      window.clearTimeout(timer);
      if (query.length < 2) { close(); return; }
      if (query === shownFor) return;
      timer = window.setTimeout(function () { fetchSuggestions(query); }, 180);
    });

    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && !list.hidden) {
        event.preventDefault();
        links()[0].focus();
      } else if (event.key === "Escape") {
        close();
      }
    });

    list.addEventListener("keydown", function (event) {
      var all = links();
      var index = all.indexOf(document.activeElement);
      if (event.key === "ArrowDown") {
        event.preventDefault();
        (all[index + 1] || all[0]).focus();
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        if (index <= 0) input.focus(); else all[index - 1].focus();
      } else if (event.key === "Escape") {
        close();
        input.focus();
      }
    });

    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) close();
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("input[data-suggest-url]"), attach);
})();

// Jiyao pages work without this script; it only adds typeahead to search
// boxes that carry data-suggest (the URL of /api/v1/suggest), following
// the ARIA combobox pattern.
(function () {
  "use strict";
  var kinds = { plan: "文件", official: "人员", department: "部门", issuer: "发文机关" };
  var seq = 0;

  function target(s) {
    var v = encodeURIComponent(s.value);
    switch (s.type) {
      case "plan": return "/decisions?q=" + v;
      case "official": return "/officials/" + v;
      case "department": return "/departments/" + v;
      case "issuer": return "/?issuer=" + v;
    }
    return null;
  }

  function setup(input) {
    var url = input.getAttribute("data-suggest");
    if (!url || !window.fetch) return;
    var id = input.id + "-suggest";
    var list = document.createElement("ul");
    list.id = id;
    list.className = "suggest";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "输入建议");
    list.hidden = true;
    input.parentNode.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id);
    var items = [], active = -1, timer = 0;

    function close() {
      list.hidden = true;
      list.textContent = "";
      items = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }
    function highlight(i) {
      active = i;
      for (var j = 0; j < list.children.length; j++) {
        list.children[j].setAttribute("aria-selected", j === i ? "true" : "false");
      }
      if (i >= 0) {
        input.setAttribute("aria-activedescendant", list.children[i].id);
        list.children[i].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }
    function choose(i) {
      var s = items[i];
      if (!s) return;
      var to = target(s);
      close();
      if (to) { window.location.assign(to); return; }
      input.value = s.value;
      input.form.submit();
    }
    function show(suggestions) {
      close();
      items = suggestions || [];
      if (!items.length) return;
      items.forEach(function (s, i) {
        var li = document.createElement("li");
        li.id = id + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        var v = document.createElement("span");
        v.textContent = s.value;
        var k = document.createElement("span");
        k.className = "kind";
        k.textContent = (kinds[s.type] || s.type) + (s.count ? " · " + s.count : "");
        li.appendChild(v);
        li.appendChild(k);
        li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(i); });
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
    function load() {
      var q = input.value.trim();
      if (!q || q.length > 50) { close(); return; }
      var mine = ++seq;
      fetch(url + "?q=" + encodeURIComponent(q) + "&limit=8", { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (body) {
          if (mine !== seq || document.activeElement !== input) return;
          show(body && body.suggestions);
        })
        .catch(function () { /* typeahead is optional */ });
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(load, 150);
    });
    input.addEventListener("keydown", function (e) {
      if (list.hidden) return;
      if (e.key === "ArrowDown") { e.preventDefault(); highlight((active + 1) % items.length); }
      else if (e.key === "ArrowUp") { e.preventDefault(); highlight(active <= 0 ? items.length - 1 : active - 1); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); choose(active); }
      else if (e.key === "Escape") { close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  var boxes = document.querySelectorAll("input[data-suggest]");
  for (var i = 0; i < boxes.length; i++) setup(boxes[i]);
})();

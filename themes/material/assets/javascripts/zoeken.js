/* Search the report. The index (titles and text of every page) is fetched only here, when the reader
   searches, so no other page carries its weight. All words must occur; titles count more than text. */
(function () {
  "use strict";
  var form = document.querySelector("[data-kompas-zoeken]");
  if (!form) return;
  var withoutScript = document.querySelector("[data-kompas-zonder-js]");
  if (withoutScript) withoutScript.hidden = true; // the note for readers without JavaScript
  var input = form.querySelector("input");
  var status = document.querySelector(".kompas-zoeken__status");
  var list = document.querySelector(".kompas-zoeken__resultaten");
  var index = null;

  function normal(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function load() {
    if (!index) {
      index = fetch(form.getAttribute("data-index")).then(function (r) { return r.json(); }).then(function (pages) {
        return pages.map(function (p) { p.nt = normal(p.t); p.nx = normal(p.x); return p; });
      });
    }
    return index;
  }

  function excerpt(text, word) {
    var at = normal(text).indexOf(word);
    var start = Math.max(0, at - 60);
    return (start > 0 ? "… " : "") + text.slice(start, start + 180) + (start + 180 < text.length ? " …" : "");
  }

  function search(query) {
    var words = normal(query).split(/\s+/).filter(Boolean);
    list.replaceChildren();
    if (!words.length) { status.textContent = ""; return; }
    status.textContent = "Bezig met zoeken …";
    load().then(function (pages) {
      var found = pages.map(function (p) {
        var score = 0;
        for (var i = 0; i < words.length; i++) {
          var inTitle = p.nt.indexOf(words[i]) >= 0, inText = p.nx.indexOf(words[i]) >= 0;
          if (!inTitle && !inText) return null;
          score += (inTitle ? 5 : 0) + (inText ? 1 : 0);
        }
        return { page: p, score: score };
      }).filter(Boolean).sort(function (a, b) { return b.score - a.score; });
      found.slice(0, 50).forEach(function (hit) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = hit.page.u;
        link.textContent = hit.page.t + (hit.page.b ? " (makkelijk lezen)" : "");
        var text = document.createElement("p");
        text.textContent = excerpt(hit.page.x, words[0]);
        item.append(link, text);
        list.append(item);
      });
      status.textContent = found.length === 0 ? "Niets gevonden. Probeer een ander woord."
        : found.length === 1 ? "1 pagina gevonden." : found.length + " pagina's gevonden.";
    }).catch(function () {
      status.textContent = "Zoeken lukt nu niet. Gebruik het menu of de pagina Waar vind ik wat?";
    });
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); search(input.value); });
  input.addEventListener("focus", load, { once: true });
  var query = new URLSearchParams(location.search).get("q");
  if (query) { input.value = query; search(query); }
})();

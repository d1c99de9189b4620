/* The "page not found" page (404.html), shown by the web server at any address of the site. This file
   is tried from every level above that address; the copy that loads knows from its own address where
   the site starts, and puts that start in front of the page's links, style sheets and scripts, which
   MkDocs wrote from the site's root path ("/"). */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.kompasNietGevonden) return;
  window.kompasNietGevonden = true;
  var own = "assets/javascripts/niet-gevonden.js";
  var found = new URL(script.src);
  var root = found.pathname.slice(0, found.pathname.length - own.length);
  var holder = document.querySelector("[data-kompas-basis]");
  var basis = (holder && holder.getAttribute("data-kompas-basis")) || "/";
  if (basis.charAt(basis.length - 1) !== "/") basis += "/";
  if (basis === root || basis.charAt(0) !== "/") return;

  function moved(value) {
    if (!value || value.indexOf(basis) !== 0 || value.indexOf("//") === 0) return null;
    return root + value.slice(basis.length);
  }

  document.querySelectorAll("link[href], a[href]").forEach(function (el) {
    var better = moved(el.getAttribute("href"));
    if (better !== null) el.setAttribute("href", better);
  });
  document.querySelectorAll("script[src]:not([data-kompas-niet-gevonden])").forEach(function (el) {
    var better = moved(el.getAttribute("src"));
    if (better === null) return;
    var again = document.createElement("script");
    again.src = better;
    again.async = false;
    el.parentNode.replaceChild(again, el);
  });
})();

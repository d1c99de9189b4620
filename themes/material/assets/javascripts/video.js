/* Video facade: the player of YouTube or Vimeo is only loaded after the reader clicks "Speel de film af".
   Until then no request goes to that service. Without JavaScript the reader gets a plain link. */
(function () {
  "use strict";
  document.querySelectorAll("[data-kompas-video]").forEach(function (facade) {
    var button = facade.querySelector(".kompas-video__start");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = facade.getAttribute("data-embed");
      frame.title = facade.getAttribute("data-titel") || "Film";
      frame.allow = "autoplay; fullscreen; picture-in-picture";
      frame.allowFullscreen = true;
      frame.className = "kompas-video__speler";
      facade.replaceChildren(frame);
      frame.focus();
    });
  });
})();

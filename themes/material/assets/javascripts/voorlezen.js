/* "Lees voor": read the easy-read page aloud with the browser's own Dutch speech synthesis.
   Only a voice on the reader's own device is used (localService): some browsers also offer voices
   that send the text to an online service, and a report must not do that. The buttons stay hidden
   where no such Dutch voice exists. */
(function () {
  "use strict";
  var box = document.querySelector("[data-kompas-voorlezen]");
  var synth = window.speechSynthesis;
  if (!box || !synth || typeof window.SpeechSynthesisUtterance !== "function") return;

  var start = box.querySelector('[data-actie="start"]');
  var pause = box.querySelector('[data-actie="pauze"]');
  var stop = box.querySelector('[data-actie="stop"]');
  var status = box.querySelector(".kompas-voorlezen__status");
  var queue = [];
  var speaking = false;

  function dutchVoice() {
    var voices = synth.getVoices();
    for (var i = 0; i < voices.length; i++) {
      if (/^nl(-|_|$)/i.test(voices[i].lang) && voices[i].localService) return voices[i];
    }
    return null;
  }

  function texts() {
    var article = document.querySelector("article.md-content__inner");
    if (!article) return [];
    var parts = [];
    article.querySelectorAll("h1, h2, h3, p, li").forEach(function (node) {
      if (node.closest("[data-kompas-voorlezen], .kompas-wissel, .kompas-concept, nav")) return;
      if (node.matches("li p")) return;  // read with its list item
      var text = node.innerText.replace(/\s+/g, " ").trim();
      if (text) parts.push(text);
    });
    return parts;
  }

  function setState(state) {
    speaking = state !== "stil";
    start.disabled = speaking;
    pause.disabled = !speaking;
    stop.disabled = !speaking;
    pause.setAttribute("aria-pressed", state === "pauze" ? "true" : "false");
    pause.textContent = state === "pauze" ? "Verder" : "Pauze";
    status.textContent = { leest: "Bezig met voorlezen.", pauze: "Voorlezen staat op pauze.", stil: "" }[state];
  }

  function next() {
    if (!queue.length) { setState("stil"); start.focus(); return; }
    var utterance = new SpeechSynthesisUtterance(queue.shift());
    utterance.lang = "nl-NL";
    utterance.voice = dutchVoice();
    utterance.rate = 0.9;
    utterance.onend = function () { if (speaking) next(); };
    utterance.onerror = function () { setState("stil"); };
    synth.speak(utterance);
  }

  start.addEventListener("click", function () {
    synth.cancel();
    queue = texts();
    setState("leest");
    pause.focus();
    next();
  });
  pause.addEventListener("click", function () {
    if (synth.paused) { synth.resume(); setState("leest"); } else { synth.pause(); setState("pauze"); }
  });
  stop.addEventListener("click", function () {
    queue = [];
    speaking = false;
    synth.cancel();
    setState("stil");
    start.focus();
  });
  window.addEventListener("pagehide", function () { synth.cancel(); });

  function reveal() {
    box.hidden = !dutchVoice();
  }
  reveal();
  if ("onvoiceschanged" in synth) synth.addEventListener("voiceschanged", reveal);
})();

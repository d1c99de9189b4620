/* Filter the story overview by perspective, bouwsteen and domain. Without this script every story
   is simply shown; the filter form only appears when the script runs. */
(function () {
  "use strict";
  var form = document.querySelector("[data-kompas-filter]");
  if (!form) return;
  var cards = Array.prototype.slice.call(document.querySelectorAll(".kompas-verhalen .kompas-verhaal-kaart"));
  var count = form.querySelector(".kompas-verhalen-filter__aantal");

  function apply() {
    var perspectief = form.elements.perspectief.value;
    var bouwsteen = form.elements.bouwsteen.value;
    var domein = form.elements.domeinen ? form.elements.domeinen.value : "";
    var shown = 0;
    cards.forEach(function (card) {
      var ok = (!perspectief || card.dataset.perspectief === perspectief) &&
        (!bouwsteen || card.dataset.bouwsteen === bouwsteen) &&
        (!domein || (" " + card.dataset.domeinen + " ").indexOf(" " + domein + " ") >= 0);
      card.hidden = !ok;
      if (ok) shown += 1;
    });
    count.textContent = shown === 1 ? "1 verhaal" : shown + " verhalen";
  }

  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
})();

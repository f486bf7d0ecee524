// Running totals in the workshop editor: the minutes of the programme and of the preparation,
// compared with the stated totals, updated as the editor types. Validation on save is done by
// the server (curriculum.models.pages.WorkshopPageForm); this only helps before that.
(function () {
  "use strict";

  function minutesIn(streamName) {
    let total = 0;
    const pattern = new RegExp("^" + streamName + "-(\\d+)-value-minutes$");
    document.querySelectorAll('input[name^="' + streamName + '-"]').forEach(function (input) {
      const match = input.name.match(pattern);
      if (!match) return;
      const deleted = document.querySelector('input[name="' + streamName + "-" + match[1] + '-deleted"]');
      if (deleted && deleted.value === "1") return;
      total += parseInt(input.value, 10) || 0;
    });
    return total;
  }

  function update() {
    document.querySelectorAll("[data-running-total]").forEach(function (output) {
      const total = minutesIn(output.dataset.runningTotal);
      const targetInput = document.querySelector('input[name="' + output.dataset.targetField + '"]');
      const target = targetInput ? parseInt(targetInput.value, 10) || 0 : 0;
      const difference = target - total;
      let text = "Opgeteld: " + total + " van " + target + " minuten";
      if (difference > 0) text += " (nog " + difference + " minuten te verdelen)";
      if (difference < 0) text += " (" + -difference + " minuten te veel)";
      if (difference === 0) text += " ✓";
      output.textContent = text;
      output.classList.toggle("running-total--ok", difference === 0);
    });
  }

  document.addEventListener("input", update);
  document.addEventListener("change", update);
  document.addEventListener("click", function () { window.setTimeout(update, 50); });
  document.addEventListener("DOMContentLoaded", function () { window.setTimeout(update, 300); });
})();

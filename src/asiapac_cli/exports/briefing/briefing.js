(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  var form = document.getElementById("filters");
  if (!form) { return; }
  var status = document.getElementById("shown");
  function ticked(name) {
    var set = {};
    form.querySelectorAll('input[name="' + name + '"]').forEach(function (box) {
      if (box.checked) { set[box.value] = true; }
    });
    return set;
  }
  function some(list, set) {
    return (list || "").split(" ").some(function (value) { return set[value] === true; });
  }
  function apply() {
    var partners = ticked("partner"), kinds = ticked("kind"), topics = ticked("topic");
    var lanes = form.querySelector('input[name="lanes"]:checked').value;
    var shown = 0, total = 0;
    document.querySelectorAll(".lanes").forEach(function (svg) {
      if (svg.getAttribute("data-lanes") === lanes) { svg.removeAttribute("hidden"); }
      else { svg.setAttribute("hidden", ""); }
    });
    // A partner's lane shows nothing while that partner is not ticked.
    document.querySelectorAll('svg[data-lanes="partner"] .lane').forEach(function (lane) {
      lane.classList.toggle("off", partners[lane.getAttribute("data-lane")] !== true);
    });
    document.querySelectorAll("[data-kind]").forEach(function (item) {
      var keep = kinds[item.getAttribute("data-kind")] === true &&
        some(item.getAttribute("data-partners"), partners) &&
        some(item.getAttribute("data-topics"), topics);
      if (keep) { item.removeAttribute("hidden"); } else { item.setAttribute("hidden", ""); }
      if (item.tagName.toLowerCase() === "li") { total += 1; if (keep) { shown += 1; } }
    });
    status.textContent = shown + " of " + total + " events shown.";
  }
  // Selecting an event on the chart opens its details in the list below it.
  function openEvent(id) {
    var item = id ? document.getElementById(id) : null;
    var details = item ? item.querySelector("details") : null;
    if (details) { details.open = true; }
  }
  window.addEventListener("hashchange", function () { openEvent(location.hash.slice(1)); });
  document.addEventListener("click", function (event) {
    var mark = event.target.closest ? event.target.closest("a.mark") : null;
    if (mark) { openEvent(mark.getAttribute("href").slice(1)); }
  });
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".events details").forEach(function (details) { details.open = true; });
  });
  openEvent(location.hash.slice(1));
  form.addEventListener("change", apply);
  form.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) { return; }
    var name = button.getAttribute("data-all") || button.getAttribute("data-none");
    var on = button.hasAttribute("data-all");
    form.querySelectorAll('input[name="' + name + '"]').forEach(function (box) { box.checked = on; });
    apply();
  });
  apply();
}());

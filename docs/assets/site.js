// Figures: a click on a figure opens it large in a dialog (Escape or a click closes it).
// Without JavaScript the same link simply opens the image file.
(function () {
  var dialog;
  function getDialog() {
    if (dialog) return dialog;
    dialog = document.createElement("dialog");
    dialog.className = "figure-dialog";
    dialog.addEventListener("click", function () { dialog.close(); });
    document.body.appendChild(dialog);
    return dialog;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.figure-zoom");
    if (!link || typeof HTMLDialogElement === "undefined") return;
    event.preventDefault();
    var img = link.querySelector("img").cloneNode();
    img.removeAttribute("loading");
    img.removeAttribute("width");
    img.removeAttribute("height");
    var box = getDialog();
    box.replaceChildren(img);
    box.setAttribute("aria-label", img.alt);
    box.showModal();
  });
})();

// Material's search panel is a role="dialog" without a name: give it the search box's
// (already translated) label, so screen readers announce what the dialog is.
(function () {
  var dialog = document.querySelector(".md-search[role=dialog]");
  var input = document.querySelector(".md-search__input");
  if (dialog && input && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", input.getAttribute("aria-label") || "Search");
  }
})();

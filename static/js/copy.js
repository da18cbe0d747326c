/* Copy buttons, as progressive enhancement.
 *
 * <button type="button" data-copy="ID" data-copied="Copied" hidden> copies the text of the
 * element with that id (a read-only field, or a reference) to the clipboard and says so in
 * the .copy-status next to it. Without JavaScript or a clipboard the button stays hidden;
 * the field itself can still be selected and copied by hand.
 */
(function () {
  "use strict";
  if (!navigator.clipboard || !window.isSecureContext) {
    return;
  }
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    var status = button.parentNode.querySelector(".copy-status");
    if (!source) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = "value" in source ? source.value : source.innerText.trim();
      navigator.clipboard.writeText(text).then(
        function () {
          if (status) {
            status.textContent = button.getAttribute("data-copied");
          }
        },
        function () {
          if (source.select) {
            source.select();
          }
        }
      );
    });
  });
})();

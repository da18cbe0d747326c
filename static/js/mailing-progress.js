// The progress of a newsletter edition being sent (newsletter/edition_admin.py): asks the
// progress endpoint every few seconds and updates the bar and the figures until it is sent.
(function () {
  "use strict";
  const bar = document.querySelector("[data-progress-url]");
  if (!bar || bar.dataset.mailingStatus === "sent") {
    return;
  }
  function update() {
    fetch(bar.dataset.progressUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : Promise.reject(response.status);
      })
      .then(function (report) {
        bar.value = report.percent;
        bar.textContent = report.percent + "%";
        document.querySelectorAll("[data-mailing-field]").forEach(function (element) {
          const name = element.dataset.mailingField;
          if (name !== "status" && name in report) {
            element.textContent = report[name];
          }
        });
        if (report.status === "sent") {
          window.location.reload();
        } else {
          window.setTimeout(update, 3000);
        }
      })
      .catch(function () {
        window.setTimeout(update, 10000);
      });
  }
  window.setTimeout(update, 2000);
})();

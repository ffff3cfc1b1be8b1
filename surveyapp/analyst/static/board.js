/* The summaries board: "all shown" ticks every row; a job's page follows its progress.
   Progressive enhancement only: without this script the board posts the same form and the job
   page has a link to look again. No inline script: the Content Security Policy forbids it. */
(function () {
  "use strict";

  var all = document.getElementById("board-all");
  if (all) {
    var rows = document.querySelectorAll('input[type="checkbox"][name="iscm"]');
    all.addEventListener("change", function () {
      rows.forEach(function (box) { box.checked = all.checked; });
    });
    rows.forEach(function (box) {
      box.addEventListener("change", function () {
        if (!box.checked) { all.checked = false; }
      });
    });
  }

  var job = document.querySelector("[data-job-status]");
  if (job) {
    var bar = job.querySelector("progress");
    var percent = job.querySelector("[data-progress-text]");
    var finished = job.querySelector("[data-finished]");
    var poll = function () {
      fetch(job.getAttribute("data-job-status"), { credentials: "same-origin" })
        .then(function (reply) { return reply.ok ? reply.json() : null; })
        .then(function (status) {
          if (!status) { return; }
          if (status.status === "done" || status.status === "failed") {
            window.location.reload();
            return;
          }
          bar.value = status.progress;
          bar.textContent = status.progress + " %";
          percent.textContent = status.progress + " %";
          if (finished) { finished.textContent = String(status.finished); }
          window.setTimeout(poll, 1000);
        })
        .catch(function () { window.setTimeout(poll, 3000); });
    };
    window.setTimeout(poll, 1000);
  }
})();

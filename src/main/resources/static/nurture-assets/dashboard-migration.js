// The campaign versions page: "Migrate" starts the batch, then the bar follows its progress until it has finished.
(function () {
  'use strict';
  var token = JSON.parse(document.getElementById('migration-data').textContent).token;

  function follow(batchId, bar, status) {
    fetch('/dashboard/migrations/' + encodeURIComponent(batchId), { credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (progress) {
        bar.max = Math.max(progress.total, 1);
        bar.value = progress.completed;
        status.textContent = progress.completed + ' of ' + progress.total + ' moved'
          + (progress.failed > 0 ? ', ' + progress.failed + ' failed (see Cockpit)' : '')
          + (progress.finished ? ' · finished' : '');
        if (progress.finished) {
          status.setAttribute('data-finished', 'true');
        } else {
          setTimeout(function () { follow(batchId, bar, status); }, 500);
        }
      })
      .catch(function (error) { status.textContent = 'Progress unavailable: ' + error; });
  }

  document.querySelectorAll('button.migrate').forEach(function (button) {
    button.addEventListener('click', function () {
      var row = button.parentElement;
      var bar = row.querySelector('.migration-progress');
      var status = row.querySelector('.migration-status');
      button.disabled = true;
      status.textContent = 'Starting…';
      fetch('/dashboard/campaigns/' + encodeURIComponent(button.dataset.campaign) + '/migration', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-Nurture-Token': token },
        body: JSON.stringify({ fromVersion: Number(button.dataset.from), toVersion: Number(button.dataset.to) })
      }).then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) {
            button.disabled = false;
            status.textContent = body.detail || ('Refused: ' + response.status);
            status.className = 'migration-status error';
            return;
          }
          bar.hidden = false;
          status.setAttribute('data-batch', body.batchId);
          follow(body.batchId, bar, status);
        });
      });
    });
  });
}());

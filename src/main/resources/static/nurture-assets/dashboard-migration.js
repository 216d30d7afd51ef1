// The campaign versions page: "Migrate" starts the batch, then the bar follows its progress until it has finished.
(function () {
  'use strict';
  var token = JSON.parse(document.getElementById('migration-data').textContent).token;

  function show(progress, bar, status) {
    bar.max = Math.max(progress.total, 1);
    bar.value = progress.completed;
    status.textContent = progress.completed + ' of ' + progress.total + ' moved'
      + (progress.failed > 0 ? ', ' + progress.failed + ' failed (see Cockpit)' : '')
      + (progress.finished ? ' · finished' : '');
    if (progress.finished) {
      status.setAttribute('data-finished', 'true');
    }
    return progress.finished;
  }

  document.querySelectorAll('button.migrate').forEach(function (button) {
    button.addEventListener('click', function () {
      var row = button.parentElement;
      var bar = row.querySelector('.migration-progress');
      var status = row.querySelector('.migration-status');
      button.disabled = true;
      status.textContent = 'Starting…';
      NurtureWrites.send('/dashboard/campaigns/' + encodeURIComponent(button.dataset.campaign) + '/migration', {
        token: token,
        json: { fromVersion: Number(button.dataset.from), toVersion: Number(button.dataset.to) }
      }, status, function (batch) {
        bar.hidden = false;
        status.setAttribute('data-batch', batch.batchId);
        NurtureWrites.follow('/dashboard/migrations/' + encodeURIComponent(batch.batchId), status,
          function (progress) { return show(progress, bar, status); });
      }, function () { button.disabled = false; });
    });
  });
}());

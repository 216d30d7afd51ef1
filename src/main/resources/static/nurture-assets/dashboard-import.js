// The import page: uploads the CSV with its column mapping, then the bar follows the import to its report.
(function () {
  'use strict';
  var token = JSON.parse(document.getElementById('import-data').textContent).token;
  var form = document.getElementById('import');
  var bar = document.getElementById('import-progress');
  var status = document.getElementById('import-status');
  var errors = document.getElementById('import-errors');
  var button = document.getElementById('import-button');

  function report(r) {
    return (r.dryRun ? 'Dry run: ' : '') + r.processedRows + ' of ' + r.totalRows + ' rows · ' + r.created
      + ' created, ' + r.updated + ' updated, ' + r.unchanged + ' unchanged, ' + r.refused + ' refused';
  }

  function show(id, r) {
    bar.value = r.percent;
    status.textContent = report(r) + ' · ' + r.status.toLowerCase() + (r.failure ? ': ' + r.failure : '');
    if (r.status === 'QUEUED' || r.status === 'RUNNING') {
      return false;
    }
    status.setAttribute('data-finished', r.status);
    button.disabled = false;
    if (r.refused > 0) {
      errors.href = '/dashboard/imports/' + encodeURIComponent(id) + '/errors.csv';
      errors.hidden = false;
    }
    return true;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var file = document.getElementById('import-file').files[0];
    status.removeAttribute('data-finished');
    errors.hidden = true;
    if (!file) { status.textContent = 'Choose a CSV file first.'; status.className = 'error'; return; }
    var mapping = { startCampaigns: document.getElementById('import-start-campaigns').checked };
    document.querySelectorAll('input.column').forEach(function (input) {
      if (input.value.trim()) { mapping[input.dataset.field] = input.value.trim(); }
    });
    var data = new FormData();
    data.append('file', file);
    data.append('mapping', JSON.stringify(mapping));
    data.append('dryRun', document.getElementById('import-dry-run').checked ? 'true' : 'false');
    data.append('listId', document.getElementById('import-list').value);
    button.disabled = true;
    status.className = 'muted';
    status.textContent = 'Uploading…';
    NurtureWrites.send('/dashboard/imports', { token: token, body: data }, status, function (started) {
      bar.hidden = false;
      status.setAttribute('data-import', started.id);
      NurtureWrites.follow('/dashboard/imports/' + encodeURIComponent(started.id), status,
        function (r) { return show(started.id, r); });
    }, function () { button.disabled = false; });
  });
}());

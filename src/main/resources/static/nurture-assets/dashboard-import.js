// The import page: uploads the CSV with its column mapping, then the bar follows the import to its report. Once a
// file is chosen, its header's columns that fill no field are listed, each to be named as a custom property.
(function () {
  'use strict';
  var token = JSON.parse(document.getElementById('import-data').textContent).token;
  var form = document.getElementById('import');
  var bar = document.getElementById('import-progress');
  var status = document.getElementById('import-status');
  var errors = document.getElementById('import-errors');
  var button = document.getElementById('import-button');
  var fileInput = document.getElementById('import-file');
  var propertyBox = document.getElementById('import-properties');
  var propertyColumns = document.getElementById('import-property-columns');
  var header = [];

  // as the server compares headers with fields: case, spaces, _ and - aside
  function comparable(text) { return text.trim().replace(/[\s_-]/g, '').toLowerCase(); }

  // the first CSV record of the file's start: quoted fields may hold commas, quotes and line breaks
  function firstRecord(text) {
    var fields = [], field = '', quoted = false;
    text = text.replace(/^\uFEFF/, '');
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
        else if (c === '"') { quoted = false; }
        else { field += c; }
      } else if (c === '"') { quoted = true; }
      else if (c === ',') { fields.push(field); field = ''; }
      else if (c === '\n' || c === '\r') { break; }
      else { field += c; }
    }
    fields.push(field);
    return fields.filter(function (f) { return f.trim() !== ''; });
  }

  function suggestedKey(column) {
    var key = column.trim().replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').toLowerCase();
    return /^[a-z]/.test(key) ? key.substring(0, 40) : '';
  }

  function showPropertyColumns() {
    var mapped = {};
    document.querySelectorAll('input.column').forEach(function (input) {
      mapped[comparable(input.value.trim() || input.dataset.field)] = true;
    });
    var typed = {};
    propertyColumns.querySelectorAll('input.property').forEach(function (input) {
      typed[input.dataset.header] = input.value;
    });
    propertyColumns.textContent = '';
    header.filter(function (column) { return !mapped[comparable(column)]; }).forEach(function (column) {
      var label = document.createElement('label');
      var name = document.createElement('span');
      name.textContent = column;
      var input = document.createElement('input');
      input.type = 'text';
      input.className = 'property';
      input.size = 14;
      input.dataset.header = column;
      input.placeholder = suggestedKey(column);
      input.value = typed[column] || '';
      label.appendChild(name);
      label.appendChild(document.createTextNode(' → '));
      label.appendChild(input);
      propertyColumns.appendChild(label);
      propertyColumns.appendChild(document.createTextNode(' ')); // spaced as the field labels are
    });
    propertyBox.hidden = propertyColumns.childElementCount === 0;
  }

  fileInput.addEventListener('change', function () {
    var file = fileInput.files[0];
    header = [];
    showPropertyColumns();
    if (file) {
      file.slice(0, 64 * 1024).text().then(function (text) {
        header = firstRecord(text);
        showPropertyColumns();
        propertyBox.setAttribute('data-read', 'true');
      });
    }
  });
  document.querySelectorAll('input.column').forEach(function (input) {
    input.addEventListener('input', showPropertyColumns);
  });

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
    var file = fileInput.files[0];
    status.removeAttribute('data-finished');
    errors.hidden = true;
    if (!file) { status.textContent = 'Choose a CSV file first.'; status.className = 'error'; return; }
    var mapping = { startCampaigns: document.getElementById('import-start-campaigns').checked };
    document.querySelectorAll('input.column').forEach(function (input) {
      if (input.value.trim()) { mapping[input.dataset.field] = input.value.trim(); }
    });
    var properties = {};
    propertyColumns.querySelectorAll('input.property').forEach(function (input) {
      if (input.value.trim()) { properties[input.value.trim()] = input.dataset.header; }
    });
    if (Object.keys(properties).length) { mapping.properties = properties; }
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

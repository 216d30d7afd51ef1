// The simulator page: posts the chosen campaign (or the uploaded diagram's text) and personas, then draws the
// persona table and one timeline per persona. Every text from the answer goes in as text, never as HTML.
(function () {
  'use strict';
  var token = JSON.parse(document.getElementById('simulation-data').textContent).token;
  var form = document.getElementById('simulation');
  var status = document.getElementById('status');

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }

  function row(cells) {
    var tr = document.createElement('tr');
    cells.forEach(function (cell) { tr.appendChild(element('td', cell)); });
    return tr;
  }

  function describe(entry) {
    switch (entry.kind) {
      case 'send': return (entry.channel === 'email' ? '✉ ' : entry.channel + ': ') + (entry.subject || entry.text || '');
      case 'skip': case 'delay': return (entry.subject ? entry.subject + ' · ' : '') + entry.detail
        + (entry.until ? ' until ' + entry.until.replace('T', ' ').replace('Z', ' UTC') : '');
      case 'wait': return (entry.stepName || '') + ' until ' + entry.until.replace('T', ' ').replace('Z', ' UTC');
      case 'task': return (entry.stepName || '') + ' · ' + entry.detail;
      default: return [entry.stepName, entry.detail].filter(Boolean).join(' · ');
    }
  }

  function draw(result) {
    document.getElementById('results').hidden = false;
    document.getElementById('result-title').textContent = (result.campaignName || result.campaign)
      + (result.source === 'uploaded' ? ' (uploaded diagram)' : ' v' + result.version) + ' · ' + result.days + ' days';
    var findings = document.getElementById('findings');
    findings.textContent = '';
    if (result.findings.length === 0) {
      findings.appendChild(element('li', 'No findings: every persona leaves the campaign and no send breaks the policy.', 'muted'));
    }
    result.findings.forEach(function (finding) {
      findings.appendChild(element('li', finding.persona + ', day ' + finding.day + ': ' + finding.message, 'error finding'));
    });
    var body = document.querySelector('#personas tbody');
    body.textContent = '';
    var timelines = document.getElementById('timelines');
    timelines.textContent = '';
    result.timelines.forEach(function (timeline) {
      var s = timeline.summary;
      var tr = row([timeline.persona, s.sends.email || 0, s.sends.sms || 0, s.sends.inapp || 0, s.skipped, s.delayed,
        s.exit || 'still in the campaign', s.exitDay === undefined ? '' : s.exitDay, s.stage, s.score]);
      tr.className = 'persona-row';
      body.appendChild(tr);
      var card = element('section', null, 'card timeline');
      card.appendChild(element('h2', timeline.persona));
      var table = element('table');
      var rows = element('tbody');
      timeline.entries.forEach(function (entry) {
        var line = row(['day ' + entry.day, entry.kind, describe(entry)]);
        line.className = 'entry entry-' + entry.kind;
        if (entry.kind === 'send' && entry.text && entry.channel === 'email') {
          var details = element('details');
          details.appendChild(element('summary', 'text'));
          details.appendChild(element('pre', entry.text));
          line.lastChild.appendChild(details);
        }
        rows.appendChild(line);
      });
      table.appendChild(rows);
      card.appendChild(table);
      timelines.appendChild(card);
    });
  }

  function run(request) {
    status.textContent = 'Simulating…';
    status.removeAttribute('data-done');
    fetch('/dashboard/simulations', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-Nurture-Token': token },
      body: JSON.stringify(request)
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) {
          status.textContent = body.detail || ('Refused: ' + response.status);
          status.className = 'error';
          return;
        }
        status.textContent = 'Done.';
        status.className = 'muted';
        status.setAttribute('data-done', 'true');
        draw(body);
      });
    }).catch(function (error) { status.textContent = 'Failed: ' + error; status.className = 'error'; });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    status.removeAttribute('data-done');
    document.getElementById('results').hidden = true;
    var personas = Array.prototype.slice.call(document.querySelectorAll('input.persona:checked'))
      .map(function (box) { return { preset: box.value }; });
    var request = { days: Number(document.getElementById('days').value), personas: personas };
    var start = document.getElementById('start').value;
    if (start) { request.startAt = start + 'T09:00:00Z'; }
    if (document.querySelector('input[name=source]:checked').value === 'deployed') {
      request.campaign = document.getElementById('campaign').value;
      run(request);
      return;
    }
    var file = document.getElementById('bpmn-file').files[0];
    if (!file) { status.textContent = 'Choose a .bpmn file first.'; status.className = 'error'; return; }
    file.text().then(function (text) { request.bpmn = text; run(request); });
  });
}());

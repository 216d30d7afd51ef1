// "Enrol in a campaign" on a segment's or a list's page (the button's data-url): starts the enrolment, then the bar
// follows it until it has finished.
(function () {
  'use strict';
  var token = JSON.parse(document.getElementById('enrol-data').textContent).token;
  var button = document.getElementById('enrol-button');
  var bar = document.getElementById('enrol-progress');
  var status = document.getElementById('enrol-status');

  function follow(id) {
    fetch('/dashboard/enrolments/' + encodeURIComponent(id), { credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (enrolment) {
        var done = enrolment.total - enrolment.pending;
        bar.max = Math.max(enrolment.total, 1);
        bar.value = done;
        status.textContent = enrolment.started + ' of ' + enrolment.total + ' started'
          + (enrolment.alreadyIn > 0 ? ', ' + enrolment.alreadyIn + ' already in the campaign' : '')
          + (enrolment.gone > 0 ? ', ' + enrolment.gone + ' gone' : '')
          + (enrolment.state === 'FINISHED' ? ' · finished' : '');
        if (enrolment.state === 'FINISHED') {
          status.setAttribute('data-finished', 'true');
          button.disabled = false;
        } else {
          setTimeout(function () { follow(id); }, 500);
        }
      })
      .catch(function (error) { status.textContent = 'Progress unavailable: ' + error; });
  }

  button.addEventListener('click', function () {
    button.disabled = true;
    status.removeAttribute('data-finished');
    status.className = 'muted';
    status.textContent = 'Starting…';
    fetch(button.dataset.url, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-Nurture-Token': token },
      body: JSON.stringify({ campaign: document.getElementById('enrol-campaign').value })
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) {
          button.disabled = false;
          status.textContent = body.detail || ('Refused: ' + response.status);
          status.className = 'error';
          return;
        }
        bar.hidden = false;
        status.setAttribute('data-enrolment', body.id);
        follow(body.id);
      });
    });
  });
}());

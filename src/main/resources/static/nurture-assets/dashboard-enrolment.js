// "Enrol in a campaign" on a segment's or a list's page (the button's data-url): starts the enrolment, then the bar
// follows it until it has finished.
(function () {
  'use strict';
  var token = JSON.parse(document.getElementById('enrol-data').textContent).token;
  var button = document.getElementById('enrol-button');
  var bar = document.getElementById('enrol-progress');
  var status = document.getElementById('enrol-status');

  function show(enrolment) {
    bar.max = Math.max(enrolment.total, 1);
    bar.value = enrolment.total - enrolment.pending;
    var finished = enrolment.state === 'FINISHED';
    status.textContent = enrolment.started + ' of ' + enrolment.total + ' started'
      + (enrolment.alreadyIn > 0 ? ', ' + enrolment.alreadyIn + ' already in the campaign' : '')
      + (enrolment.gone > 0 ? ', ' + enrolment.gone + ' gone' : '')
      + (finished ? ' · finished' : '');
    if (finished) {
      status.setAttribute('data-finished', 'true');
      button.disabled = false;
    }
    return finished;
  }

  button.addEventListener('click', function () {
    button.disabled = true;
    status.removeAttribute('data-finished');
    status.className = 'muted';
    status.textContent = 'Starting…';
    NurtureWrites.send(button.dataset.url,
      { token: token, json: { campaign: document.getElementById('enrol-campaign').value } }, status,
      function (enrolment) {
        bar.hidden = false;
        status.setAttribute('data-enrolment', enrolment.id);
        NurtureWrites.follow('/dashboard/enrolments/' + encodeURIComponent(enrolment.id), status, show);
      },
      function () { button.disabled = false; });
  });
}());

// The campaign versions page: "Suspend" and "Resume" change the campaign's state, then the page shows the new one.
(function () {
  'use strict';
  var token = JSON.parse(document.getElementById('migration-data').textContent).token;

  function change(button, method) {
    var status = document.getElementById('suspension-status');
    button.disabled = true;
    status.textContent = method === 'POST' ? 'Suspending…' : 'Resuming…';
    fetch('/dashboard/campaigns/' + encodeURIComponent(button.dataset.campaign) + '/suspension', {
      method: method, credentials: 'same-origin', headers: { 'X-Nurture-Token': token }
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) {
          button.disabled = false;
          status.textContent = body.detail || ('Refused: ' + response.status);
          status.className = 'error';
          return;
        }
        window.location.reload();
      });
    }).catch(function (error) {
      button.disabled = false;
      status.textContent = 'Not changed: ' + error;
    });
  }

  [['suspend', 'POST'], ['resume', 'DELETE']].forEach(function (pair) {
    var button = document.getElementById(pair[0]);
    if (button) {
      button.addEventListener('click', function () { change(button, pair[1]); });
    }
  });
}());

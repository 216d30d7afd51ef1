// The campaign versions page: "Suspend" and "Resume" change the campaign's state, then the page shows the new one.
(function () {
  'use strict';
  var token = JSON.parse(document.getElementById('migration-data').textContent).token;

  function change(button, method) {
    var status = document.getElementById('suspension-status');
    button.disabled = true;
    status.textContent = method === 'POST' ? 'Suspending…' : 'Resuming…';
    NurtureWrites.send('/dashboard/campaigns/' + encodeURIComponent(button.dataset.campaign) + '/suspension',
      { method: method, token: token }, status,
      function () { window.location.reload(); },
      function () { button.disabled = false; });
  }

  [['suspend', 'POST'], ['resume', 'DELETE']].forEach(function (pair) {
    var button = document.getElementById(pair[0]);
    if (button) {
      button.addEventListener('click', function () { change(button, pair[1]); });
    }
  });
}());

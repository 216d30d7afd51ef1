// "Delete segment" on a segment's page: asks once, deletes, and goes back to the segments.
(function () {
  'use strict';
  var button = document.getElementById('delete-segment');
  var status = document.getElementById('delete-status');
  button.addEventListener('click', function () {
    if (!window.confirm('Delete this segment? Its members and their history go with it.')) {
      return;
    }
    button.disabled = true;
    fetch(button.dataset.url, {
      method: 'DELETE', credentials: 'same-origin', headers: { 'X-Nurture-Token': button.dataset.token }
    }).then(function (response) {
      if (response.ok) {
        window.location.href = '/dashboard/segments';
        return;
      }
      return response.json().then(function (body) {
        button.disabled = false;
        status.textContent = body.detail || ('Refused: ' + response.status);
        status.className = 'error';
      });
    });
  });
}());

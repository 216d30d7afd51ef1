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
    NurtureWrites.send(button.dataset.url, { method: 'DELETE', token: button.dataset.token }, status,
      function () { window.location.href = '/dashboard/segments'; },
      function () { button.disabled = false; });
  });
}());

// What every dashboard write page does: send the write with the page's token, show a refusal's detail where the page
// shows its status, and follow a background job's progress until it has finished.
var NurtureWrites = (function () {
  'use strict';

  // options: method (POST), token, and json (sent as JSON) or body (a FormData); done(answer) when it was accepted
  function send(url, options, status, done, refused) {
    var headers = { 'X-Nurture-Token': options.token };
    var body = options.body;
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    function refuse(text) {
      status.textContent = text;
      status.classList.remove('muted');
      status.classList.add('error');
      if (refused) { refused(); }
    }
    fetch(url, { method: options.method || 'POST', credentials: 'same-origin', headers: headers, body: body })
      .then(function (response) {
        return response.text().then(function (text) {
          var answer = text ? JSON.parse(text) : {};
          if (response.ok) {
            status.classList.remove('error');
            done(answer);
          } else {
            refuse(answer.detail || ('Refused: ' + response.status));
          }
        });
      })
      .catch(function (error) { refuse('Not sent: ' + error); });
  }

  // reads url every half second and hands each answer to show, until show says it has finished (returns true)
  function follow(url, status, show) {
    fetch(url, { credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (progress) {
        if (!show(progress)) {
          setTimeout(function () { follow(url, status, show); }, 500);
        }
      })
      .catch(function (error) { status.textContent = 'Progress unavailable: ' + error; });
  }

  return { send: send, follow: follow };
}());

// Draws each of the contact's process instances on its own diagram with bpmn-js's read-only viewer: the activities
// passed and the flows taken, where it waits now, and what each send step sent and how the contact reacted.
(function () {
  'use strict';
  var section = document.getElementById('paths');
  var diagrams = document.getElementById('path-diagrams');
  var READABLE = 0.8;

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text) { e.textContent = text; }
    return e;
  }

  function sendText(send) {
    var text = send.sentAt ? 'sent ' + send.sentAt.substring(0, 10) : send.status.toLowerCase();
    if (send.openedAt || send.clickedAt) { text += ' · opened'; }
    if (send.clickedAt) { text += ' · clicked'; }
    return text;
  }

  function sendsByStep(sends) {
    var byStep = {};
    sends.forEach(function (send) { (byStep[send.step] = byStep[send.step] || []).push(send); });
    return byStep;
  }

  function mark(viewer, instance) {
    var canvas = viewer.get('canvas');
    var registry = viewer.get('elementRegistry');
    var overlays = viewer.get('overlays');
    var drawn = function (id) { return registry.get(id) !== undefined; };
    instance.passed.forEach(function (passage) {
      if (drawn(passage.activityId) && instance.waiting.indexOf(passage.activityId) < 0) {
        canvas.addMarker(passage.activityId, 'path-passed');
      }
    });
    instance.flows.filter(drawn).forEach(function (id) { canvas.addMarker(id, 'path-taken'); });
    instance.waiting.filter(drawn).forEach(function (id) { canvas.addMarker(id, 'path-waiting'); });
    var byStep = sendsByStep(instance.sends);
    Object.keys(byStep).filter(drawn).forEach(function (step) {
      var note = element('div', 'path-send');
      byStep[step].forEach(function (send) {
        var line = element('div', null, sendText(send));
        line.title = send.channel + ' ' + send.template + ', ' + send.status;
        note.appendChild(line);
      });
      overlays.add(step, 'path-send', { position: { bottom: -6, left: 0 }, html: note });
    });
  }

  // a long series fitted whole is too small to read: then show where it waits (or stopped) at a readable scale
  function focus(viewer, instance) {
    var canvas = viewer.get('canvas');
    var registry = viewer.get('elementRegistry');
    if (canvas.zoom('fit-viewport') >= READABLE) { return; }
    var ids = instance.waiting.concat(instance.passed.map(function (p) { return p.activityId; }).reverse());
    var target = ids.map(function (id) { return registry.get(id); }).filter(Boolean)[0];
    canvas.zoom(READABLE);
    if (target) {
      // the element three fifths across, so the way that led to it shows on its left
      var box = canvas.viewbox();
      canvas.viewbox({ x: target.x + target.width / 2 - box.width * 0.6, y: target.y + target.height / 2 - box.height / 2,
                       width: box.width, height: box.height });
    }
  }

  function draw(instance) {
    var figure = element('figure', 'path-instance');
    figure.setAttribute('data-instance-id', instance.id);
    var caption = element('figcaption', null, instance.processKey + ' (version ' + instance.version + ') · '
        + instance.state + ' · started ' + instance.started.substring(0, 10)
        + (instance.ended ? ' · ended ' + instance.ended.substring(0, 10) : '') + ' · ');
    var cockpit = element('a', null, 'open in Cockpit');
    cockpit.href = instance.cockpitPath;
    caption.appendChild(cockpit);
    figure.appendChild(caption);
    diagrams.appendChild(figure);
    if (!instance.bpmnXml) {
      figure.appendChild(element('p', 'muted', 'The version of the diagram it ran on is no longer deployed.'));
      return Promise.resolve();
    }
    var container = element('div', 'path-canvas');
    figure.appendChild(container);
    var viewer = new BpmnJS({ container: container });
    return viewer.importXML(instance.bpmnXml).then(function () {
      focus(viewer, instance);
      mark(viewer, instance);
      figure.setAttribute('data-rendered', 'true');
    });
  }

  fetch(section.getAttribute('data-path-url'), { headers: { Accept: 'application/json' } })
    .then(function (response) {
      if (!response.ok) { throw new Error('paths: HTTP ' + response.status); }
      return response.json();
    })
    .then(function (path) { return Promise.all(path.instances.map(draw)); })
    .then(function () { section.setAttribute('data-rendered', 'true'); })
    .catch(function (error) {
      diagrams.appendChild(element('p', 'problem', 'The paths could not be drawn: ' + error.message));
      console.error(error);
    });
}());

// A ticket's path on the diagrams of the models it ran (docs/specification.md §14), drawn with bpmn-js's viewer:
// the steps and flows taken are marked, fired timers and the current step stand out, and each step carries when,
// who and how long. Every text goes in as text, never as markup.
(function () {
  'use strict';
  var holder = document.getElementById('path');
  if (!holder || !window.BpmnJS) {
    return;
  }
  var status = holder.querySelector('.path-status');

  function note(step) {
    var parts = [step.started];
    if (step.who) {
      parts.push(step.who);
    }
    parts.push(step.took);
    if (step.times > 1) {
      parts.unshift(step.times + ' times, last');
    }
    var div = document.createElement('div');
    div.className = 'step-note' + (step.current ? ' current' : '') + (step.timerFired ? ' timer-fired' : '');
    div.textContent = (step.timerFired ? 'Timer fired · ' : step.current ? 'Now · ' : '') + parts.join(' · ');
    return div;
  }

  function draw(diagram) {
    var section = document.createElement('section');
    section.className = 'model';
    var heading = document.createElement('h3');
    heading.textContent = diagram.name + ' (version ' + diagram.version + ')';
    var canvasBox = document.createElement('div');
    canvasBox.className = 'diagram';
    section.appendChild(heading);
    section.appendChild(canvasBox);
    holder.appendChild(section);
    var viewer = new window.BpmnJS({ container: canvasBox });
    return viewer.importXML(diagram.xml).then(function () {
      var canvas = viewer.get('canvas');
      var overlays = viewer.get('overlays');
      var registry = viewer.get('elementRegistry');
      canvas.zoom('fit-viewport');
      diagram.flows.forEach(function (id) {
        if (registry.get(id)) {
          canvas.addMarker(id, 'path-taken');
        }
      });
      diagram.steps.forEach(function (step) {
        if (!registry.get(step.activityId)) {
          return;
        }
        canvas.addMarker(step.activityId, 'path-taken');
        if (step.current) {
          canvas.addMarker(step.activityId, 'path-current');
        }
        if (step.timerFired) {
          canvas.addMarker(step.activityId, 'path-timer-fired');
        }
        // A note where it tells something: a person's step, a fired timer, where the ticket waits, or time spent.
        if (step.who || step.timerFired || step.current || step.took.indexOf('took 0 min') !== 0) {
          overlays.add(step.activityId, { position: { bottom: 2, left: 0 }, html: note(step) });
        }
      });
      // A wide model fitted whole is too small to read: show the part of it this ticket went through.
      if (canvas.zoom() < 0.7) {
        var box = null;
        diagram.steps.forEach(function (step) {
          var element = registry.get(step.activityId);
          if (!element || element.waypoints) {
            return;
          }
          box = box || { x1: element.x, y1: element.y, x2: element.x, y2: element.y };
          box.x1 = Math.min(box.x1, element.x);
          box.y1 = Math.min(box.y1, element.y);
          box.x2 = Math.max(box.x2, element.x + element.width);
          box.y2 = Math.max(box.y2, element.y + element.height);
        });
        if (box) {
          canvas.viewbox({ x: box.x1 - 40, y: box.y1 - 60, width: box.x2 - box.x1 + 80, height: box.y2 - box.y1 + 120 });
        }
      }
      section.setAttribute('data-drawn', 'true');
    });
  }

  fetch(holder.getAttribute('data-source'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('The path could not be read (' + response.status + ')');
      }
      return response.json();
    })
    .then(function (diagrams) {
      return diagrams.reduce(function (done, diagram) {
        return done.then(function () { return draw(diagram); });
      }, Promise.resolve());
    })
    .then(function () {
      status.textContent = 'Marked in green: the steps and flows this ticket took; in red: timers that fired; '
        + 'outlined in blue: where it waits now. Drag a diagram to move it; Ctrl and the mouse wheel zoom.';
    })
    .catch(function (error) {
      status.textContent = error.message;
    });
})();

// Where time goes (docs/specification.md §14): the lifecycle's diagram with each step shaded by how many of the
// period's tickets went through it, and its count, median and 90th-percentile time beside it. Text goes in as text.
(function () {
  'use strict';
  var holder = document.getElementById('heatmap');
  if (!holder || !window.BpmnJS) {
    return;
  }
  var status = holder.querySelector('.path-status');
  fetch(holder.getAttribute('data-source'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('The figures could not be read (' + response.status + ')');
      }
      return response.json();
    })
    .then(function (heat) {
      var box = document.createElement('div');
      box.className = 'diagram';
      holder.appendChild(box);
      var viewer = new window.BpmnJS({ container: box });
      return viewer.importXML(heat.xml).then(function () {
        var canvas = viewer.get('canvas');
        var overlays = viewer.get('overlays');
        var registry = viewer.get('elementRegistry');
        canvas.zoom('fit-viewport');
        heat.steps.forEach(function (step) {
          var element = registry.get(step.activityId);
          if (!element || heat.tickets === 0) {
            return;
          }
          var share = step.tickets / heat.tickets;
          var level = share >= 0.75 ? 4 : share >= 0.5 ? 3 : share >= 0.25 ? 2 : share > 0.05 ? 1 : 0;
          canvas.addMarker(step.activityId, 'heat-' + level);
          var note = document.createElement('div');
          note.className = 'step-note';
          note.setAttribute('data-step', step.activityId);
          note.textContent = step.tickets + (step.tickets === 1 ? ' ticket' : ' tickets')
            + (step.median ? ' · median ' + step.median + ' · p90 ' + step.p90 : '');
          overlays.add(step.activityId, { position: { bottom: 2, left: 0 }, html: note });
        });
        holder.setAttribute('data-drawn', 'true');
        status.textContent = 'Darker steps were taken by more of the ' + heat.tickets
          + ' tickets. Drag the diagram to move it; Ctrl and the mouse wheel zoom.';
      });
    })
    .catch(function (error) {
      status.textContent = error.message;
    });
})();

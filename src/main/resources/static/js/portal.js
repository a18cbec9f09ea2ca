// The request form: an emergency asks for its criteria and phone, and changes when we respond;
// the chosen request type shows its example, its guidance and where it goes, and asks for a
// business justification or a screenshot only when the routing table says so. Without this
// script every part is shown, with the list of all types.
(function () {
  var emergency = document.getElementById('emergency');
  var details = document.getElementById('emergency-details');
  var due = document.getElementById('due');
  var dueLine = document.getElementById('due-line');
  var type = document.getElementById('requestType');
  var example = document.getElementById('example');
  var guidance = document.getElementById('guidance');
  var representative = document.getElementById('representative');
  var types = document.getElementById('types');
  var justification = document.getElementById('justification');
  var screenshot = document.getElementById('screenshot-hint');
  function showEmergency() {
    details.hidden = !emergency.checked;
    due.textContent = emergency.checked ? due.dataset.emergency : due.dataset.standard;
  }
  function showType() {
    var option = type.options[type.selectedIndex];
    var chosen = option && option.value ? option.dataset : {};
    example.textContent = chosen.example ? 'For example: ' + chosen.example : '';
    example.hidden = !chosen.example;
    guidance.textContent = chosen.guidance || '';
    guidance.hidden = !chosen.guidance;
    representative.hidden = chosen.representative !== 'true';
    // The account representative answers those: no Client Services response time to promise.
    dueLine.hidden = chosen.representative === 'true';
    // The routing table says which request types need a business justification; the others do not ask.
    justification.hidden = chosen.justification !== 'true'
      && !document.getElementById('error-businessJustification');
    screenshot.hidden = chosen.ui !== 'true';
  }
  // A file over the upload limits would refuse the whole form; the browser says so before sending it.
  var files = document.getElementById('files');
  function checkFiles() {
    var total = 0;
    var tooLarge = null;
    for (var i = 0; i < files.files.length; i++) {
      total += files.files[i].size;
      if (files.files[i].size > Number(files.dataset.maxFile)) {
        tooLarge = files.files[i].name;
      }
    }
    files.setCustomValidity(tooLarge ? tooLarge + ' is larger than 5 MB: attach a smaller file.'
      : total > Number(files.dataset.maxTotal)
        ? 'These files are larger than 6 MB together: send some now and add the rest on the ticket\'s page.' : '');
  }
  files.addEventListener('change', checkFiles);
  types.hidden = true;
  emergency.addEventListener('change', showEmergency);
  type.addEventListener('change', showType);
  showEmergency();
  showType();
})();

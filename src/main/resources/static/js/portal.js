// The request form: an emergency asks for its criteria and phone, and changes when we respond;
// a request type that needs a business justification asks for one.
(function () {
  var emergency = document.getElementById('emergency');
  var details = document.getElementById('emergency-details');
  var due = document.getElementById('due');
  var type = document.getElementById('requestType');
  var example = document.getElementById('example');
  var justification = document.getElementById('justification');
  function showEmergency() {
    details.hidden = !emergency.checked;
    due.textContent = emergency.checked ? due.dataset.emergency : due.dataset.standard;
  }
  function showExample() {
    var option = type.options[type.selectedIndex];
    var text = option && option.dataset.example;
    example.textContent = text ? 'For example: ' + text : '';
    // The routing table says which request types need a business justification; the others do not ask.
    justification.hidden = !(option && option.dataset.justification === 'true')
      && !document.getElementById('error-businessJustification');
  }
  emergency.addEventListener('change', showEmergency);
  type.addEventListener('change', showExample);
  showEmergency();
  showExample();
})();

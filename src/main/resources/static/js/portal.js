// The request form: an emergency asks for its criteria and phone, and changes when we respond.
(function () {
  var emergency = document.getElementById('emergency');
  var details = document.getElementById('emergency-details');
  var due = document.getElementById('due');
  var type = document.getElementById('requestType');
  var example = document.getElementById('example');
  function showEmergency() {
    details.hidden = !emergency.checked;
    due.textContent = emergency.checked ? due.dataset.emergency : due.dataset.standard;
  }
  function showExample() {
    var option = type.options[type.selectedIndex];
    var text = option && option.dataset.example;
    example.textContent = text ? 'For example: ' + text : '';
  }
  emergency.addEventListener('change', showEmergency);
  type.addEventListener('change', showExample);
  showEmergency();
  showExample();
})();

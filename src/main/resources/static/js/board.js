// The SLA board reloads itself every minute so a wall screen stays current, unless the reader turns
// that off (a page that reloads on its own must let people stop it: WCAG 2.2.1). The choice is kept
// in this browser for the next visit.
(function () {
  var box = document.getElementById('reload');
  if (!box) {
    return;
  }
  var key = 'desk.board.reload';
  var seconds = parseInt(box.getAttribute('data-seconds'), 10) || 60;
  var timer = null;
  function schedule() {
    clearTimeout(timer);
    if (box.checked) {
      timer = setTimeout(function () { window.location.reload(); }, seconds * 1000);
    }
  }
  try {
    if (window.localStorage.getItem(key) === 'off') {
      box.checked = false;
    }
  } catch (e) {
    // Storage may be unavailable (private windows); the board still reloads.
  }
  box.addEventListener('change', function () {
    try {
      window.localStorage.setItem(key, box.checked ? 'on' : 'off');
    } catch (e) {
      // As above.
    }
    schedule();
  });
  schedule();
})();

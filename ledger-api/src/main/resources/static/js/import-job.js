// The import job page: polls the job's progress once a second, shows it, and reloads the page when
// the import has ended so the server shows the result (or every refused row). A script file, not
// inline code: the Content-Security-Policy allows scripts from this site only.
(function () {
  var box = document.getElementById('import-job');
  if (!box) {
    return;
  }
  var url = box.getAttribute('data-progress');
  function grouped(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }
  function set(id, text) {
    var element = document.getElementById(id);
    if (element) {
      element.textContent = text;
    }
  }
  function poll() {
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (p) {
        if (p.done) {
          window.location.reload();
          return;
        }
        set('import-phase', p.phaseName);
        document.getElementById('import-progress').value = p.percent;
        set('import-percent', p.percent + '%');
        set('import-bytes', grouped(p.bytesRead));
        set('import-total-bytes', grouped(p.totalBytes));
        set('import-rows', grouped(p.rowsDecided));
        set('import-total-rows', grouped(p.totalRows));
        window.setTimeout(poll, 1000);
      })
      .catch(function () {
        // The server restarted or the job was forgotten: a reload shows the page's own answer.
        window.setTimeout(function () { window.location.reload(); }, 3000);
      });
  }
  window.setTimeout(poll, 500);
})();

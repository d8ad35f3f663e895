// The record form: shows the chosen budget line's remaining room (可用) as the fund and codes change,
// from the page's own JSON endpoint. The server checks every posting again; this only informs.
(function () {
  var form = document.getElementById('record-form');
  if (!form) {
    return;
  }
  var shown = document.getElementById('record-room');
  var fields = ['f-fund', 'f-functional', 'f-economic'].map(function (id) { return document.getElementById(id); });
  function refresh() {
    var query = new URLSearchParams({ fund: fields[0].value, functional: fields[1].value, economic: fields[2].value });
    fetch(form.getAttribute('data-room') + '?' + query.toString(), { headers: { Accept: 'application/json' } })
      .then(function (answer) { return answer.json(); })
      .then(function (room) { shown.textContent = room.text; })
      .catch(function () { shown.textContent = '暂时无法显示可用资金'; });
  }
  fields.forEach(function (field) {
    field.addEventListener('change', refresh);
    field.addEventListener('input', function () {
      if (field.value.length === Number(field.getAttribute('maxlength'))) {
        refresh();
      }
    });
  });
})();

// The print buttons ([data-print]). A script file, not an onclick attribute: the Content-Security-Policy
// runs scripts served by the ledger only.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });
});

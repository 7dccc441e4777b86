// The print button of the printable records: shown only when this script runs, since without it the button could do nothing.
for (const button of document.querySelectorAll('[data-module="app-print"]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}

// GOV.UK conditional reveals on radios (the govuk-radios tag helper's "reveal" and "reveal-any"): the follow-up question
// shows while one of the choices that open it is chosen; several choices may open the same one. Without JavaScript it is
// always shown, as GOV.UK Frontend hides it only when its script runs.
export function initConditionalReveals(root = document) {
  const openers = new Map();
  for (const input of root.querySelectorAll('input[data-app-reveals]')) {
    const id = input.dataset.appReveals;
    if (!openers.has(id)) openers.set(id, []);
    openers.get(id).push(input);
  }
  for (const [id, inputs] of openers) {
    const container = document.getElementById(id);
    if (!container) continue;
    const sync = () => container.classList.toggle('govuk-radios__conditional--hidden', !inputs.some(input => input.checked));
    const names = new Set(inputs.map(input => input.name));
    for (const name of names) {
      for (const radio of root.querySelectorAll(`input[type="radio"][name="${CSS.escape(name)}"]`)) {
        radio.addEventListener('change', sync);
      }
    }
    sync();
  }
}

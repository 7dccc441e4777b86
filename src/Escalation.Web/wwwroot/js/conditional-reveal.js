// GOV.UK conditional reveals on radios (the govuk-radios tag helper's "reveal"): the follow-up question shows while its
// choice is chosen. Without JavaScript it is always shown, as GOV.UK Frontend hides it only when its script runs.
export function initConditionalReveals(root = document) {
  for (const input of root.querySelectorAll('input[data-app-reveals]')) {
    const container = document.getElementById(input.dataset.appReveals);
    if (!container) continue;
    const sync = () => container.classList.toggle('govuk-radios__conditional--hidden', !input.checked);
    for (const radio of root.querySelectorAll(`input[type="radio"][name="${CSS.escape(input.name)}"]`)) {
      radio.addEventListener('change', sync);
    }
    sync();
  }
}

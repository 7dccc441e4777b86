// The board report's period picker: shows the custom dates only while "Choose the dates" is chosen. Without script
// they are always shown. GOV.UK Frontend's radios module is left off this field, as it marks each radio aria-expanded,
// which a radio may not carry.
const custom = document.getElementById('conditional-custom');
const radios = document.querySelectorAll('input[name="Period"]');

function update() {
  const chosen = document.querySelector('input[name="Period"][value="custom"]');
  if (custom && chosen) {
    custom.classList.toggle('govuk-radios__conditional--hidden', !chosen.checked);
  }
}

radios.forEach((radio) => radio.addEventListener('change', update));
update();

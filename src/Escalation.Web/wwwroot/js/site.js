// Starts GOV.UK Frontend's components (skip link, header menu, error summary focus, radios, and so on), then the
// service's own conditional reveals.
import { initAll } from '/lib/govuk/govuk-frontend.min.js';
import { initConditionalReveals } from '/js/conditional-reveal.js';

initAll();
initConditionalReveals();

// Starts GOV.UK Frontend's components (skip link, header menu, error summary focus, radios, and so on).
import { initAll } from '/lib/govuk/govuk-frontend.min.js';

initAll();

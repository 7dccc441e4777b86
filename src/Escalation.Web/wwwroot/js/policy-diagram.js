// Draws the policy diagram from the Mermaid definition in the page. mermaid.min.js (from npm) loads first.
/* global mermaid */
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral', flowchart: { useMaxWidth: true } });
mermaid.run({ querySelector: '.app-diagram .mermaid' });

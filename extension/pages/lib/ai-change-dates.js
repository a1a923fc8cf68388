// @ts-check
// When LinkedIn's change to train generative AI on members' data applied, per region: the `since` dates of the
// catalog's AI setting (src/catalog/linkedin.json, "gen-ai-improvement"). The catalog keeps them as notes the
// core does not load; tests/js/ai-change-dates.test.mjs fails when this copy and the catalog disagree.

/** @type {Readonly<Record<'eu'|'uk'|'row', string>>} ISO dates (YYYY-MM-DD) */
export const AI_CHANGE_DATES = Object.freeze({ eu: '2025-11-03', uk: '2025-11-03', row: '2024-09-18' });

/**
 * The hand-written part of docs/BENCHMARKS.md: what the profiles showed and what limits each
 * figure. Kept next to the code so a rerun keeps it; update it when the numbers change.
 */
export const ANALYSIS = `
## Analysis

(Profile findings are filled in after the first full run.)
`;

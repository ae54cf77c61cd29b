/**
 * The hand-written part of docs/BENCHMARKS.md: what the profiles showed and what limits each
 * figure. Kept next to the code so a rerun keeps it; update it when the numbers change.
 */
export const ANALYSIS = `
## Analysis (profiles: \`node --import tsx --cpu-prof bench/profile-e2e.ts\`, \`bench/profile-analyse.ts\`)

**The machine.** Two cores shared with the other engineers' test suites during the day: the load
average at the top says how busy the machine was during this run. Under load, absolute times
inflate; the ratios (cases 3 and 4) stay robust because their variants run interleaved, while
the batch speed-up (case 5) suffers most, since a second thread then has no free core.

**Case 2, one click (goal 300 ms, missed).** Rendering the .docx is about three quarters of the
time. Inside it, per 1,000-problem 通报 (2.4 M characters of document.xml), on an idle core:
- docxtemplater filling the nested loops (方面 → 类别 → 问题 with paragraph loops) takes
  ≈ 150 ms: its tag matching, loop and postrender code (\`doc-utils isStarting\`,
  \`postrender utf8Length\`, \`loop.js\`) dominate the profile. That is the engine's floor.
- the zip step: pizzip/pako DEFLATE + crc32 ≈ 92 ms. Fixed in our code (perf commit in
  src/documents/render.ts): renderDocument now zips with fflate (already a dependency,
  browser-safe) in ≈ 66 ms, same size within 1% (case 3 shows both).
- our own work around the engine (template check, view model, value checks, a final
  control-character scan of the output) ≈ 30 ms. A second perf commit (src/documents/format.ts)
  put a plain character-class pre-scan in front of the look-around pattern that strips
  XML-illegal characters: −10 ms on the output scan and the view model went from ≈ 6 to ≈ 2.5 ms.
- .xlsx → grid is exceljs reading the workbook (≈ 49 ms); analysis ≈ 34 ms, spread over
  per-row zod parsing, text normalisation (\`looseKey\`, \`cleanText\`) and \`countMeasures\` —
  no single hot spot.
- the template decides how much XML the engine must copy per problem: templates/通报.docx
  repeats full direct formatting (\`w:rPr\` with four font slots, size, colour, language) in every
  paragraph mark and run, ≈ 4.7 KB of XML per problem. With the run formatting removed (an
  experiment, same data and tags) the output shrinks from 2.4 M to 0.96 M characters and the
  bare docxtemplater render + zip drops by 32 %. Moving that formatting into paragraph styles
  (which can carry the explicit w:eastAsia fonts GB/T 9704 needs) is the largest remaining
  lever — it would bring the one click to ≈ 270 ms — but the templates are their owner's
  design, so it is left to them.
Before the two perf commits the one click measured 363 ms on the quiet machine; after, ≈ 338 ms.

**Case 1, scaling.** The 10k and 50k profiles show the same functions with the same per-row
cost; what grows is the garbage collector (8.8 % → 11.2 % of samples) on the larger heap. Warm
single runs measured 300 ms (10k) and 1,560 ms (50k), 5.2×; repeated runs on a shared machine
are noisier (6.7× at load 7, 5.7× at load 0). Nothing quadratic was found.

**Case 4, anchors.** All three engines produced the same visible text from the same data.
docx-templates evaluates every command as JavaScript in a \`vm\` sandbox (its safe default), which
costs seconds for a thousand problems; easy-template-x is closer but walks an XML DOM.

**Case 5, batch (goal 1.6×, missed).** On two cores the ceiling is well below 2×: a single
Node thread already keeps ≈ 1.2–1.3 cores busy (V8's concurrent garbage collection and JIT
compilation run on helper threads), so a second thread only has the rest of the machine. The
worker also costs ≈ 1 s to start (tsx registration, then exceljs, docxtemplater and our
modules: the "worker ready after" row) plus its own cold JIT, ≈ 2.5 s of extra CPU in all; the
main thread works meanwhile, so only the worker's share is delayed. With both cores full (1.9
busy) the pool is CPU-bound, and the ceiling printed in the case notes (single-thread wall ÷
half the pool's CPU) is ≈ 1.3–1.5× depending on the run. The two perf commits made every document cheaper, which
raised both rows (16.6 → 20.6 docs/s on one thread) but made the fixed start-up a larger share.
What would move it: no TypeScript loader in the workers (a prebuilt JS bundle of the job; tsx
adds a hooks thread and a transform step per module — not measured separately), and a leaner
template (less XML per document). A larger
young generation (\`--max-semi-space-size\` 16/64) did not help.
`;

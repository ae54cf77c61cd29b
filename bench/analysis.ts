/**
 * The hand-written part of docs/BENCHMARKS.md: what the profiles showed and what limits each
 * figure. Kept next to the code so a rerun keeps it; update it when the numbers change.
 */
export const ANALYSIS = `
## Analysis (profiles: \`node --import tsx --cpu-prof bench/profile-e2e.ts\`, \`bench/profile-analyse.ts\`)

**The machine.** The run above shared two cores with the other engineers' test suites (see the
load average at the top). Absolute times are inflated by that; the ratios (cases 3 and 4) are
robust because their variants run interleaved. The batch speed-up (case 5) is the figure most
hurt: with "cores busy" near 0.5 for one thread, a second thread has no free core to run on.

**Case 2, one click (goal 300 ms, missed).** Rendering the .docx is about three quarters of the
time. Inside it, per 1,000-problem 通报 (≈2.9 MB of document.xml):
- docxtemplater filling the nested loops (方面 → 类别 → 问题 with paragraph loops) is the floor
  of this engine: its loop, postrender and tag-matching code (\`doc-utils isStarting\`,
  \`postrender utf8Length\`, \`loop.js\`) dominate the profile. Case 3 shows this floor is most of
  our render time; our template check, view model (≈10 ms) and value checks add ≈ 0.2×.
- the zip step (pizzip → pako DEFLATE and crc32 of the filled document.xml) is ≈ 100 ms warm on
  an idle core. fflate (already a dependency, browser-safe) zips the same parts in ≈ 68 ms at
  level 6 (same size within 1%) — see the performance commit in src/documents/render.ts if it is
  in the log; otherwise it is the first thing to change.
- .xlsx → grid is exceljs reading the workbook (≈ 55 ms warm); analysis ≈ 40–50 ms warm, spread
  over per-row zod parsing, text normalisation (\`looseKey\`, \`cleanText\`) and \`countMeasures\`.
- the template decides how much XML the engine must copy per problem: templates/通报.docx
  repeats full direct formatting (\`w:rPr\` with four font slots, size, colour, language) in every
  paragraph mark and run, ≈ 4.7 KB of XML per problem, so 1,000 problems give 2.4 M characters
  of document.xml. With the run formatting removed (an experiment, same data and tags) the
  output is 0.96 M characters and the bare docxtemplater render + zip drops from 432 ms to
  293 ms (−32 %). Moving that formatting into paragraph styles (which can carry the explicit
  w:eastAsia fonts GB/T 9704 needs) is the largest single lever; it is the templates' design,
  so it is left to their owner.
Warm single runs on a less loaded moment were ≈ 400 ms in total; the 300 ms goal needs both the
zip change and a leaner template.

**Case 1, scaling.** The 10k and 50k profiles show the same functions with the same per-row
cost; what grows is the garbage collector (8.8 % → 11.2 % of samples) on the larger heap. Warm
single runs measured 300 ms (10k) and 1,560 ms (50k), 5.2×; the interleaved medians above,
taken while the machine was shared, are noisier. Nothing quadratic was found.

**Case 4, anchors.** All three engines produced the same visible text from the same data.
docx-templates evaluates every command as JavaScript in a \`vm\` sandbox (its safe default), which
costs seconds for a thousand problems; easy-template-x is closer but walks an XML DOM.

**Case 5, batch.** On two cores the ceiling is well below 2×: a single Node thread already
keeps ≈ 1.2–1.3 cores busy (V8's concurrent garbage collection and JIT compilation run on helper
threads), so a second thread only has the rest of the machine. The worker also costs ≈ 1 s of
CPU to start (tsx registration, then exceljs, docxtemplater and our modules, measured by the
"worker ready after" row) plus its own cold JIT; the main thread works meanwhile, so only the
worker's share is delayed. Measured at a quieter moment (load ≈ 2.4) on the same 100 ledgers:
1 thread 11.2 s wall / 13.7 s CPU, 2 threads 8.3 s wall / 16.0 s CPU → 1.35×, with 1.93 cores
busy — both cores were full. A larger young generation (\`--max-semi-space-size\` 16/64) did
not help. Per document the CPU goes to the same places as in case 2 (docxtemplater's
postrender and loops, pako DEFLATE, exceljs), so the zip change and a leaner template would
speed up the batch as much as the one click.
`;

/**
 * Templates the library tests publish, and the validator they run with (the real one: the
 * documents module's check and a trial render with the example ledger).
 */
import { readFile } from "node:fs/promises";
import { strToU8 } from "fflate";
import { documentsValidator } from "../../../src/server/library/validator";
import { makeDocx } from "./helpers";

export const VALIDATOR = documentsValidator();

/** The shipped template of this kind (templates/报告.docx, templates/通报.docx). */
export async function validTemplate(kind: "报告" | "通报"): Promise<Uint8Array> {
  return new Uint8Array(
    await readFile(new URL(`../../../templates/${kind}.docx`, import.meta.url)),
  );
}

/** A template using one misspelt tag. */
export async function invalidTemplate(tag: string): Promise<Uint8Array> {
  return makeDocx(["{党组织名称}", tag, "{成文日期}"]);
}

/**
 * Passes the tag check but its trial render leaves a tag unfilled: the tag sits in a chart part,
 * which the renderer does not template (as when a clerk types a tag into a chart title).
 */
export async function renderFailingTemplate(): Promise<Uint8Array> {
  return makeDocx(["{党组织名称}", "{成文日期}"], {
    "word/charts/chart1.xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:title><c:tx>{单位名称}整改进度</c:tx></c:title></c:chartSpace>',
    ),
  });
}

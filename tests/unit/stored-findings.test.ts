import { describe, expect, it } from "vitest";
import { storedFindings } from "../../src/server/submissions/repository";

describe("findings read back from a submission store", () => {
  it("keeps a stored detail and gives an older finding its message without the place", () => {
    const now = {
      severity: "warning",
      code: "ledger.seq.gap",
      sheet: "整改台账",
      message: "「整改台账」A5：序号不连续",
      detail: "序号不连续",
    };
    const older = {
      severity: "error",
      code: "ledger.field.required",
      sheet: "整改台账",
      cell: "D7",
      message: "「整改台账」D7：问题为空，请填写问题。",
    };
    expect(storedFindings([now, older])).toEqual([
      now,
      { ...older, detail: "问题为空，请填写问题。" },
    ]);
    expect(storedFindings(null)).toEqual([]);
  });
});

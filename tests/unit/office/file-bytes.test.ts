/**
 * readWorkbookFileBytes (the bytes the pane's 报送 sends from Excel): the slices Office's
 * getFileAsync hands out are joined in order, the file is closed, and a failing slice becomes a
 * Chinese error (the file still closed). Office is a stub here: the fake Excel host has no files.
 */
import { afterEach, describe, expect, it } from "vitest";
import { readWorkbookFileBytes } from "../../../src/office/file-bytes";

type Callback = (result: { status: string; value?: unknown; error?: { message: string } }) => void;

function installOffice(slices: readonly number[][], failAt?: number) {
  const calls = { fileType: "", sliceSize: 0, closed: 0, read: [] as number[] };
  (globalThis as Record<string, unknown>).Office = {
    FileType: { Compressed: "compressed" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      document: {
        getFileAsync(type: string, options: { sliceSize: number }, done: Callback) {
          calls.fileType = type;
          calls.sliceSize = options.sliceSize;
          done({
            status: "succeeded",
            value: {
              sliceCount: slices.length,
              getSliceAsync(index: number, got: Callback) {
                calls.read.push(index);
                if (index === failAt)
                  got({ status: "failed", error: { message: "Internal Error" } });
                else got({ status: "succeeded", value: { data: slices[index] } });
              },
              closeAsync(closed: () => void) {
                calls.closed += 1;
                closed();
              },
            },
          });
        },
      },
    },
  };
  return calls;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
});

describe("the workbook's bytes from Excel", () => {
  it("joins the compressed file's slices in order and closes the file", async () => {
    const calls = installOffice([[0x50, 0x4b, 3], [4, 5], [6]]);
    const bytes = await readWorkbookFileBytes();
    expect([...bytes]).toEqual([0x50, 0x4b, 3, 4, 5, 6]);
    expect(calls).toEqual({
      fileType: "compressed",
      sliceSize: 4 * 1024 * 1024,
      closed: 1,
      read: [0, 1, 2],
    });
  });

  it("turns a failing slice into a Chinese error and still closes the file", async () => {
    const calls = installOffice([[1], [2], [3]], 1);
    await expect(readWorkbookFileBytes()).rejects.toThrow(
      "读取工作簿文件失败（分段读取）：Internal Error。请保存工作簿后重试。",
    );
    expect(calls.closed).toBe(1);
    expect(calls.read).toEqual([0, 1]);
  });
});

import { describe, expect, it } from "vitest";
import {
  isPayloadLimitError,
  OfficeAdapterError,
  officeCall,
  toAdapterError,
} from "../../../src/office/errors";
import { FakeOfficeError } from "../../support/fake-excel";

describe("Office errors in Chinese", () => {
  it("maps known codes to a Chinese message that says what was being done", () => {
    const e = toAdapterError(
      new FakeOfficeError("InvalidOperationInCellEditMode", "edit mode"),
      "写入整改统计表",
    );
    expect(e).toBeInstanceOf(OfficeAdapterError);
    expect(e.code).toBe("InvalidOperationInCellEditMode");
    expect(e.message).toBe(
      "写入整改统计表失败：Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑后重试。",
    );
    expect(toAdapterError(new FakeOfficeError("AccessDenied", "x"), "规范台账").message).toMatch(
      /受保护/,
    );
  });

  it("keeps the host's text for unknown codes and passes adapter errors through", () => {
    const e = toAdapterError(new FakeOfficeError("SomethingNew", "Details here"), "读取工作簿");
    expect(e.message).toBe("读取工作簿失败：Excel 返回了错误（SomethingNew）：Details here。");
    const own = new OfficeAdapterError("模板名称不能为空。", "InvalidTemplate");
    expect(toAdapterError(own, "嵌入模板")).toBe(own);
  });

  it("recognises the web payload limit", async () => {
    expect(isPayloadLimitError(new FakeOfficeError("ResponsePayloadSizeLimitExceeded", ""))).toBe(
      true,
    );
    expect(isPayloadLimitError(new FakeOfficeError("RequestPayloadSizeLimitExceeded", ""))).toBe(
      true,
    );
    expect(isPayloadLimitError(new Error("x"))).toBe(false);
    await expect(
      officeCall("读取工作簿", () =>
        Promise.reject(new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "")),
      ),
    ).rejects.toThrow(/5 MB/);
  });
});

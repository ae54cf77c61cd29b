/**
 * The open workbook's bytes as Excel saves them (Office.context.document.getFileAsync with the
 * compressed file type: the .xlsx), read slice by slice; what the pane's 报送 sends.
 */
import { OfficeAdapterError } from "./errors";

const SLICE_SIZE = 4 * 1024 * 1024;

const fail = (what: string, result: Office.AsyncResult<unknown>) =>
  new OfficeAdapterError(
    `读取工作簿文件失败（${what}）：${result.error?.message ?? "Excel 未能提供文件"}。请保存工作簿后重试。`,
    "FileBytes",
  );

export function readWorkbookFileBytes(): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    Office.context.document.getFileAsync(
      Office.FileType.Compressed,
      { sliceSize: SLICE_SIZE },
      (opened) => {
        if (opened.status !== Office.AsyncResultStatus.Succeeded)
          return reject(fail("打开", opened));
        const file = opened.value;
        const slices: Uint8Array[] = [];
        const close = (then: () => void) => file.closeAsync(() => then());
        const next = (index: number) => {
          if (index >= file.sliceCount) {
            const total = slices.reduce((n, s) => n + s.byteLength, 0);
            const bytes = new Uint8Array(total);
            let at = 0;
            for (const s of slices) {
              bytes.set(s, at);
              at += s.byteLength;
            }
            return close(() => resolve(bytes));
          }
          file.getSliceAsync(index, (slice) => {
            if (slice.status !== Office.AsyncResultStatus.Succeeded)
              return close(() => reject(fail("分段读取", slice)));
            slices.push(new Uint8Array(slice.value.data as ArrayLike<number>));
            next(index + 1);
          });
        };
        next(0);
      },
    );
  });
}

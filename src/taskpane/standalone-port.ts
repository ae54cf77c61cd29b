/**
 * The workbook port for standalone mode (a browser or WPS user opens an .xlsx in the page).
 * exceljs is heavy, so src/xlsx/grid.ts is imported only when a file is actually read.
 * The unit profile lives in localStorage, since there is no workbook to carry it.
 */
import type { WorkbookGrid } from "../core/grid";
import type { UnitProfile } from "../core/profile";
import type { WorkbookPort } from "../ports/workbook";
import { WorkbookReadError } from "../xlsx/read-error";
import { browserChoiceStore } from "./choice-storage";
import { browserProfileStore } from "./profile-storage";

export { PROFILE_STORAGE_KEY } from "./profile-storage";

/** Reading failed in a way the user can fix; the message says how. */
export class WorkbookFileError extends Error {}

function looksLike(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

export async function readXlsxGrid(bytes: Uint8Array, fileName: string): Promise<WorkbookGrid> {
  if (looksLike(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new WorkbookFileError(
      `“${fileName}”是旧版 .xls 或加密的文件。请在 Excel 或 WPS 中“另存为” .xlsx（并取消密码）后再打开。`,
    );
  }
  if (!looksLike(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    throw new WorkbookFileError(
      `“${fileName}”不是 .xlsx 文件。请选择 Excel 或 WPS 保存的 .xlsx 台账。`,
    );
  }
  const { workbookGridFromXlsx } = await import("../xlsx/grid");
  try {
    return await workbookGridFromXlsx(bytes, fileName);
  } catch (error) {
    // A reading limit or a refused zip: the same sentence `zhenggai check` prints.
    if (error instanceof WorkbookReadError) throw new WorkbookFileError(error.message);
    throw new WorkbookFileError(
      `无法读取“${fileName}”：文件可能已损坏。请在 Excel 或 WPS 中打开并重新保存为 .xlsx 后再试。`,
    );
  }
}

/** The file behind each standalone port, for 下载含统计表的副本 (never written back). */
const FILES = new WeakMap<WorkbookPort, { readonly name: string; readonly bytes: Uint8Array }>();

export function standaloneFile(
  port: WorkbookPort,
): { readonly name: string; readonly bytes: Uint8Array } | undefined {
  return FILES.get(port);
}

/** The opened file's bytes, for 报送 (the port's contract has no bytes). */
export const standaloneFileBytes = (port: WorkbookPort): Uint8Array | undefined =>
  FILES.get(port)?.bytes;

export function createStandalonePort(
  fileName: string,
  bytes: Uint8Array,
  storage: Storage | undefined = globalThis.localStorage,
): WorkbookPort {
  let grid: Promise<WorkbookGrid> | undefined;
  const profiles = browserProfileStore(storage);
  const port: WorkbookPort = {
    host: "standalone",
    label: fileName,
    live: null,
    embedded: null,
    choices: browserChoiceStore(fileName, storage),
    // The pane enlarges the preview in place (a page has no host window to open).
    previewWindow: null,
    readWorkbook() {
      // The file in memory never changes: read it once.
      grid ??= readXlsxGrid(bytes, fileName).catch((error: unknown) => {
        grid = undefined;
        throw error;
      });
      return grid;
    },
    loadProfile: () => profiles.load(),
    saveProfile: (profile: UnitProfile) => profiles.save(profile),
  };
  FILES.set(port, { name: fileName, bytes });
  return port;
}

/**
 * Pieces of the pane without a browser: the as-of field's date arithmetic and what counts as a
 * finished date while typing (ChineseDateField.tsx), the standalone store of per-file choices
 * (choice-storage.ts), and the preview dialog's messages (src/office/preview-protocol.ts), which
 * must carry any document in chunks under the size limit and put it back together byte for byte.
 */
import { describe, expect, it } from "vitest";
import { fromBase64 } from "../../../src/office/base64";
import {
  CHUNK_CHARS,
  documentMessages,
  parseMessage,
  type ToDialog,
} from "../../../src/office/preview-protocol";
import { browserChoiceStore } from "../../../src/taskpane/choice-storage";
import { addDays, addMonths, parseTypedDate } from "../../../src/taskpane/tabs/ChineseDateField";

/** A Storage in memory (Node has no localStorage). */
function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, String(v)),
  };
}

describe("the as-of field's dates", () => {
  it("moves by days across months and years, and by months clamped to the month's end", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2026-12-02", 7)).toBe("2026-12-09");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2026-01-15", -1)).toBe("2025-12-15");
  });

  it("takes typed text once it is a whole date, in Chinese, ISO or with other separators", () => {
    expect(parseTypedDate("2026年12月2日", false)).toBe("2026-12-02");
    expect(parseTypedDate("２０２６年１２月２日", false)).toBe("2026-12-02");
    expect(parseTypedDate("2026-12-02", false)).toBe("2026-12-02");
    expect(parseTypedDate("2026/12/25", false)).toBe("2026-12-25");
    expect(parseTypedDate("20261202", false)).toBe("2026-12-02");
    // Still being typed: 2026年12月2 may become the 25th; blur or Enter takes it as it is.
    expect(parseTypedDate("2026年12月2", false)).toBeUndefined();
    expect(parseTypedDate("2026年12月2", true)).toBe("2026-12-02");
    expect(parseTypedDate("2026年13月1日", true)).toBeUndefined();
    expect(parseTypedDate("2026年2月30日", true)).toBeUndefined();
    expect(parseTypedDate("明天", true)).toBeUndefined();
  });
});

describe("standalone choices in the browser, by file name", () => {
  it("keeps each file's as-of date and template apart, under the keys earlier versions used", async () => {
    const storage = memoryStorage();
    const a = browserChoiceStore("甲.xlsx", storage);
    const b = browserChoiceStore("乙.xlsx", storage);
    await a.save({ asOf: "2026-12-02", templateSource: "embedded", templates: { 报告: "县委" } });
    await b.save({ asOf: "2025-01-01" });
    expect(await a.load()).toEqual({
      asOf: "2026-12-02",
      templateSource: "embedded",
      templates: { 报告: "县委" },
    });
    expect(await b.load()).toEqual({ asOf: "2025-01-01" });
    expect(storage.getItem("zhenggai.asOf:甲.xlsx")).toBe("2026-12-02");
    expect(storage.getItem("zhenggai.template:甲.xlsx:报告")).toBe("县委");
    expect(await browserChoiceStore("丙.xlsx", storage).load()).toEqual({});
    expect(await browserChoiceStore("甲.xlsx", undefined).load()).toEqual({});
  });
});

describe("preview dialog messages", () => {
  it("carries a document in chunks under the limit and puts it back byte for byte", () => {
    const docx = new Uint8Array(200_000);
    for (let i = 0; i < docx.length; i++) docx[i] = (i * 31 + (i >> 7)) & 0xff;
    const messages = documentMessages(docx, "报告.docx");
    const [start, ...chunks] = messages;
    expect(start).toEqual({ type: "start", fileName: "报告.docx", chunks: chunks.length });
    expect(chunks.length).toBe(Math.ceil((Math.ceil((docx.length * 4) / 3 / 4) * 4) / CHUNK_CHARS));
    for (const m of chunks) {
      expect(m.type === "chunk" && m.data.length <= CHUNK_CHARS).toBe(true);
    }
    // Through JSON, as messageChild sends them.
    const received = messages.map((m) => parseMessage<ToDialog>(JSON.stringify(m))!);
    const text = received.flatMap((m) => (m.type === "chunk" ? [m.data] : [])).join("");
    expect(Buffer.from(fromBase64(text)).equals(Buffer.from(docx))).toBe(true);
  });

  it("ignores what is not one of its messages", () => {
    expect(parseMessage("not json")).toBeUndefined();
    expect(parseMessage(JSON.stringify({ kind: "x" }))).toBeUndefined();
    expect(parseMessage(42)).toBeUndefined();
    expect(parseMessage(JSON.stringify({ type: "ready" }))).toEqual({ type: "ready" });
  });
});

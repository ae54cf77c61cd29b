/**
 * analyseWorkbook: the whole pure pipeline from a WorkbookGrid to a LedgerAnalysis — find the
 * sheets, read 基本信息, 报告正文 and the ledger, validate, compute statistics. Never throws:
 * everything wrong with the input becomes a finding.
 */
import { todayLocal } from "./dates";
import { makeFinding } from "./findings";
import type { SheetGrid, WorkbookGrid } from "./grid";
import { HEADER_SEARCH_ROWS, headerScore, MIN_HEADER_FIELDS } from "./header";
import { readBasicInfo, validateBasicInfo } from "./info";
import { readLedger } from "./ledger";
import {
  type AnalysisOptions,
  type BasicInfo,
  type Finding,
  type Ledger,
  type LedgerAnalysis,
  type Narrative,
  SHEET,
} from "./model";
import { EMPTY_NARRATIVE, readNarrative } from "./narrative";
import { mergeProfile } from "./profile";
import { SheetView } from "./sheet";
import { computeStats } from "./stats";
import { looseKey } from "./text";
import {
  asOfAfterDocDate,
  declaredInTextFindings,
  ledgerTextCells,
  type TextCell,
  textFindings,
} from "./text-check";
import { validateDeclared, validateRows } from "./validate";
import { SHEET_ALIASES } from "./vocabulary";

type SheetRole = keyof typeof SHEET_ALIASES;

/** Loose sheet-name match: exact alias after looseKey, also ignoring a trailing (1)/副本. */
export function sheetRole(name: string): SheetRole | undefined {
  const k = looseKey(name).replace(/(\(\d+\)|副本|\d+)$/u, "");
  for (const role of Object.keys(SHEET_ALIASES) as SheetRole[]) {
    if (SHEET_ALIASES[role].some((a) => looseKey(a) === k)) return role;
  }
  return undefined;
}

function sheets(wb: WorkbookGrid): SheetGrid[] {
  const list = Array.isArray(wb?.sheets) ? wb.sheets : [];
  return list.filter((s): s is SheetGrid => !!s && typeof s === "object");
}

/** Visible sheets first, then hidden ones, keeping workbook order within each group. */
function byVisibility(list: readonly SheetGrid[]): SheetGrid[] {
  return [...list.filter((s) => !s.hidden), ...list.filter((s) => s.hidden)];
}

export interface LedgerSheetChoice {
  readonly sheet: SheetGrid;
  readonly by: "name" | "header";
}

/**
 * The ledger sheet: by name or alias (canonical name first), else the first sheet whose header
 * matches; visible sheets before hidden ones. 整改统计, 基本信息 and 报告正文 are never the ledger.
 */
export function findLedgerSheet(wb: WorkbookGrid): LedgerSheetChoice | undefined {
  const ordered = byVisibility(sheets(wb));
  for (const hidden of [false, true]) {
    const group = ordered.filter((s) => s.hidden === hidden);
    for (const alias of SHEET_ALIASES.ledger) {
      const hit = group.find(
        (s) => looseKey(String(s.name)).replace(/(\(\d+\)|副本|\d+)$/u, "") === looseKey(alias),
      );
      if (hit) return { sheet: hit, by: "name" };
    }
    // Then sheets whose header matches, those whose name contains a ledger word first
    // (清丰县市政园林局巡察整改台账2024); a statistics sheet never qualifies.
    const candidates = group.filter((s) => {
      const name = looseKey(String(s.name));
      return sheetRole(String(s.name)) === undefined && !/统计/u.test(name);
    });
    const named = (s: SheetGrid) => /台账|台帐|整改清单|问题清单/u.test(looseKey(String(s.name)));
    for (const s of [...candidates.filter(named), ...candidates.filter((x) => !named(x))]) {
      const view = new SheetView(s);
      for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, view.rows); r++) {
        if (headerScore(view, r) >= MIN_HEADER_FIELDS) {
          return { sheet: s, by: named(s) ? "name" : "header" };
        }
      }
    }
  }
  return undefined;
}

function findRoleSheet(wb: WorkbookGrid, role: "info" | "narrative"): SheetGrid | undefined {
  return byVisibility(sheets(wb)).find((s) => sheetRole(String(s.name)) === role);
}

export function analyseWorkbook(wb: WorkbookGrid, options: AnalysisOptions = {}): LedgerAnalysis {
  const asOf = options.asOf ?? todayLocal();
  const precision = options.precision ?? 0;
  // Collected per sheet and returned ledger first: that is where clerks start fixing.
  const ledgerFindings: Finding[] = [];
  const infoFindings: Finding[] = [];
  const narrativeFindings: Finding[] = [];
  const byRow = (list: Finding[]) =>
    list
      .map((f, i) => ({ f, i }))
      .sort((a, b) => (a.f.row ?? 0) - (b.f.row ?? 0) || a.i - b.i)
      .map((x) => x.f);
  // Within a sheet, sheet-wide findings first, then row by row (reading order otherwise).
  const all = () => [...byRow(ledgerFindings), ...byRow(infoFindings), ...narrativeFindings];
  let ledger: Ledger | undefined;
  let info: BasicInfo = {};
  let narrative: Narrative = EMPTY_NARRATIVE;
  try {
    // 基本信息
    const infoSheet = findRoleSheet(wb, "info");
    let infoCells: ReturnType<typeof readBasicInfo>["cells"] = {};
    if (infoSheet) {
      const read = readBasicInfo(new SheetView(infoSheet));
      info = mergeProfile(read.info, options.profile);
      infoCells = read.cells;
      infoFindings.push(
        ...read.findings,
        ...validateBasicInfo(info, read.cells, String(infoSheet.name)),
      );
    } else {
      info = mergeProfile({}, options.profile);
      infoFindings.push(
        makeFinding(
          "workbook.info.missing",
          { sheet: SHEET.info },
          "工作簿中没有“基本信息”工作表：文书将缺少单位名称、巡察组、巡察和反馈日期、发文字号、签发人、主送机关、成文日期和联系方式等内容；可以添加“基本信息”表（两列：项目、内容），或在设置中填写单位信息。",
          { lead: "none" },
        ),
      );
    }

    // 报告正文
    const narrativeSheet = findRoleSheet(wb, "narrative");
    let narrativeCells: TextCell[] = [];
    if (narrativeSheet) {
      const read = readNarrative(new SheetView(narrativeSheet));
      narrative = read.narrative;
      narrativeCells = read.cells;
      narrativeFindings.push(...read.findings, ...textFindings(read.cells));
    } else {
      narrativeFindings.push(
        makeFinding(
          "workbook.narrative.missing",
          { sheet: SHEET.narrative },
          "工作簿中没有“报告正文”工作表：报告的“主要做法”和“下一步打算”将使用模板中的默认段落；可以添加“报告正文”表（三列：部分、小标题、内容）。",
          { lead: "none" },
        ),
      );
    }

    // 整改台账
    const choice = findLedgerSheet(wb);
    if (!choice) {
      ledgerFindings.push(
        makeFinding(
          "workbook.ledger.missing",
          { sheet: SHEET.ledger },
          "找不到整改台账：没有名为“整改台账”（或“台账”“整改清单”等）的工作表，也没有哪个工作表的前10行有台账表头（方面、问题、整改措施、责任部门、完成情况等）。请把台账放在名为“整改台账”的工作表中。",
          { lead: "none" },
        ),
      );
    } else {
      const name = String(choice.sheet.name);
      if (choice.by === "header") {
        ledgerFindings.push(
          makeFinding(
            "workbook.ledger.byHeader",
            { sheet: name },
            `没有名为“整改台账”的工作表，已按表头把「${name}」识别为台账；建议把它改名为“整改台账”。`,
            { lead: "none" },
          ),
        );
      }
      if (choice.sheet.hidden) {
        ledgerFindings.push(
          makeFinding(
            "workbook.ledger.hidden",
            { sheet: name },
            `台账取自隐藏的工作表「${name}」；如果这不是要用的台账，请取消隐藏正确的工作表或删除这一张。`,
            { lead: "none" },
          ),
        );
      }
      const read = readLedger(new SheetView(choice.sheet));
      ledger = read.ledger;
      ledgerFindings.push(...read.findings);
      if (ledger) {
        const reportedCells = new Set(
          read.findings
            .filter((f) => f.code === "ledger.doneDate.invalid" || f.code === "cell.error")
            .map((f) => f.cell ?? ""),
        );
        ledgerFindings.push(
          ...validateRows(ledger, { asOf, feedbackDate: info.feedbackDate, reportedCells }),
          ...textFindings(ledgerTextCells(name, ledger.rows)),
        );
      }
    }

    const stats = computeStats(ledger?.rows ?? [], {
      asOf,
      precision,
      declared: { aspects: info.declaredAspects, problems: info.declaredProblems },
    });
    if (ledger) {
      infoFindings.push(
        ...validateDeclared(
          info,
          infoCells,
          { aspects: stats.aspectCount, problems: stats.total },
          infoSheet ? String(infoSheet.name) : SHEET.info,
        ),
      );
      narrativeFindings.push(
        ...declaredInTextFindings(narrativeCells, {
          aspects: stats.aspectCount,
          problems: stats.total,
          measures: stats.measures,
        }),
      );
    }
    infoFindings.push(
      ...asOfAfterDocDate(asOf, info.docDate, {
        sheet: infoSheet ? String(infoSheet.name) : SHEET.info,
        ...(infoCells.docDate !== undefined ? { cell: infoCells.docDate } : {}),
      }),
    );
    return { ledger, info, narrative, findings: all(), stats };
  } catch (err) {
    // Defensive: a bug must not take the caller down; it becomes a finding.
    ledgerFindings.push(
      makeFinding(
        "workbook.internal",
        { sheet: ledger?.sheet ?? SHEET.ledger },
        `读取工作簿时发生意外错误：${err instanceof Error ? err.message : String(err)}。这是程序缺陷，请反馈。`,
        { lead: "none" },
      ),
    );
    return {
      ledger,
      info,
      narrative,
      findings: all(),
      stats: computeStats([], { asOf, precision }),
    };
  }
}

/**
 * The WorkbookPort inside Excel. Each method is one Excel.run with as few syncs as it can:
 * readWorkbook 2 (sheet list; used ranges + cells), live.writeStatistics 1, live.selectCell 1,
 * live.normaliseLedger 2 + 1, live.fixPunctuation 2 (read the targets, write), live.onChanged 1
 * (+ 1 to remove), live.addLedgerSheets 2 + 2, profile and choices 0 (document settings),
 * embedded templates 1 + one per part; the preview window is a dialog (no sync).
 */
import { analyseWorkbook } from "../core/analyse";
import type { WorkbookGrid } from "../core/grid";
import type { ImportResult } from "../core/import/model";
import { type LedgerAnalysis, SHEET } from "../core/model";
import type { UnitProfile } from "../core/profile";
import type { PunctuationFix } from "../core/punctuation-fix";
import type {
  AddedLedgerSheets,
  EmbeddedTemplate,
  EmbeddedTemplateStore,
  LiveWorkbook,
  PaneChoiceStore,
  WorkbookPort,
} from "../ports/workbook";
import { addLedgerSheetsIn, importedSheetLayouts } from "./add-ledger";
import { documentSettingsChoices } from "./choices";
import { OfficeAdapterError, officeCall, officeErrorCode } from "./errors";
import { excelApiSupported, excelRun, excelRunOn, isExcelOnTheWeb } from "./host";
import { planNormalisation, queueNormalisation } from "./normalise";
import { officePreviewWindow } from "./preview-dialog";
import { loadProfileFromSettings, saveProfileToSettings } from "./profile";
import { fixPunctuationIn } from "./punctuation";
import { type ReadBudget, readWorkbookIn } from "./read";
import { selectCellIn } from "./select";
import { buildStatsLayout } from "./stats-layout";
import {
  decodeTemplate,
  loadTemplateParts,
  parseTemplateXml,
  prepareTemplate,
  templateXml,
} from "./templates";
import { planWriteChunks, WEB_WRITE_BYTES } from "./write-chunks";
import { queueStatisticsSheet } from "./write-stats";

export interface ExcelPortOptions {
  /** Overrides the read budget (tests, benchmarks); default by platform. */
  readonly budget?: ReadBudget;
  /** Request budget for writing 整改统计 on Excel on the web (tests lower it). */
  readonly writeBudgetBytes?: number;
  /** The analysis normaliseLedger uses to find the ledger's columns. */
  readonly analyse?: (grid: WorkbookGrid) => LedgerAnalysis;
}

export interface ExcelWorkbookPort extends WorkbookPort {
  readonly host: "excel";
  readonly live: LiveWorkbook;
  readonly embedded: EmbeddedTemplateStore;
  readonly choices: PaneChoiceStore;
  /** Problems found when embedded templates were last read (corrupted parts are skipped). */
  readonly templateProblems: readonly string[];
}

/** Excel's message for 规范台账 on hosts without ExcelApi 1.8 (Excel 2016). */
export const VALIDATION_UNSUPPORTED =
  "已为日期列设置日期格式；但当前 Excel 版本不支持添加下拉列表（需要 ExcelApi 1.8：Excel 2019、Microsoft 365 或 Excel 网页版），下拉选项未添加。";

export function createExcelWorkbookPort(options: ExcelPortOptions = {}): ExcelWorkbookPort {
  const analyse = options.analyse ?? ((grid: WorkbookGrid) => analyseWorkbook(grid));
  let label = "当前工作簿";
  /** Whether 整改统计 exists, as of the last read or write; undefined: not known. */
  let statsExists: boolean | undefined;
  let templateProblems: string[] = [];

  const readWorkbook = () =>
    officeCall("读取工作簿", () =>
      excelRun(async (context) => {
        const read = await readWorkbookIn(context, options.budget);
        label = read.workbookName || label;
        statsExists = read.statsSheetExists;
        return read.grid;
      }),
    );

  const statsSheetExists = async (context: Excel.RequestContext): Promise<boolean> => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(SHEET.stats);
    sheet.load("name");
    await context.sync();
    return !sheet.isNullObject;
  };

  const writeStatistics = (analysis: LedgerAnalysis) =>
    officeCall("写入整改统计表", async () => {
      const layout = buildStatsLayout(analysis);
      const chunks = isExcelOnTheWeb()
        ? planWriteChunks(layout, options.writeBudgetBytes ?? WEB_WRITE_BYTES)
        : [{ from: 0, to: layout.values.length }];
      const write = (known: boolean | undefined) =>
        excelRun(async (context) => {
          const exists = known ?? (await statsSheetExists(context));
          for (const chunk of chunks) {
            queueStatisticsSheet(context, layout, exists, chunk);
            await context.sync();
          }
        });
      try {
        await write(statsExists);
      } catch (error) {
        // The sheet was added or deleted by hand since the last read: check, then retry once.
        const code = officeErrorCode(error);
        if (
          statsExists === undefined ||
          (code !== "ItemNotFound" && code !== "ItemAlreadyExists")
        ) {
          throw error;
        }
        await write(undefined);
      }
      statsExists = true;
    });

  const selectCell = (sheet: string, address: string) =>
    officeCall(`选中 ${sheet}!${address}`, () =>
      excelRun((context) => selectCellIn(context, sheet, address)),
    );

  /** worksheets.onChanged (ExcelApi 1.7): registered once per subscriber, removed on unsubscribe. */
  const onChanged = (handler: () => void): (() => void) => {
    if (!excelApiSupported("1.7")) return () => {};
    let stopped = false;
    let registration:
      | OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>
      | undefined;
    const removeRegistration = () => {
      const r = registration;
      registration = undefined;
      if (!r) return;
      void excelRunOn(r.context, async (context) => {
        r.remove();
        await context.sync();
      }).catch(() => {});
    };
    Promise.resolve()
      .then(() =>
        excelRun(async (context) => {
          registration = context.workbook.worksheets.onChanged.add(async () => {
            if (!stopped) handler();
          });
          await context.sync();
          if (stopped) removeRegistration();
        }),
      )
      .catch(() => {
        // Without the event the pane still has 重新检查.
        registration = undefined;
      });
    return () => {
      stopped = true;
      removeRegistration();
    };
  };

  const normaliseLedger = () =>
    officeCall("规范台账", async () => {
      const grid = await readWorkbook();
      const ledger = analyse(grid).ledger;
      const sheet = ledger && grid.sheets.find((s) => s.name === ledger.sheet);
      if (!ledger || !sheet) {
        throw new OfficeAdapterError(
          "找不到整改台账工作表（或其表头），无法规范台账。",
          "LedgerNotFound",
        );
      }
      const plan = planNormalisation(ledger, sheet);
      const withValidation = excelApiSupported("1.8");
      await excelRun(async (context) => {
        queueNormalisation(context, plan, withValidation);
        await context.sync();
      });
      if (!withValidation)
        throw new OfficeAdapterError(VALIDATION_UNSUPPORTED, "ValidationUnsupported");
    });

  const fixPunctuation = (fixes: readonly PunctuationFix[]) =>
    officeCall("修正半角标点", () => excelRun((context) => fixPunctuationIn(context, fixes)));

  const addLedgerSheets = (result: ImportResult): Promise<AddedLedgerSheets> =>
    officeCall("导入整改台账", async () => {
      const [grid, layouts] = await Promise.all([readWorkbook(), importedSheetLayouts(result)]);
      return excelRun((context) =>
        addLedgerSheetsIn(context, layouts, grid, {
          withValidation: excelApiSupported("1.8"),
          maxBytes: isExcelOnTheWeb()
            ? (options.writeBudgetBytes ?? WEB_WRITE_BYTES)
            : Number.POSITIVE_INFINITY,
        }),
      );
    });

  const listEmbeddedTemplates = () =>
    officeCall("读取嵌入的模板", () =>
      excelRun(async (context) => {
        const parts = await loadTemplateParts(context);
        const templates: EmbeddedTemplate[] = [];
        const problems: string[] = [];
        for (const part of parts) {
          const decoded = await decodeTemplate(part.xml);
          if (!decoded) continue;
          if ("template" in decoded) templates.push(decoded.template);
          else problems.push(decoded.problem);
        }
        templateProblems = problems;
        return templates;
      }),
    );

  const embedTemplate = (template: EmbeddedTemplate) =>
    officeCall(`嵌入模板“${template.name}”`, () =>
      excelRun(async (context) => {
        const parts = await loadTemplateParts(context);
        const name = template.name.trim();
        let otherBytes = 0;
        const replaced: string[] = [];
        for (const part of parts) {
          const record = parseTemplateXml(part.xml);
          if (record?.name === name) replaced.push(part.id);
          else if (record) otherBytes += Math.floor((record.base64.length * 3) / 4);
        }
        const record = await prepareTemplate(template, otherBytes);
        const collection = context.workbook.customXmlParts;
        for (const id of replaced) collection.getItem(id).delete();
        collection.add(templateXml(record));
        await context.sync();
      }),
    );

  const removeEmbeddedTemplate = (name: string) =>
    officeCall(`移除模板“${name}”`, () =>
      excelRun(async (context) => {
        const parts = await loadTemplateParts(context);
        const collection = context.workbook.customXmlParts;
        let removed = 0;
        for (const part of parts) {
          if (parseTemplateXml(part.xml)?.name === name.trim()) {
            collection.getItem(part.id).delete();
            removed++;
          }
        }
        if (removed === 0) {
          throw new OfficeAdapterError(`工作簿中没有名为“${name}”的嵌入模板。`, "TemplateNotFound");
        }
        await context.sync();
      }),
    );

  return {
    host: "excel",
    get label() {
      return label;
    },
    get templateProblems() {
      return templateProblems;
    },
    readWorkbook,
    loadProfile: async (): Promise<UnitProfile | undefined> => loadProfileFromSettings(),
    saveProfile: (profile: UnitProfile) => saveProfileToSettings(profile),
    live: {
      writeStatistics,
      selectCell,
      normaliseLedger,
      fixPunctuation,
      addLedgerSheets,
      onChanged,
    },
    embedded: {
      list: listEmbeddedTemplates,
      embed: embedTemplate,
      remove: removeEmbeddedTemplate,
    },
    choices: documentSettingsChoices(),
    previewWindow: officePreviewWindow(),
  };
}

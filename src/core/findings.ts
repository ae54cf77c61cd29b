/**
 * The catalogue of finding codes. Severity belongs to the code, so the same problem is always
 * reported the same way; docs/findings.md is generated from this table (see renderFindingsDoc).
 */
import { type Finding, type FindingParams, SEVERITY_LABEL, type Severity } from "./model";

export interface CodeInfo {
  readonly severity: Severity;
  /** What the finding means, in Chinese, for the documentation table. */
  readonly meaning: string;
}

/** A catalogue: code → severity and meaning. */
export type FindingCatalogue = Readonly<Record<string, CodeInfo>>;

export const FINDING_CODES = {
  // Workbook and sheets
  "workbook.ledger.missing": {
    severity: "error",
    meaning: "找不到整改台账工作表（按名称和表头都没有找到）",
  },
  "workbook.ledger.byHeader": {
    severity: "info",
    meaning: "工作表名称不是“整改台账”，按表头识别为台账",
  },
  "workbook.ledger.hidden": { severity: "info", meaning: "台账取自隐藏的工作表" },
  "workbook.info.missing": {
    severity: "warning",
    meaning: "没有“基本信息”工作表，文书将缺少发文信息",
  },
  "workbook.narrative.missing": {
    severity: "info",
    meaning: "没有“报告正文”工作表，文书将使用模板默认段落",
  },
  "workbook.internal": { severity: "error", meaning: "读取时发生意外错误（程序缺陷，请反馈）" },
  // Ledger header
  "ledger.header.notFound": { severity: "error", meaning: "台账前10行中找不到表头" },
  "ledger.header.missingColumn": { severity: "error", meaning: "台账缺少必需的列" },
  "ledger.header.duplicateColumn": {
    severity: "warning",
    meaning: "两列对应同一字段，只读取第一列",
  },
  "ledger.header.unknownColumns": {
    severity: "info",
    meaning: "无法识别的列，已忽略（只提示一次）",
  },
  "ledger.header.repeated": { severity: "info", meaning: "数据中重复出现的表头行，已跳过" },
  "ledger.row.skipped": {
    severity: "info",
    meaning: "表尾说明行（填表人、审核人、备注等），不是问题，已跳过",
  },
  "ledger.empty": { severity: "error", meaning: "台账没有任何问题行" },
  // Ledger cells
  "cell.error": { severity: "error", meaning: "单元格是错误值（如 #N/A），请修正公式或内容" },
  "text.illegalChars": {
    severity: "warning",
    meaning: "文字中含有不能写入Word文档的控制字符，已删除或换成换行",
  },
  "ledger.field.required": { severity: "error", meaning: "必填项为空" },
  "ledger.status.unknown": { severity: "error", meaning: "完成情况不是允许的取值" },
  "ledger.deadline.invalid": {
    severity: "error",
    meaning: "整改时限既不是日期，也不是立行立改/长期坚持/长期",
  },
  "ledger.type.unknown": { severity: "warning", meaning: "整改类型不是立行立改/限期整改/长期整改" },
  "ledger.source.unknown": { severity: "warning", meaning: "来源无法识别，按巡察反馈计" },
  "ledger.public.unknown": { severity: "warning", meaning: "是否公开无法识别，按公开处理" },
  "ledger.result.required": { severity: "error", meaning: "已完成的问题缺少整改成效" },
  "ledger.doneDate.required": { severity: "error", meaning: "已完成的问题缺少完成日期" },
  "ledger.doneDate.invalid": {
    severity: "error",
    meaning: "完成日期不是有效日期（不完整或不存在的日期不会被猜测）",
  },
  "ledger.doneDate.beforeFeedback": { severity: "error", meaning: "完成日期早于反馈日期" },
  "ledger.doneDate.future": { severity: "error", meaning: "完成日期晚于统计截止日期（在未来）" },
  "ledger.evidence.missing": { severity: "warning", meaning: "已完成的问题没有佐证材料" },
  "ledger.seq.duplicate": { severity: "warning", meaning: "序号重复" },
  "ledger.seq.gap": { severity: "warning", meaning: "序号不连续" },
  // 基本信息
  "info.key.unknown": { severity: "info", meaning: "基本信息中无法识别的项目，已忽略" },
  "info.key.duplicate": { severity: "warning", meaning: "基本信息项目重复，只读取第一项" },
  "info.key.missing": { severity: "warning", meaning: "基本信息缺少文书需要的项目" },
  "info.date.invalid": { severity: "error", meaning: "基本信息中的日期无效" },
  "info.number.invalid": { severity: "error", meaning: "基本信息中的数量不是非负整数" },
  "info.dates.order": {
    severity: "error",
    meaning: "日期先后不对：应为巡察开始 ≤ 巡察结束 ≤ 反馈 ≤ 成文",
  },
  "info.docNumber.format": { severity: "error", meaning: "发文字号格式不对：应为 代字〔YYYY〕N号" },
  "info.docNumber.year": { severity: "error", meaning: "发文字号的年份与成文日期的年份不一致" },
  "info.inspectionType.unknown": {
    severity: "warning",
    meaning: "巡察类型不是常规/专项/延伸/集中/机动巡察",
  },
  "info.declared.aspects": { severity: "error", meaning: "声明的反馈方面数与台账实际方面数不一致" },
  "info.declared.problems": {
    severity: "error",
    meaning: "声明的反馈问题数与台账实际问题数不一致",
  },
  "info.phone.format": { severity: "warning", meaning: "联系电话格式不对" },
  "info.email.format": { severity: "warning", meaning: "电子邮箱格式不对" },
  "info.address.format": { severity: "warning", meaning: "邮政地址不完整" },
  // 报告正文
  "narrative.header.notFound": {
    severity: "warning",
    meaning: "报告正文找不到“部分/小标题/内容”表头，未读取",
  },
  "narrative.part.unknown": {
    severity: "warning",
    meaning: "报告正文的“部分”不是主要做法或下一步打算",
  },
  "narrative.count.mismatch": {
    severity: "warning",
    meaning: "报告正文中写的方面数、问题数或整改措施条数与台账不一致",
  },
  // Text that would embarrass the document (text-check.ts)
  "text.halfWidthPunctuation": {
    severity: "warning",
    meaning: "中文里用了半角标点（, ; : ? ! ( )），公文应为全角",
  },
  "text.mojibake": {
    severity: "warning",
    meaning: "文字像是乱码（替换字符、中文中的问号、按错误编码读取的生僻字）",
  },
  "text.unbalanced": { severity: "warning", meaning: "《》“”（）不成对" },
  "text.brokenDate": { severity: "warning", meaning: "文字中的日期缺少年或月（如 1016日）" },
  "text.digitInitial": {
    severity: "warning",
    meaning: "问题以数字开头，排在序号后会读成小数（文书写作“12．”）",
  },
  "info.asOf.afterDocDate": { severity: "warning", meaning: "统计截至日期晚于成文日期" },
  // Per document (documentFindings)
  "document.signer.missing": { severity: "error", meaning: "报告缺少签发人" },
  "document.docNumber.missing": { severity: "warning", meaning: "报告缺少发文字号" },
  "document.recipient.missing": { severity: "warning", meaning: "报告缺少主送机关" },
  "document.issuerMark.missing": { severity: "warning", meaning: "报告缺少发文机关标志" },
  "document.docDate.missing": { severity: "warning", meaning: "缺少成文日期" },
  "document.contact.missing": {
    severity: "error",
    meaning: "公开通报缺少联系方式（电话、地址或邮箱至少一项，且格式正确）",
  },
  // Import from a feedback document or report (zhenggai import)
  "import.paragraph.unplaced": {
    severity: "info",
    meaning: "导入时无法归入问题、方面、整改情况或基本信息的段落，未导入",
  },
  "import.section.skipped": {
    severity: "info",
    meaning: "导入时跳过的部分（意见建议、整改要求），不是问题",
  },
  "import.status.unknown": {
    severity: "info",
    meaning: "导入的完成情况不是可识别的写法，已原样填入台账",
  },
  "import.problem.noAspect": { severity: "info", meaning: "导入的问题前没有方面标题，方面留空" },
  "import.levels.extra": {
    severity: "info",
    meaning: "文档的标题超过方面、类别两层，中间一层未导入",
  },
  "import.problems.none": { severity: "warning", meaning: "文档中没有识别出任何问题" },
} as const satisfies Record<string, CodeInfo>;

/** The codes the core reports (FINDING_CODES); makeFinding takes its severity from there. */
export type CoreFindingCode = keyof typeof FINDING_CODES;

/**
 * The code sets that make up FindingCode, one member per catalogue. Layers above the core add
 * theirs by augmenting this interface (src/documents/findings.ts), so Finding.code is one union
 * while src/core imports nothing from them.
 */
export interface FindingCodeSets {
  readonly core: CoreFindingCode;
}

/** Every finding code, of every catalogue. */
export type FindingCode = FindingCodeSets[keyof FindingCodeSets];

export interface Where {
  readonly sheet: string;
  readonly cell?: string;
  readonly row?: number;
}

/**
 * How a message begins. Most name their place and a colon; some sentences start with the
 * place or the sheet itself (「整改台账」没有“整改成效”列…), and some have no place.
 */
export type MessageLead =
  /** 「整改台账」F7：detail (the default). */
  | "colon"
  /** 「整改台账」第7行detail: the place starts the sentence. */
  | "place"
  /** 「基本信息」detail: the sheet alone starts the sentence, whatever the cell or row. */
  | "sheet"
  /** detail alone. */
  | "none";

export interface FindingOptions {
  readonly lead?: MessageLead;
  readonly params?: FindingParams;
}

/** The one place a message is made: its place (by `lead`) and the detail. */
export function findingMessage(where: Where, detail: string, lead: MessageLead = "colon"): string {
  switch (lead) {
    case "colon":
      return `${placeText(where)}：${detail}`;
    case "place":
      return `${placeText(where)}${detail}`;
    case "sheet":
      return `「${where.sheet}」${detail}`;
    case "none":
      return detail;
  }
}

/** Builds a finding of any catalogue (the documents' use this with their own severity). */
export function buildFinding(
  head: Where & { readonly severity: Severity; readonly code: FindingCode },
  detail: string,
  options: FindingOptions = {},
): Finding {
  const where = { sheet: head.sheet, cell: head.cell, row: head.row };
  return {
    severity: head.severity,
    code: head.code,
    sheet: head.sheet,
    message: findingMessage(where, detail, options.lead),
    ...(head.cell !== undefined ? { cell: head.cell } : {}),
    ...(head.row !== undefined ? { row: head.row } : {}),
    detail,
    ...(options.params !== undefined ? { params: options.params } : {}),
  };
}

/** Builds a finding; the severity comes from the catalogue. */
export function makeFinding(
  code: CoreFindingCode,
  where: Where,
  detail: string,
  options?: FindingOptions,
): Finding {
  return buildFinding({ ...where, severity: FINDING_CODES[code].severity, code }, detail, options);
}

/**
 * The detail of a finding made before findings carried one (报送 keeps findings as JSON): its
 * message without the place it starts with (「整改台账」F7：…), or the message as it is.
 */
export function detailOfMessage(f: Pick<Finding, "sheet" | "cell" | "message">): string {
  const prefix = cellPlace(f.sheet, f.cell);
  if (!f.message.startsWith(prefix)) return f.message;
  return f.message.slice(prefix.length).replace(/^[：:，,\s]+/u, "") || f.message;
}

/** A cell's place in a message: 「整改台账」F7 (「基本信息」 when the cell is unknown). */
export function cellPlace(sheet: string, cell?: string): string {
  return `「${sheet}」${cell ?? ""}`;
}

/** A location prefix for messages: 「整改台账」F7 / 「整改台账」第7行 / 「基本信息」. */
export function placeText(where: Where): string {
  if (where.cell) return cellPlace(where.sheet, where.cell);
  if (where.row !== undefined) return `「${where.sheet}」第${where.row}行`;
  return `「${where.sheet}」`;
}

/** The sections of docs/findings.md, in order, each taking the codes whose prefix it lists. */
const DOC_SECTIONS: readonly { readonly title: string; readonly prefixes: readonly string[] }[] = [
  { title: "台账", prefixes: ["workbook.", "ledger.", "cell."] },
  { title: "基本信息", prefixes: ["info.", "narrative."] },
  { title: "导入", prefixes: ["import."] },
  { title: "文字", prefixes: ["text."] },
  { title: "模板", prefixes: ["template.", "library."] },
  { title: "生成", prefixes: ["document."] },
];

/**
 * docs/findings.md, generated from FINDING_CODES and the catalogues of the layers above
 * (src/documents/findings.ts passes its own; the core cannot import it).
 */
export function renderFindingsDoc(...others: readonly FindingCatalogue[]): string {
  const lines = [
    "# Findings",
    "",
    "<!-- Generated from the finding catalogues (FINDING_CODES in src/core/findings.ts,",
    "     DOCUMENT_FINDING_CODES in src/documents/findings.ts); tests/unit/core/findings-doc.test.ts",
    "     checks this file. Regenerate: UPDATE_FINDINGS_DOC=1 npx vitest run tests/unit/core/findings-doc.test.ts -->",
    "",
    "Every finding has a severity (错误 error / 警告 warning / 提示 info), a stable code, the sheet,",
    "the cell (A1) or row, and a Chinese message saying what is wrong and what is expected.",
    "The message is its place and its `detail` (「整改台账」F7：detail); `params` name the field",
    "(a ledger column, a 基本信息 key or a 报告正文 column), the tag or the value it is about.",
    "Errors stop document generation unless forced; warnings and info do not.",
  ];
  const all = Object.entries(Object.assign({}, FINDING_CODES, ...others) as FindingCatalogue);
  const placed = new Set<string>();
  for (const section of DOC_SECTIONS) {
    const rows = all.filter(([code]) => section.prefixes.some((p) => code.startsWith(p)));
    if (rows.length === 0) continue;
    lines.push(
      "",
      `## ${section.title}`,
      "",
      "| code | severity | meaning |",
      "| --- | --- | --- |",
    );
    for (const [code, info] of rows) {
      placed.add(code);
      lines.push(
        `| \`${code}\` | ${info.severity} (${SEVERITY_LABEL[info.severity]}) | ${info.meaning} |`,
      );
    }
  }
  const stray = all.filter(([code]) => !placed.has(code)).map(([code]) => code);
  // A new prefix needs a section; failing here keeps every code in the document.
  if (stray.length > 0) throw new Error(`findings without a section: ${stray.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

/** Findings for a cell read as text: an error value, or characters removed for XML. */
export function cellTextFindings(
  t: { readonly removed: readonly string[]; readonly error?: string },
  where: { readonly sheet: string; readonly cell: string; readonly row: number },
  label: string,
  field?: NonNullable<FindingParams["field"]>,
): Finding[] {
  const out: Finding[] = [];
  const params = field !== undefined ? { field } : undefined;
  if (t.error !== undefined) {
    out.push(
      makeFinding(
        "cell.error",
        where,
        `${label}是错误值 ${t.error}，请修正公式或直接填写${label}。`,
        { params: { ...params, value: t.error } },
      ),
    );
  }
  if (t.removed.length > 0) {
    const list = [...new Set(t.removed)].join("、");
    const vt = t.removed.includes("U+000B") ? "（U+000B 换成了换行）" : "";
    out.push(
      makeFinding(
        "text.illegalChars",
        where,
        `${label}中含有不能写入Word文档的控制字符 ${list}，生成文书时已删除${vt}；建议在表格中清除。`,
        { params },
      ),
    );
  }
  return out;
}

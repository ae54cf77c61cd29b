/**
 * What `zhenggai check` prints: the JSON shape (a stable contract for scripts) and the text
 * report (findings by severity, then the statistics tables).
 */

import { detailOfMessage } from "../core/findings";
import {
  type Finding,
  type GroupStats,
  type LedgerAnalysis,
  SEVERITY_LABEL,
  type Severity,
  STATUSES,
  type Status,
} from "../core/model";

export interface CheckJsonFinding {
  severity: Severity;
  code: string;
  sheet: string;
  cell: string | null;
  row: number | null;
  message: string;
}

export interface CheckJsonGroup {
  name: string;
  total: number;
  done: number;
  completionRate: number;
  completionRateText: string;
  byStatus: Record<Status, number>;
}

export interface CheckJson {
  findings: CheckJsonFinding[];
  stats: {
    asOf: string;
    precision: number;
    total: number;
    done: number;
    /** done ÷ total, unrounded, 0..1. */
    completionRate: number;
    completionRateText: string;
    /** Every canonical status, 0 when none. */
    byStatus: Record<Status, number>;
    /** Largest-remainder percentages at the chosen precision (with unreadShare: 100). */
    statusShares: Record<Status, number>;
    /** Feedback rows whose 完成情况 could not be read (未识别), and their share. */
    unread: number;
    unreadShare: number;
    selfFound: number;
    selfFoundDone: number;
    overdue: number;
    overdueItems: Array<{
      row: number;
      seq: string;
      aspect: string;
      problem: string;
      department: string;
      deadline: string;
      status: Status | null;
      daysOverdue: number;
    }>;
    measures: number;
    rules: number;
    ruleTitles: string[];
    /** 《…》 titles left out of the 制度 count, with the reason (rules.ts). */
    ruleTitlesLeftOut: Array<{ title: string; reason: string; row: number | null }>;
    nonPublic: number;
    aspectCount: number;
    declaredAspects: number | null;
    declaredProblems: number | null;
    byAspect: CheckJsonGroup[];
    byDepartment: CheckJsonGroup[];
  };
}

const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

function allStatuses(counts: Readonly<Partial<Record<Status, number>>>): Record<Status, number> {
  const out = {} as Record<Status, number>;
  for (const s of STATUSES) out[s] = counts[s] ?? 0;
  return out;
}

function groupJson(g: GroupStats): CheckJsonGroup {
  return {
    name: g.name,
    total: g.total,
    done: g.done,
    completionRate: g.completionRate,
    completionRateText: g.completionRateText,
    byStatus: allStatuses(g.byStatus),
  };
}

/** The `--json` object: findings in severity order, then the statistics. */
export function checkJson(analysis: LedgerAnalysis): CheckJson {
  const s = analysis.stats;
  return {
    findings: sortFindings(analysis.findings).map((f) => ({
      severity: f.severity,
      code: f.code,
      sheet: f.sheet,
      cell: f.cell ?? null,
      row: f.row ?? null,
      message: f.message,
    })),
    stats: {
      asOf: s.asOf,
      precision: s.precision,
      total: s.total,
      done: s.done,
      completionRate: s.completionRate,
      completionRateText: s.completionRateText,
      byStatus: allStatuses(s.byStatus),
      statusShares: allStatuses(s.statusShares),
      unread: s.unread,
      unreadShare: s.unreadShare,
      selfFound: s.selfFound.total,
      selfFoundDone: s.selfFound.done,
      overdue: s.overdue.length,
      overdueItems: s.overdue.map((o) => ({ ...o })),
      measures: s.measures,
      rules: s.rules.length,
      ruleTitles: [...s.rules],
      ruleTitlesLeftOut: s.rulesLeftOut.map((t) => ({
        title: t.title,
        reason: t.reason,
        row: t.row ?? null,
      })),
      nonPublic: s.nonPublic,
      aspectCount: s.aspectCount,
      declaredAspects: s.declared.aspects ?? null,
      declaredProblems: s.declared.problems ?? null,
      byAspect: s.byAspect.map(groupJson),
      byDepartment: s.byDepartment.map(groupJson),
    },
  };
}

/** Severity first (errors, warnings, notes); within one severity the core's order is kept. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return SEVERITY_ORDER.flatMap((sev) => findings.filter((f) => f.severity === sev));
}

/** `整改台账!K5`, `整改台账 第5行` or just the sheet name. */
export function findingLocation(f: Finding): string {
  if (f.cell) return `${f.sheet}!${f.cell}`;
  if (f.row !== undefined) return `${f.sheet} 第${f.row}行`;
  return f.sheet;
}

// ---------------------------------------------------------------------------------------------
// Text report

/**
 * A message without its location, for a finding that may lack `detail`: one stored before
 * findings had it (报送 keeps findings as JSON). The text report prints `detail` itself.
 */
export function messageWithoutLocation(
  f: Pick<Finding, "sheet" | "cell" | "message"> & { readonly detail?: string },
): string {
  return f.detail ?? detailOfMessage(f);
}

/** Terminal columns a string occupies: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    w +=
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      cp >= 0x20000
        ? 2
        : 1;
  }
  return w;
}

function pad(text: string, width: number, align: "left" | "right" = "left"): string {
  const gap = " ".repeat(Math.max(0, width - displayWidth(text)));
  return align === "left" ? text + gap : gap + text;
}

/** A plain aligned table; numeric-looking columns are right-aligned. */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string[] {
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ""))),
  );
  const numeric = header.map(
    (_, i) => rows.length > 0 && rows.every((r) => /^[\d.,%\s-]*$/.test(r[i] ?? "")),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0, numeric[i] ? "right" : "left"))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
}

function percent(value: number, precision: number): string {
  return `${value.toFixed(precision)}%`;
}

function groupRows(groups: readonly GroupStats[]): string[][] {
  return groups.map((g) => [
    g.name || "（空）",
    String(g.total),
    String(g.done),
    g.completionRateText,
  ]);
}

/** The human-readable report. */
export function formatCheckText(analysis: LedgerAnalysis, fileLabel: string): string {
  const out: string[] = [];
  const s = analysis.stats;
  const ledger = analysis.ledger;
  out.push(
    `${fileLabel}：工作表“${ledger?.sheet ?? "整改台账"}”，${s.total} 个反馈问题` +
      (s.selfFound.total > 0 ? `、${s.selfFound.total} 个自查问题` : "") +
      `，统计截至 ${s.asOf}`,
  );
  out.push("");

  const counts = SEVERITY_ORDER.map(
    (sev) => [sev, analysis.findings.filter((f) => f.severity === sev)] as const,
  );
  if (analysis.findings.length === 0) {
    out.push("检查结果：没有发现问题。");
  } else {
    out.push(
      `检查结果：${counts.map(([sev, list]) => `${SEVERITY_LABEL[sev]} ${list.length} 项`).join("，")}`,
    );
    for (const [sev, list] of counts) {
      if (list.length === 0) continue;
      out.push("", `${SEVERITY_LABEL[sev]}（${list.length}）`);
      // The location is printed in front: the detail, not the message that repeats it.
      for (const f of list) out.push(`  ${findingLocation(f)}  ${f.detail}  [${f.code}]`);
    }
  }

  out.push("", "统计");
  const statRows: string[][] = [
    ["问题总数", String(s.total)],
    ["已完成（销号）", String(s.done)],
    ["完成率", s.completionRateText],
  ];
  for (const status of STATUSES) {
    statRows.push([
      `  ${status}`,
      `${s.byStatus[status] ?? 0}（${percent(s.statusShares[status] ?? 0, s.precision)}）`,
    ]);
  }
  if (s.unread > 0) {
    statRows.push(["  未识别", `${s.unread}（${percent(s.unreadShare, s.precision)}）`]);
  }
  statRows.push(
    ["自查问题", `${s.selfFound.total}（已完成 ${s.selfFound.done}）`],
    ["超期未完成", String(s.overdue.length)],
    ["整改措施", `${s.measures} 条`],
    ["制度", `${s.rules.length} 项`],
  );
  if (s.declared.problems !== undefined || s.declared.aspects !== undefined) {
    statRows.push([
      "声明数",
      [
        s.declared.aspects !== undefined ? `${s.declared.aspects} 个方面` : "",
        s.declared.problems !== undefined ? `${s.declared.problems} 个问题` : "",
      ]
        .filter(Boolean)
        .join("、"),
    ]);
  }
  out.push(...formatTable(["项目", "数值"], statRows).map((l) => `  ${l}`));

  if (s.overdue.length > 0) {
    out.push("", "超期未完成");
    out.push(
      ...formatTable(
        ["行", "序号", "责任部门", "整改时限", "超期天数", "问题"],
        s.overdue.map((o) => [
          String(o.row),
          o.seq,
          o.department,
          o.deadline,
          String(o.daysOverdue),
          truncate(o.problem, 30),
        ]),
      ).map((l) => `  ${l}`),
    );
  }
  if (s.byAspect.length > 0) {
    out.push("", "按方面");
    out.push(
      ...formatTable(["方面", "问题数", "完成", "完成率"], groupRows(s.byAspect)).map(
        (l) => `  ${l}`,
      ),
    );
  }
  if (s.byDepartment.length > 0) {
    out.push("", "按责任部门");
    out.push(
      ...formatTable(["责任部门", "问题数", "完成", "完成率"], groupRows(s.byDepartment)).map(
        (l) => `  ${l}`,
      ),
    );
  }
  if (s.rules.length > 0) {
    out.push("", `制度（${s.rules.length} 项）：${s.rules.map((t) => `《${t}》`).join("")}`);
  }
  if (s.rulesLeftOut.length > 0) {
    // Listed so a clerk can check the count: every 《…》 title not counted, with the reason.
    out.push("", `未计入制度数的书名号标题（${s.rulesLeftOut.length} 项）`);
    out.push(
      ...formatTable(
        ["行", "标题", "原因"],
        s.rulesLeftOut.map((t) => [
          t.row !== undefined ? String(t.row) : "",
          `《${truncate(t.title, 30)}》`,
          t.reason,
        ]),
      ).map((l) => `  ${l}`),
    );
  }
  const errorCount = analysis.findings.filter((f) => f.severity === "error").length;
  out.push(
    "",
    errorCount > 0
      ? `结论：有 ${errorCount} 项错误，请先在台账中修正，再生成整改情况报告和通报。`
      : "结论：没有错误，可以生成整改情况报告和通报。",
  );
  return `${out.join("\n")}\n`;
}

function truncate(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, " ");
  const chars = [...oneLine];
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : oneLine;
}

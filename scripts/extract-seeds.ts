/**
 * One-off extractor: parses the published reports in examples/seeds (copies of ../shared/seeds) into examples/data/*.json
 * (the ledger rows, 基本信息 and 报告正文 each report supports). What the reports do not say
 * (责任领导/责任部门/责任人/整改时限/完成日期, the 整改措施 column, some 基本信息) is filled with
 * plausible values and marked as such in 备注 / 说明. Run: npx tsx scripts/extract-seeds.ts
 * The output was checked by hand; rerunning it overwrites the data files.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ExampleData, ExampleRow } from "./example-data";

const seedsDir = fileURLToPath(new URL("../examples/seeds/", import.meta.url));
const dataDir = fileURLToPath(new URL("../examples/data/", import.meta.url));

const seedText = (name: string) =>
  readFileSync(`${seedsDir}${name}`, "utf8").replace(/\r\n?/g, "\n");
const lines = (text: string) =>
  text.split("\n").map((l) => l.replace(/[\s\u3000]+$/u, "").replace(/^[\s\u3000]+/u, ""));

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮";

/**
 * A plausible 整改措施 column from the published 整改成效: the first clause of each numbered
 * item (一是…二是…, ①②…), renumbered ①②…; a report lists what was done, a ledger lists what
 * will be done, and the clauses are the measures.
 */
export function measuresFrom(result: string): string {
  const paragraphs = result.split("\n").filter((l) => l.trim() !== "");
  const text = paragraphs.join("");
  let items: string[];
  if (paragraphs.length > 1) {
    // Paragraphs led by a short topic sentence ("认真开展学习。…"): one measure each.
    items = paragraphs.map((p) => p.replace(/^[一二三四五六七八九十]是/u, ""));
  } else if (/①/u.test(text)) {
    items = text.split(/[①②③④⑤⑥⑦⑧⑨⑩]/u).slice(1);
  } else if (/一是/u.test(text)) {
    items = text.split(/(?:^|[。；;，,])\s*[一二三四五六七八九十]是/u).slice(1);
  } else {
    items = [text];
  }
  const clauses = items
    .map((item) => firstClause(item.trim()))
    .filter((c) => c.length > 0)
    .map((c) => c.replace(/[，,、：:]+$/u, ""));
  if (clauses.length <= 1) return `${clauses[0] ?? ""}。`;
  return clauses
    .map((c, i) => `${CIRCLED[i] ?? `${i + 1}.`}${c}；`)
    .join("")
    .replace(/；$/u, "。");
}

/** The first sentence of a measure, shortened at a comma, never inside 《…》. */
function firstClause(item: string): string {
  const sentence = item.split(/[。；;]/u)[0] ?? "";
  const chars = [...sentence];
  if (chars.length <= 40) return sentence;
  const commas = chars.flatMap((ch, i) => (ch === "，" || ch === "," ? [i] : []));
  const inTitle = (i: number) => {
    const before = chars.slice(0, i).join("");
    return (before.match(/《/gu)?.length ?? 0) > (before.match(/》/gu)?.length ?? 0);
  };
  const ok = commas.filter((i) => i >= 16 && i <= 60 && !inTitle(i));
  const within = ok.filter((i) => i <= 40);
  const cut = within.length > 0 ? within[within.length - 1] : ok[0];
  if (cut !== undefined) return chars.slice(0, cut).join("");
  // No usable comma: keep the whole sentence rather than cut a word or a title in half.
  return sentence;
}

/** Assigns a 责任部门 by keyword; the seeds name no departments per problem. */
function departmentFor(
  text: string,
  table: ReadonlyArray<readonly [RegExp, string]>,
  fallback: string,
): string {
  for (const [re, dept] of table) if (re.test(text)) return dept;
  return fallback;
}

const PLAUSIBLE_NOTE =
  "责任领导、责任部门、责任人、整改时限、完成日期为示例值（原文未载）；整改措施据整改成效归纳";

function firstSentence(s: string): string {
  return s.split("。")[0] ?? s;
}

function stripTrailingPeriod(s: string): string {
  return s.replace(/[。.]$/u, "");
}

// ---------------------------------------------------------------------------------------------
// Seed 000: 中共清丰县市政园林局党组, red-header report, three levels, 48 of 74 problems listed.

function seed000(): ExampleData {
  const all = lines(seedText("000_c7b0a0624ccb5840.txt"));
  const start = all.indexOf("二、整改完成情况");
  const end = all.findIndex((l) => l.startsWith("三、下一步工作打算"));
  const rows: ExampleRow[] = [];
  let aspect = "";
  let category = "";
  let current: ExampleRow | undefined;
  const depts: ReadonlyArray<readonly [RegExp, string]> = [
    [/燃气|供气/u, "供气管理股"],
    [/供暖|供热/u, "供热管理股"],
    [/垃圾|公厕|清扫|渗滤液|环卫/u, "环境卫生股"],
    [/财务|加油|经费|报销|固定资产|工会|审计/u, "财务股"],
    [/工程|项目|招投标|立项/u, "工程建设股"],
    [/公园|游园|绿化|绿地|苗木/u, "园林绿化股"],
    [/干部|人才|考勤|请销假|班子不健全|职数|岗位职责/u, "人事股"],
    [/意识形态|学习强国|宣传/u, "宣传信息股"],
    [/纪检|廉|红白喜事|三重一大|监督/u, "机关纪委"],
    [/党|学习|理论/u, "党建办公室"],
  ];
  for (const line of all.slice(start + 1, end)) {
    if (!line) continue;
    let hit: RegExpExecArray | null = null;
    const test = (re: RegExp): boolean => {
      hit = re.exec(line);
      return hit !== null;
    };
    const g = (i: number): string => (hit as RegExpExecArray | null)?.[i] ?? "";
    if (test(/^[（(]([一二三四五六七八九十]+)[）)](.+)$/u)) {
      aspect = stripTrailingPeriod(g(2).trim());
      category = "";
    } else if (test(/^[（(](\d+)[）)](.+)$/u)) {
      current = { seq: g(1), aspect, category, problem: g(2).trim() };
      rows.push(current);
    } else if (test(/^整改成效[：:](.*)$/u)) {
      current!.result = g(1).trim();
    } else if (test(/^完成情况[：:](.*)$/u)) {
      current!.status = g(1).trim();
    } else if (test(/^(\d+)[.．、](.+)$/u)) {
      category = stripTrailingPeriod(g(2).trim());
    } else {
      // An unnumbered sub-heading (the seed's third item under 整改不彻底 has no number).
      category = stripTrailingPeriod(line);
    }
  }

  const leaders = ["常良涛", "高志伟"];
  const owners: Record<string, string> = {
    供气管理股: "刘建军",
    供热管理股: "赵海涛",
    环境卫生股: "孙立新",
    财务股: "王丽娟",
    工程建设股: "陈志强",
    园林绿化股: "李卫东",
    人事股: "张红梅",
    宣传信息股: "郭晓燕",
    机关纪委: "杨国栋",
    党建办公室: "马俊峰",
  };
  rows.forEach((r, i) => {
    const dept = departmentFor(
      `${r.category}${firstSentence(r.problem ?? "")}`,
      depts,
      "党建办公室",
    );
    r.measures = measuresFrom(r.result ?? "");
    r.leader = /党|学习|意识形态|廉|纪检|干部|班子|三重一大|理论|整改/u.test(
      `${r.aspect}${r.problem}`,
    )
      ? leaders[0]
      : leaders[1];
    r.department = dept;
    r.owner = owners[dept] ?? "马俊峰";
    const longTerm = /长期坚持/u.test(r.status ?? "");
    r.deadline = i % 5 === 0 ? "立行立改" : "2023-12-31";
    r.type = i % 5 === 0 ? "立行立改" : longTerm ? "长期整改" : "限期整改";
    r.doneDate = i % 5 === 0 ? "2023-11-10" : `2023-12-${String(10 + (i % 19)).padStart(2, "0")}`;
    r.evidence = "整改台账及相关会议记录、制度文件";
    r.note = PLAUSIBLE_NOTE;
  });

  // 主要做法: section 一 (two headed paragraphs); 下一步打算: section 三.
  const practices = [];
  const s1 = all.indexOf("一、认真开展整改");
  for (let i = s1 + 1; i < start; i++) {
    const m = /^[（(]([一二三四五六七八九十]+)[）)](.+)$/u.exec(all[i]!);
    if (m)
      practices.push({
        part: "主要做法" as const,
        heading: stripTrailingPeriod(m[2]!.trim()),
        text: all[i + 1]!.trim(),
      });
  }
  const next = all
    .slice(end + 1)
    .filter((l) => l && !/^中共清丰县市政园林局党组$/u.test(l))
    .map((text) => ({ part: "下一步打算" as const, heading: "", text }));

  return {
    file: "清丰县市政园林局-整改台账.xlsx",
    seed: "000_c7b0a0624ccb5840.txt",
    description:
      "中共清丰县市政园林局党组关于落实县委第一巡察组反馈意见整改情况的报告：三级（方面/类别/问题），报告声明 4 个方面 74 个问题，实际列出 48 个。",
    layout: { title: "清丰县市政园林局落实县委第一巡察组反馈意见整改台账", mergeAspect: true },
    info: [
      { field: "unitName", value: "清丰县市政园林局", note: "据原文" },
      { field: "partyOrgName", value: "中共清丰县市政园林局党组", note: "据原文" },
      { field: "inspectionGroup", value: "县委第一巡察组", note: "据原文" },
      { field: "inspectionType", value: "常规巡察", note: "据原文（开展了常规巡察）" },
      { field: "inspectionStart", value: "2023-07-28", note: "据原文" },
      { field: "inspectionEnd", value: "2023-09-11", note: "据原文" },
      { field: "feedbackDate", value: "2023-10-23", note: "据原文" },
      { field: "declaredAspects", value: 4, note: "据原文“4个方面74个问题”" },
      {
        field: "declaredProblems",
        value: 74,
        note: "据原文；但原文只列出 48 个问题，校验会报告不一致",
      },
      { field: "suggestionCount", value: 4, note: "据原文“提出了4点意见建议”" },
      {
        field: "issuerMark",
        value: "中共清丰县市政园林局党组",
        note: "示例值（原文为党组名义，发文机关标志未单独载明）",
      },
      { field: "docNumber", value: "清市政党组〔2024〕1号", note: "据原文" },
      { field: "signer", value: "常良涛", note: "据原文" },
      {
        field: "recipient",
        value: "中共清丰县委巡察工作领导小组办公室",
        note: "示例值（原文未载）",
      },
      {
        field: "docDate",
        value: "2024-01-10",
        note: "示例值（原文未载成文日期；年份与发文字号一致）",
      },
      { field: "cc", value: "", note: "原文未载" },
      { field: "printer", value: "中共清丰县市政园林局党组办公室", note: "示例值（原文未载）" },
      { field: "printDate", value: "2024-01-10", note: "示例值（原文未载）" },
      { field: "phone", value: "", note: "原文为上报报告，未公布联系方式" },
      { field: "address", value: "", note: "原文未载" },
      { field: "email", value: "", note: "原文未载" },
    ],
    narrative: [...practices, ...next],
    rows,
  };
}

// ---------------------------------------------------------------------------------------------
// Seed 001: 中共邵阳市园林绿化中心委员会, public notice, 25 problems (18 完成, 7 长期整改I).

function seed001(): ExampleData {
  const all = lines(seedText("001_f84cbc671bac7b6c.txt"));
  const start = all.findIndex((l) => l.startsWith("二、集中整改期内已完成的整改事项"));
  const end = all.findIndex((l) => l.startsWith("三、下一步整改工作安排"));
  const rows: ExampleRow[] = [];
  let aspect = "";
  let current: ExampleRow | undefined;
  for (const line of all.slice(start + 1, end)) {
    if (!line) continue;
    let hit: RegExpExecArray | null = null;
    const test = (re: RegExp): boolean => {
      hit = re.exec(line);
      return hit !== null;
    };
    const g = (i: number): string => (hit as RegExpExecArray | null)?.[i] ?? "";
    if (test(/^(?:[（(][一二三四五六七八九十]+[）)])?反馈问题[：:](.+)$/u)) {
      aspect = stripTrailingPeriod(g(1).trim());
    } else if (test(/^(\d+)[.．](.+)$/u)) {
      current = { seq: g(1), aspect, problem: g(2).trim() };
      rows.push(current);
    } else if (test(/^整改结果[：:](.*)$/u)) {
      current!.status = g(1).trim();
    } else if (test(/^整改情况[：:](.*)$/u)) {
      current!.result = g(1).trim();
    } else {
      throw new Error(`seed 001: unexpected line ${line}`);
    }
  }
  const depts: ReadonlyArray<readonly [RegExp, string]> = [
    [/采购|财务|资金|企业|脱钩/u, "财务科"],
    [/职级|编外|用工|干部作风|选人/u, "人事部"],
    [/绿地|苗木|苗圃|古树|垃圾|园林绿化作业/u, "生产技术科"],
    [/公园|游乐|扰民/u, "公园管理科"],
    [/廉政|警示|三重一大/u, "纪检监察室"],
  ];
  const owners: Record<string, string> = {
    财务科: "刘芳",
    人事部: "周敏",
    生产技术科: "谭志刚",
    公园管理科: "罗建华",
    纪检监察室: "曾庆林",
    党委办公室: "李娟",
  };
  rows.forEach((r, i) => {
    const dept = departmentFor(`${r.aspect}${r.problem}`, depts, "党委办公室");
    const longTerm = /长期/u.test(r.status ?? "");
    r.measures = measuresFrom(r.result ?? "");
    r.leader = dept === "党委办公室" || dept === "纪检监察室" ? "王建国" : "陈卫平";
    r.department = dept;
    r.owner = owners[dept] ?? "李娟";
    r.deadline = longTerm ? "长期坚持" : "2023-10-31";
    r.type = longTerm ? "长期整改" : "限期整改";
    r.doneDate = longTerm
      ? ""
      : `2023-${i % 2 === 0 ? "09" : "10"}-${String(8 + (i % 20)).padStart(2, "0")}`;
    r.evidence = longTerm ? "" : "整改工作记录及相关会议纪要";
    r.note = `${PLAUSIBLE_NOTE}；责任领导为示例姓名`;
  });

  // 主要做法: section 一's four headed paragraphs (the closing statistics line is computed).
  const s1 = all.indexOf("一、组织整改落实情况");
  const practices: ExampleData["narrative"] = [];
  const section1 = all.slice(s1 + 1, start).filter((l) => l && !l.startsWith("截至"));
  for (let i = 0; i < section1.length; i += 2) {
    const heading = section1[i]!.replace(/^[（(][一二三四五六七八九十]+[）)]/u, "");
    practices.push({
      part: "主要做法",
      heading: stripTrailingPeriod(heading),
      text: section1[i + 1] ?? "",
    });
  }
  const next: ExampleData["narrative"] = [];
  for (const line of all.slice(end + 1)) {
    if (
      !line ||
      line.startsWith("欢迎广大") ||
      line.startsWith("中共邵阳市") ||
      /^\d{4}年/u.test(line)
    )
      continue;
    const m = /^[（(][一二三四五六七八九十]+[）)]([^。]+)。(.+)$/u.exec(line);
    next.push(
      m
        ? { part: "下一步打算", heading: m[1]!, text: m[2]! }
        : { part: "下一步打算", heading: "", text: line },
    );
  }

  return {
    file: "邵阳市园林绿化中心-整改台账.xlsx",
    seed: "001_f84cbc671bac7b6c.txt",
    description:
      "中共邵阳市园林绿化中心委员会关于巡察整改进展情况的通报：两级（方面/问题），25 个问题，完成 18 个、长期整改 7 个。",
    layout: { twoLevelHeader: true },
    info: [
      { field: "unitName", value: "邵阳市园林绿化中心", note: "据原文" },
      { field: "partyOrgName", value: "中共邵阳市园林绿化中心委员会", note: "据原文" },
      { field: "inspectionGroup", value: "市委第四巡察组", note: "据原文" },
      { field: "inspectionType", value: "延伸巡察", note: "据原文" },
      { field: "inspectionStart", value: "2023-03-21", note: "据原文" },
      { field: "inspectionEnd", value: "2023-06-07", note: "据原文" },
      { field: "feedbackDate", value: "2023-07-03", note: "据原文" },
      { field: "declaredAspects", value: "", note: "原文未写明方面数（列出 12 个方面）" },
      { field: "declaredProblems", value: 25, note: "据原文“巡察反馈的25个具体问题”" },
      { field: "suggestionCount", value: "", note: "原文未载" },
      { field: "issuerMark", value: "中共邵阳市园林绿化中心委员会", note: "据原文落款" },
      { field: "docNumber", value: "", note: "通报原文无发文字号" },
      { field: "signer", value: "", note: "通报不需要签发人" },
      { field: "recipient", value: "", note: "通报面向社会公开，无主送机关" },
      { field: "docDate", value: "2023-11-28", note: "据原文落款日期" },
      { field: "cc", value: "", note: "原文未载" },
      { field: "printer", value: "", note: "原文未载" },
      { field: "printDate", value: "", note: "原文未载" },
      { field: "phone", value: "0739-5331851", note: "据原文" },
      { field: "address", value: "邵阳市宝庆中路309号市园林绿化中心三楼人事部", note: "据原文" },
      { field: "email", value: "2467373448@qq.com", note: "据原文" },
    ],
    narrative: [...practices, ...next],
    rows,
  };
}

// ---------------------------------------------------------------------------------------------
// Seed 002: 龙亭区市容环境卫生服务中心, public notice, two levels, no statuses in the text.

function seed002(): ExampleData {
  const all = lines(seedText("002_6864e2fd695aa2e9.txt"));
  // Two aspects are numbered 一、二、 in the text; the last two lost their numbers.
  const aspectHeadings: Record<string, string> = {
    "一、政治觉悟不高，贯彻落实上级精神有差距方面存在的问题及整改情况":
      "政治觉悟不高，贯彻落实上级精神有差距",
    "二、全面从严治党主体责任不力，工作作风不扎实": "全面从严治党主体责任不力，工作作风不扎实",
    "基层组织建设薄弱，党支部作用发挥不明显": "基层组织建设薄弱，党支部作用发挥不明显",
    巡视巡察整改不到位: "巡视巡察整改不到位",
  };
  const start = all.findIndex((l) => l.startsWith("一、政治觉悟不高"));
  const end = all.findIndex((l) => l.startsWith("欢迎广大干部职工"));
  const rows: ExampleRow[] = [];
  let aspect = "";
  let current: ExampleRow | undefined;
  let inResult = false;
  let resultLines: string[] = [];
  const flush = () => {
    if (current) current.result = resultLines.join("\n");
    resultLines = [];
  };
  for (const line of all.slice(start, end)) {
    if (!line) continue;
    let hit: RegExpExecArray | null = null;
    const test = (re: RegExp): boolean => {
      hit = re.exec(line);
      return hit !== null;
    };
    const g = (i: number): string => (hit as RegExpExecArray | null)?.[i] ?? "";
    if (aspectHeadings[line]) {
      flush();
      aspect = aspectHeadings[line]!;
      current = undefined;
      inResult = false;
    } else if (test(/^(?:[（(][一二三四五六七八九十]+[）)]|\d+、)(.+)$/u)) {
      flush();
      current = { seq: String(rows.length + 1), aspect, problem: g(1).trim() };
      rows.push(current);
      inResult = false;
    } else if (/^整改情况[：:]$/u.test(line)) {
      inResult = true;
    } else if (inResult) {
      resultLines.push(line);
    } else if (current) {
      // The last problem's text breaks across two lines in the source ("…城管局党" / "组，…").
      current.problem += line;
    }
  }
  flush();

  // Plausible statuses (the notice gives none): done unless the text says work goes on.
  const statusFor = (r: ExampleRow): [string, string] => {
    if (/争取早日解决/u.test(r.result ?? ""))
      return ["正在推进", "原文称“争取早日解决”，按正在推进登记"];
    if (/正在协商/u.test(r.result ?? ""))
      return ["长期整改", "原文称分拣中心项目“正在协商当中”，按长期整改登记"];
    return ["已完成", "原文未写完成情况，按整改情况所述登记为已完成"];
  };
  const depts: ReadonlyArray<readonly [RegExp, string]> = [
    [/财务/u, "财务科"],
    [/廉政|公车|纪律|作风/u, "办公室"],
    [/上级精神|垃圾分类/u, "卫生科"],
  ];
  rows.forEach((r, i) => {
    const [status, why] = statusFor(r);
    const dept = departmentFor(r.problem ?? "", depts, "党支部");
    r.status = status;
    r.measures = measuresFrom(r.result ?? "");
    r.leader = dept === "党支部" ? "王振华" : "李继红";
    r.department = dept;
    r.owner = { 财务科: "赵敏", 办公室: "孙伟", 卫生科: "刘洋", 党支部: "周静" }[dept] ?? "周静";
    r.deadline =
      status === "已完成" ? "2022-09-15" : status === "长期整改" ? "长期坚持" : "2022-12-31";
    r.type = status === "长期整改" ? "长期整改" : i < 3 ? "立行立改" : "限期整改";
    r.doneDate =
      status === "已完成" ? `2022-0${8 + (i % 2)}-${String(10 + i).padStart(2, "0")}` : "";
    r.evidence = status === "已完成" ? "整改工作记录、会议记录及相关制度文件" : "";
    r.note = `完成情况为示例值：${why}；${PLAUSIBLE_NOTE}`;
  });

  return {
    file: "龙亭区市容环境卫生服务中心-整改台账.xlsx",
    seed: "002_6864e2fd695aa2e9.txt",
    description:
      "龙亭区市容环境卫生服务中心关于区委第一巡察组巡察反馈意见整改情况的通报：两级（方面/问题），4 个方面 12 个问题；原文未写完成情况，台账中的完成情况为示例值。",
    layout: { title: "龙亭区市容环境卫生服务中心巡察反馈问题整改台账", mergeAspect: true },
    info: [
      { field: "unitName", value: "龙亭区市容环境卫生服务中心", note: "据原文" },
      {
        field: "partyOrgName",
        value: "中共龙亭区市容环境卫生服务中心支部委员会",
        note: "示例值（原文以单位名义发布，党组织名称未载）",
      },
      { field: "inspectionGroup", value: "区委第一巡察组", note: "据原文" },
      { field: "inspectionType", value: "集中巡察", note: "据原文" },
      { field: "inspectionStart", value: "2022-04-12", note: "据原文" },
      { field: "inspectionEnd", value: "2022-06-17", note: "据原文" },
      { field: "feedbackDate", value: "2022-07-15", note: "据原文" },
      { field: "declaredAspects", value: 4, note: "据原文列出的方面数（原文未写明总数）" },
      {
        field: "declaredProblems",
        value: 12,
        note: "据原文列出的问题数（原文未写明总数）。原文未写各问题的完成情况：台账中的完成情况、完成日期为示例值，理由见各行备注",
      },
      { field: "suggestionCount", value: "", note: "原文未载" },
      { field: "issuerMark", value: "龙亭区市容环境卫生服务中心", note: "据原文" },
      { field: "docNumber", value: "", note: "通报原文无发文字号" },
      { field: "signer", value: "", note: "通报不需要签发人" },
      { field: "recipient", value: "", note: "通报面向社会公开，无主送机关" },
      {
        field: "docDate",
        value: "2022-09-30",
        note: "示例值（原文未载日期；文中最晚事项为 9 月 15 日）",
      },
      { field: "cc", value: "", note: "原文未载" },
      { field: "printer", value: "", note: "原文未载" },
      { field: "printDate", value: "", note: "原文未载" },
      { field: "phone", value: "0371-23399567", note: "据原文（原文写作 0371—23399567）" },
      { field: "address", value: "", note: "原文未载" },
      { field: "email", value: "kfltmzj@126.com", note: "据原文" },
    ],
    narrative: [
      {
        part: "主要做法",
        heading: "",
        text: "环卫中心高度重视，凝聚起“落实整改是政治任务”的共识。召开专题整改工作推进会，认真制定工作方案、细化整改措施、明确责任分工，以最坚决的态度、最迅速的行动、最有力的举措抓好整改落实。",
      },
    ],
    rows,
  };
}

for (const [name, data] of [
  ["seed-000-qingfeng.json", seed000()],
  ["seed-001-shaoyang.json", seed001()],
  ["seed-002-longting.json", seed002()],
] as const) {
  writeFileSync(`${dataDir}${name}`, `${JSON.stringify(data, null, 2)}\n`);
  const statuses = new Map<string, number>();
  for (const r of data.rows) statuses.set(r.status ?? "", (statuses.get(r.status ?? "") ?? 0) + 1);
  console.log(name, data.rows.length, "rows", Object.fromEntries(statuses));
}

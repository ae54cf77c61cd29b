/**
 * The example ledger a template is trial-rendered with before the library accepts it. Built in
 * code (no workbook to ship or parse) and small, but it exercises what templates branch on:
 * three levels, done and open statuses, a long-term item, an overdue item, a 自查 problem, a
 * non-public row, a rule title, narrative paragraphs, and every 基本信息 field either document uses.
 * The statistics come from the core's computeStats, so they are what a real workbook would give.
 */
import type {
  Deadline,
  LedgerAnalysis,
  LedgerRow,
  RectificationType,
  Source,
  Status,
} from "../../core/model";
import { computeStats } from "../../core/stats";

const AS_OF = "2024-01-05";

const COLUMNS = {
  seq: "A",
  aspect: "B",
  category: "C",
  problem: "D",
  measures: "E",
  leader: "F",
  department: "G",
  owner: "H",
  deadline: "I",
  type: "J",
  status: "K",
  result: "L",
  doneDate: "M",
  evidence: "N",
  source: "O",
  isPublic: "P",
  note: "Q",
} as const;

interface RowSpec {
  seq: string;
  aspect: string;
  category: string;
  problem: string;
  measures: string;
  department: string;
  deadline: Deadline;
  type: RectificationType;
  status: Status;
  result: string;
  doneDate: string | null;
  source?: Source;
  isPublic?: boolean;
}

function row(index: number, spec: RowSpec): LedgerRow {
  const sheetRow = index + 3; // title row, header row, then data
  const cells = Object.fromEntries(
    Object.entries(COLUMNS).map(([field, col]) => [field, `${col}${sheetRow}`]),
  );
  return {
    row: sheetRow,
    seq: spec.seq,
    aspect: spec.aspect,
    category: spec.category,
    problem: spec.problem,
    measures: spec.measures,
    leader: "李四",
    department: spec.department,
    owner: "王五",
    deadline: spec.deadline,
    type: spec.type,
    status: spec.status,
    result: spec.result,
    doneDate: spec.doneDate,
    evidence: spec.doneDate ? "会议记录、制度文件" : "",
    source: spec.source ?? "巡察反馈",
    isPublic: spec.isPublic ?? true,
    note: "",
    cells,
  };
}

const ASPECT_A = "贯彻落实党的路线方针政策和上级决策部署方面";
const ASPECT_B = "落实全面从严治党主体责任方面";

const ROWS: LedgerRow[] = [
  row(0, {
    seq: "1",
    aspect: ASPECT_A,
    category: "理论学习不够深入",
    problem: "党组理论学习中心组学习流于形式，研讨交流不充分。",
    measures: "一是制定年度学习计划；二是每季度开展专题研讨。",
    department: "办公室",
    deadline: { kind: "date", date: "2023-12-31" },
    type: "限期整改",
    status: "已完成",
    result: "已制定年度学习计划，开展专题研讨2次。",
    doneDate: "2023-12-15",
  }),
  row(1, {
    seq: "2",
    aspect: ASPECT_A,
    category: "理论学习不够深入",
    problem: "意识形态工作责任制落实不到位。",
    measures: "健全意识形态工作责任清单，定期分析研判。",
    department: "办公室",
    deadline: { kind: "长期坚持" },
    type: "长期整改",
    status: "长期整改",
    result: "已建立责任清单，持续推进。",
    doneDate: null,
  }),
  row(2, {
    seq: "3",
    aspect: ASPECT_B,
    category: "监督管理不够严格",
    problem: "财务报销审核把关不严。",
    measures: "一是修订《财务管理制度》；二是开展财务专项检查。",
    department: "财务股",
    deadline: { kind: "立行立改" },
    type: "立行立改",
    status: "已完成并长期坚持",
    result: "修订《财务管理制度》，完成专项检查1次。",
    doneDate: "2023-11-30",
  }),
  row(3, {
    seq: "4",
    aspect: ASPECT_B,
    category: "监督管理不够严格",
    problem: "公务用车管理不规范。",
    measures: "完善用车审批和登记台账。",
    department: "财务股",
    deadline: { kind: "date", date: "2023-12-31" },
    type: "限期整改",
    status: "正在推进",
    result: "用车登记台账正在完善。",
    doneDate: null,
    isPublic: false,
  }),
  row(4, {
    seq: "5",
    aspect: ASPECT_B,
    category: "监督管理不够严格",
    problem: "档案管理不规范（自查发现）。",
    measures: "整理归档近三年文书档案。",
    department: "办公室",
    deadline: { kind: "date", date: "2023-12-31" },
    type: "限期整改",
    status: "已完成",
    result: "已完成档案整理归档。",
    doneDate: "2023-12-20",
    source: "自查",
  }),
];

/** The example ledger analysed as of 2024-01-05 (whole-percent precision). */
export function sampleAnalysis(): LedgerAnalysis {
  return {
    ledger: {
      sheet: "整改台账",
      headerRows: [2],
      columns: COLUMNS,
      rows: ROWS,
      levels: 3,
    },
    info: {
      unitName: "某县市政园林局",
      partyOrgName: "中共某县市政园林局党组",
      inspectionGroup: "县委第一巡察组",
      inspectionType: "常规巡察",
      inspectionStart: "2023-09-04",
      inspectionEnd: "2023-10-20",
      feedbackDate: "2023-11-06",
      declaredAspects: 2,
      declaredProblems: 4,
      suggestionCount: 3,
      issuerMark: "中共某县市政园林局党组文件",
      docNumber: "某市政党组〔2024〕1号",
      signer: "张三",
      recipient: "县委巡察办",
      docDate: "2024-01-05",
      cc: "县委巡察办，县纪委监委派驻纪检监察组",
      printer: "中共某县市政园林局党组办公室",
      printDate: "2024-01-05",
      phone: "0393-1234567",
      address: "某县人民路1号",
      email: "zhenggai@example.cn",
    },
    narrative: {
      practices: [
        {
          heading: "加强组织领导",
          text: "党组召开专题会议研究部署整改工作，成立整改工作领导小组。",
        },
        { heading: "压实整改责任", text: "逐项明确责任领导、责任部门和整改时限，建立整改台账。" },
      ],
      nextSteps: [
        { heading: "持续巩固整改成果", text: "对已完成的问题适时回头看，防止反弹回潮。" },
      ],
    },
    findings: [],
    stats: computeStats(ROWS, {
      asOf: AS_OF,
      precision: 0,
      declared: { aspects: 2, problems: 4 },
    }),
  };
}

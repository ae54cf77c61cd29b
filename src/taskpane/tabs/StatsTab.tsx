/** 统计: the key numbers at a glance, and 写入统计表 in Excel. */
import {
  Button,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, TableEditRegular } from "@fluentui/react-icons";
import { Suspense, useEffect, useRef, useState } from "react";
import { formatChineseDate } from "../../core/dates";
import type { LedgerAnalysis } from "../../core/model";
import { type GroupStats, STATUSES } from "../../core/model";
import type { WorkbookPort } from "../../ports/workbook";
import { saveBlob, XLSX_MIME } from "../download";
import { type Session, useAction } from "../state/useSession";
import { retryableLazy, TabBoundary } from "../TabBoundary";

// The chart library is large: it loads with the pictures, after the numbers are on screen.
const statsCharts = retryableLazy(() => import("./StatsCharts"));

const useStyles = makeStyles({
  tiles: {
    display: "grid",
    // Three across; fewer on a very narrow pane (200 % zoom) rather than overflow.
    gridTemplateColumns: "repeat(auto-fit, minmax(5.5em, 1fr))",
    gap: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalM,
  },
  tile: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  number: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: 600,
  },
  section: { marginTop: tokens.spacingVerticalL },
  rows: {
    display: "grid",
    // Fixed number columns, so that the status rows and the counts below line up.
    gridTemplateColumns: "1fr 5em 5.5em",
    // On a wide pane the numbers stay beside their labels.
    maxWidth: "30em",
    columnGap: tokens.spacingHorizontalM,
    rowGap: "2px",
  },
  // Very narrow (400 px at 200 % zoom): the number columns shrink to their content.
  rowsNarrow: {
    "@media (max-width: 360px)": { gridTemplateColumns: "minmax(0, 1fr) auto auto" },
  },
  // Very narrow: one card per group, the name on its own line and the numbers under it.
  groupCards: {
    "@media (max-width: 360px)": {
      display: "block",
      "& thead": { display: "none" },
      "& tbody": { display: "block" },
      "& tr": {
        display: "flex",
        flexWrap: "wrap",
        columnGap: tokens.spacingHorizontalM,
        padding: `${tokens.spacingVerticalXS} 0`,
      },
      "& td": { display: "block", height: "auto", minHeight: 0, padding: 0, minWidth: 0 },
      "& td:first-child": { flexBasis: "100%", overflowWrap: "anywhere" },
      "& td[data-label]:not(:first-child)::before": {
        content: "attr(data-label) '：'",
        color: tokens.colorNeutralForeground3,
      },
    },
  },
  muted: { color: tokens.colorNeutralForeground3 },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  // The header cell's content is a flex button: right-align it over the right-aligned numbers.
  numHeader: { justifyContent: "flex-end" },
  actions: {
    marginTop: tokens.spacingVerticalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
});

function Tile(props: { label: string; value: string | number; testId: string }) {
  const styles = useStyles();
  return (
    <div className={styles.tile}>
      <span className={styles.number} data-testid={props.testId}>
        {props.value}
      </span>
      <Text size={200}>{props.label}</Text>
    </div>
  );
}

function GroupTable(props: { caption: string; groups: readonly GroupStats[] }) {
  const styles = useStyles();
  if (props.groups.length === 0) return null;
  return (
    <div className={styles.section}>
      <Text weight="semibold">{props.caption}</Text>
      <Table size="extra-small" aria-label={props.caption} className={styles.groupCards}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>名称</TableHeaderCell>
            <TableHeaderCell style={{ width: "3.5em" }} button={{ className: styles.numHeader }}>
              问题
            </TableHeaderCell>
            <TableHeaderCell style={{ width: "3.5em" }} button={{ className: styles.numHeader }}>
              完成
            </TableHeaderCell>
            <TableHeaderCell style={{ width: "4.5em" }} button={{ className: styles.numHeader }}>
              完成率
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.groups.map((g) => (
            <TableRow key={g.name}>
              <TableCell title={g.name} data-label="名称">
                {g.name}
              </TableCell>
              <TableCell className={styles.num} data-label="问题">
                {g.total}
              </TableCell>
              <TableCell className={styles.num} data-label="完成">
                {g.done}
              </TableCell>
              <TableCell className={styles.num} data-label="完成率">
                {g.completionRateText}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** The copy's name: the file's own name with 含整改统计 before .xlsx. */
export function statsCopyName(fileName: string): string {
  return `${fileName.replace(/\.xlsx$/i, "")}-含整改统计.xlsx`;
}

/**
 * Standalone: there is no Excel to write 整改统计 into, so the user downloads a copy of the
 * opened file with the sheet added (the layout Excel's 写入统计表 writes); the file itself is
 * never changed.
 */
function StatsCopy(props: { port: WorkbookPort; analysis: LedgerAnalysis }) {
  const styles = useStyles();
  const { busy, error, act } = useAction();
  const [saved, setSaved] = useState<string | undefined>();
  return (
    <div className={styles.actions}>
      <Button
        appearance="primary"
        icon={busy ? <Spinner size="tiny" /> : <ArrowDownloadRegular />}
        disabled={busy}
        onClick={() =>
          void act(async () => {
            setSaved(undefined);
            const [{ standaloneFile }, { buildStatsLayout }, { workbookWithStatsSheet }] =
              await Promise.all([
                import("../standalone-port"),
                import("../../office/stats-layout"),
                import("../../xlsx/stats-copy"),
              ]);
            const file = standaloneFile(props.port);
            if (!file) throw new Error("找不到已打开的台账文件，请重新打开后再试。");
            const layout = buildStatsLayout(props.analysis);
            const { completionChartPng } = await import("../stats-chart-image");
            const png = layout.chart
              ? await completionChartPng(layout.chart.title, props.analysis.stats.byAspect)
              : undefined;
            const bytes = await workbookWithStatsSheet(file.bytes, layout, png);
            const name = statsCopyName(file.name);
            saveBlob(bytes, name, XLSX_MIME);
            setSaved(name);
          })
        }
      >
        下载含统计表的副本
      </Button>
      <Text size={200} className={styles.muted}>
        下载台账的一个副本，其中新增“整改统计”工作表（含各方面完成率图）；原文件不会改动。
      </Text>
      <div aria-live="polite">
        {saved && (
          <MessageBar intent="success">
            <MessageBarBody>已下载“{saved}”。</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

export default function StatsTab({ session }: { session: Session }) {
  const styles = useStyles();
  const { busy, error, act } = useAction();
  const [written, setWritten] = useState(false);
  // The note sits below the tables: bring it into view, or the clerk never sees it.
  const writtenNote = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (written) writtenNote.current?.scrollIntoView({ block: "nearest" });
  }, [written]);
  if (session.state.status !== "ready") return null;
  const { analysis } = session.state;
  const s = analysis.stats;
  const live = session.port?.live;

  return (
    <section aria-label="统计">
      <Text size={200} className={styles.muted}>
        截至 {formatChineseDate(s.asOf)}（巡察反馈问题；自查问题另计）
      </Text>
      <div className={styles.tiles} style={{ marginTop: tokens.spacingVerticalS }}>
        <Tile label="问题总数" value={s.total} testId="stat-total" />
        <Tile label="已完成" value={s.done} testId="stat-done" />
        <Tile label="完成率" value={s.completionRateText} testId="stat-rate" />
      </div>

      <TabBoundary tab="统计图表" onRetry={statsCharts.reset}>
        <Suspense fallback={<Spinner size="tiny" label="正在绘制图表……" />}>
          <statsCharts.component stats={s} />
        </Suspense>
      </TabBoundary>

      <Text weight="semibold" style={{ display: "block", marginTop: tokens.spacingVerticalL }}>
        各完成情况
      </Text>
      <div className={`${styles.rows} ${styles.rowsNarrow}`}>
        {STATUSES.filter((st) => s.byStatus[st] > 0).map((st) => (
          <div key={st} style={{ display: "contents" }} data-status={st}>
            <Text>{st}</Text>
            <Text className={styles.num}>{s.byStatus[st]} 个</Text>
            <Text className={`${styles.num} ${styles.muted}`}>{s.statusShares[st]}%</Text>
          </div>
        ))}
      </div>

      <div className={styles.section}>
        <div className={`${styles.rows} ${styles.rowsNarrow}`}>
          <Text>超期未完成</Text>
          <Text className={styles.num} data-testid="stat-overdue">
            {s.overdue.length} 个
          </Text>
          <span />
          <Text>自查问题（另计）</Text>
          <Text className={styles.num}>{s.selfFound.total} 个</Text>
          <Text className={`${styles.num} ${styles.muted}`}>已完成 {s.selfFound.done}</Text>
          <Text>整改措施</Text>
          <Text className={styles.num}>{s.measures} 条</Text>
          <span />
          <Text>建立完善制度</Text>
          <Text className={styles.num}>{s.rules.length} 项</Text>
          <span />
          {s.nonPublic > 0 && (
            <>
              <Text>不公开（通报中不列出）</Text>
              <Text className={styles.num}>{s.nonPublic} 个</Text>
              <span />
            </>
          )}
        </div>
      </div>

      {s.declared.mismatch && (
        <MessageBar intent="warning" style={{ marginTop: tokens.spacingVerticalM }}>
          <MessageBarBody>
            基本信息中申报的数量（{s.declared.aspects ?? "—"}个方面{s.declared.problems ?? "—"}
            个问题）与台账（
            {s.aspectCount}个方面{s.total}个问题）不一致，请核对。
          </MessageBarBody>
        </MessageBar>
      )}

      {s.overdue.length > 0 && (
        <div className={styles.section}>
          <Text weight="semibold">超期未完成</Text>
          <ul style={{ margin: 0, paddingLeft: "1.2em" }}>
            {s.overdue.map((o) => (
              <li key={o.row}>
                <Text size={200}>
                  第{o.row}行 {o.department}：时限 {formatChineseDate(o.deadline)}，已超{" "}
                  {o.daysOverdue} 天
                </Text>
              </li>
            ))}
          </ul>
        </div>
      )}

      <GroupTable caption="按方面" groups={s.byAspect} />
      <GroupTable caption="按责任部门" groups={s.byDepartment} />

      {session.port?.host === "standalone" && <StatsCopy port={session.port} analysis={analysis} />}

      {live && (
        <div className={styles.actions}>
          <Button
            appearance="primary"
            icon={busy ? <Spinner size="tiny" /> : <TableEditRegular />}
            disabled={busy}
            onClick={() =>
              void act(async () => {
                setWritten(false);
                await live.writeStatistics(analysis);
                setWritten(true);
              })
            }
          >
            写入统计表
          </Button>
          <Text size={200} className={styles.muted}>
            在工作簿中新建或替换“整改统计”工作表；不会改动台账本身。
          </Text>
          {written && (
            <MessageBar intent="success" ref={writtenNote} data-testid="stats-written">
              <MessageBarBody>已写入“整改统计”工作表。</MessageBarBody>
            </MessageBar>
          )}
          {error && (
            <MessageBar intent="error">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}
    </section>
  );
}

/**
 * 统计's pictures: a completion ring and bars of 完成/问题 per 方面 and per 责任部门, drawn by
 * @fluentui/react-charts (loaded with this module only, never on the first paint). Each figure
 * carries its numbers in data attributes and an aria-label, so screen readers (and tests) read
 * what is drawn.
 */
import { DonutChart, HorizontalBarChart } from "@fluentui/react-charts";
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { GroupStats, LedgerStats } from "../../core/model";

const DONE_COLOR = tokens.colorPaletteGreenBackground3;
const OPEN_COLOR = tokens.colorNeutralBackground5;

const useStyles = makeStyles({
  figure: { margin: `${tokens.spacingVerticalM} 0 0`, minWidth: 0 },
  caption: { display: "block", marginBottom: tokens.spacingVerticalXS },
  ring: { display: "flex", justifyContent: "center" },
  // Read by screen readers, not shown (the bars show it).
  srOnly: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
    margin: 0,
    padding: 0,
  },
});

export default function StatsCharts({ stats }: { stats: LedgerStats }) {
  const styles = useStyles();
  const open = stats.total - stats.done;
  return (
    <>
      <figure
        className={styles.figure}
        data-chart="completion"
        data-total={stats.total}
        data-done={stats.done}
        data-rate={stats.completionRateText}
        aria-label={`完成情况：问题${stats.total}个，已完成${stats.done}个，完成率${stats.completionRateText}`}
      >
        <Text weight="semibold" className={styles.caption}>
          完成率
        </Text>
        <div className={styles.ring}>
          <DonutChart
            data={{
              chartTitle: "完成率",
              chartData: [
                { legend: "已完成", data: stats.done, color: DONE_COLOR },
                { legend: "未完成", data: open, color: OPEN_COLOR },
              ],
            }}
            innerRadius={48}
            width={220}
            height={180}
            valueInsideDonut={stats.completionRateText}
            hideLabels
            culture="zh-CN"
          />
        </div>
      </figure>
      <GroupBars caption="各方面完成情况" chart="aspects" groups={stats.byAspect} />
      <GroupBars caption="各责任部门完成情况" chart="departments" groups={stats.byDepartment} />
    </>
  );
}

function GroupBars(props: { caption: string; chart: string; groups: readonly GroupStats[] }) {
  const styles = useStyles();
  if (props.groups.length === 0) return null;
  return (
    <figure className={styles.figure} data-chart={props.chart} aria-label={props.caption}>
      <Text weight="semibold" className={styles.caption}>
        {props.caption}
      </Text>
      {/* The numbers behind the bars, one entry per bar, for screen readers and checks. */}
      <ul className={styles.srOnly} data-bars={props.chart}>
        {props.groups.map((g) => (
          <li key={g.name} data-name={g.name} data-total={g.total} data-done={g.done}>
            {g.name}：问题{g.total}个，已完成{g.done}个，完成率{g.completionRateText}
          </li>
        ))}
      </ul>
      <HorizontalBarChart
        data={props.groups.map((g) => ({
          chartTitle: g.name,
          chartData: [
            {
              legend: "已完成",
              horizontalBarChartdata: { x: g.done, total: g.total },
              color: DONE_COLOR,
              xAxisCalloutData: g.name,
              yAxisCalloutData: `已完成${g.done}/${g.total}`,
            },
          ],
        }))}
        barHeight={12}
        culture="zh-CN"
      />
    </figure>
  );
}

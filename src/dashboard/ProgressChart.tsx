/**
 * Completion rate over time as a line chart (@fluentui/react-charts, loaded lazily with this
 * module). The values also sit on the container as data attributes and in a table for screen
 * readers, so what the chart shows can be read back.
 */
import { LineChart } from "@fluentui/react-charts";
import { formatChineseDate } from "../core/dates";
import type { LocalDate } from "../core/model";

export interface ProgressChartProps {
  readonly legend: string;
  readonly points: readonly { readonly day: LocalDate; readonly rate: number }[];
  readonly testId: string;
}

export default function ProgressChart({ legend, points, testId }: ProgressChartProps) {
  const values = points.map((p) => ({ day: p.day, percent: Math.round(p.rate * 10000) / 100 }));
  return (
    <div data-testid={testId} data-points={JSON.stringify(values)}>
      {points.length === 0 ? (
        <p>还没有报送。</p>
      ) : (
        <LineChart
          height={220}
          data={{
            chartTitle: `${legend}完成率`,
            lineChartData: [
              {
                legend,
                data: values.map((v) => ({
                  x: new Date(`${v.day}T00:00:00`),
                  y: v.percent,
                  xAxisCalloutData: formatChineseDate(v.day),
                  yAxisCalloutData: `${v.percent}%`,
                })),
              },
            ],
          }}
          yMaxValue={100}
          yMinValue={0}
        />
      )}
      <table
        style={{ position: "absolute", left: -10000, width: 1, height: 1, overflow: "hidden" }}
      >
        <caption>{legend}完成率</caption>
        <tbody>
          {values.map((v) => (
            <tr key={v.day}>
              <th scope="row">{formatChineseDate(v.day)}</th>
              <td>{v.percent}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

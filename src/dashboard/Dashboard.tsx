/**
 * The inspection office's dashboard: one row per unit (完成率, 超期, last submission), sorting
 * and filtering, completion over time across rounds, and a unit's findings on click. Reads the
 * submissions API with an office token (kept for the tab's session only).
 */
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { SubmissionsClient } from "../submissions/client";
import type { ProgressPoint, Submission, UnitOverview } from "../submissions/types";

type SortKey = "name" | "rate" | "overdue" | "date";

const pct = (r: number) => `${(r * 100).toFixed(2)}%`;
const day = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
};

/** Completion over rounds, one polyline per unit (plain SVG, no chart library to load). */
function ProgressChart({ series }: { series: ReadonlyMap<string, readonly ProgressPoint[]> }) {
  const width = 560;
  const height = 200;
  const rounds = Math.max(1, ...[...series.values()].map((s) => s.length));
  const x = (i: number) => 40 + (rounds > 1 ? (i * (width - 60)) / (rounds - 1) : 0);
  const y = (r: number) => height - 24 - r * (height - 44);
  const colours = ["#0f6cbd", "#c50f1f", "#107c10", "#8764b8", "#ca5010", "#038387"];
  return (
    <svg
      width={width}
      height={height}
      role="img"
      aria-label="各单位完成率随报送变化"
      data-testid="chart"
    >
      <line x1={40} y1={y(0)} x2={width - 20} y2={y(0)} stroke="#888" />
      <line x1={40} y1={y(1)} x2={width - 20} y2={y(1)} stroke="#ddd" />
      <text x={4} y={y(1) + 4} fontSize={11}>
        100%
      </text>
      <text x={4} y={y(0) + 4} fontSize={11}>
        0%
      </text>
      {[...series].map(([unit, points], k) => (
        <polyline
          key={unit}
          data-unit={unit}
          fill="none"
          stroke={colours[k % colours.length]}
          strokeWidth={2}
          points={points.map((p, i) => `${x(i)},${y(p.completionRate)}`).join(" ")}
        >
          <title>{`${unit}：${points.map((p) => `第${p.round}次 ${pct(p.completionRate)}`).join("，")}`}</title>
        </polyline>
      ))}
    </svg>
  );
}

export function Dashboard({ serverUrl }: { serverUrl: string }) {
  const [token, setToken] = useState(() => sessionStorage.getItem("zhenggai-office-token") ?? "");
  const [units, setUnits] = useState<UnitOverview[] | undefined>();
  const [series, setSeries] = useState<Map<string, ProgressPoint[]>>(new Map());
  const [error, setError] = useState("");
  const [filter, setFilter] = useState("");
  const [sort, setSort] = useState<{ key: SortKey; up: boolean }>({ key: "rate", up: true });
  const [detail, setDetail] = useState<{ unit: string; submissions: Submission[] } | undefined>();
  const client = useMemo(() => new SubmissionsClient(serverUrl, token.trim()), [serverUrl, token]);

  const load = async () => {
    setError("");
    try {
      const list = await client.units();
      sessionStorage.setItem("zhenggai-office-token", token.trim());
      const progress = new Map<string, ProgressPoint[]>();
      for (const u of list) progress.set(u.unit.name, await client.progress(u.unit.id));
      setUnits(list);
      setSeries(progress);
    } catch (e) {
      setUnits(undefined);
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const open = async (u: UnitOverview) => {
    try {
      setDetail({ unit: u.unit.name, submissions: await client.submissions(u.unit.id) });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const rows = useMemo(() => {
    const f = filter.trim();
    const list = (units ?? []).filter((u) => f === "" || u.unit.name.includes(f));
    const value = (u: UnitOverview): string | number => {
      switch (sort.key) {
        case "name":
          return u.unit.name;
        case "rate":
          return u.latest?.figures.completionRate ?? -1;
        case "overdue":
          return u.latest?.figures.overdue ?? -1;
        case "date":
          return u.latest?.submittedAt ?? "";
      }
    };
    return [...list].sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      const c =
        typeof va === "number" && typeof vb === "number"
          ? va - vb
          : String(va).localeCompare(String(vb), "zh-CN");
      return sort.up ? c : -c;
    });
  }, [units, filter, sort]);

  const header = (key: SortKey, label: string) => (
    <TableHeaderCell
      sortDirection={sort.key === key ? (sort.up ? "ascending" : "descending") : undefined}
      onClick={() => setSort((s) => ({ key, up: s.key === key ? !s.up : true }))}
      data-sort={key}
    >
      {label}
    </TableHeaderCell>
  );

  return (
    <div style={{ padding: 16, display: "flex", flexDirection: "column", gap: 12, maxWidth: 960 }}>
      <Title3>巡察整改进展</Title3>
      <div style={{ display: "flex", gap: 8, alignItems: "end" }}>
        <Field label="巡察办令牌" style={{ flex: 1 }}>
          <Input
            type="password"
            value={token}
            onChange={(_, d) => setToken(d.value)}
            data-testid="token"
          />
        </Field>
        <Button appearance="primary" onClick={() => void load()} data-testid="load">
          查看
        </Button>
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody data-testid="error">{error}</MessageBarBody>
        </MessageBar>
      )}
      {units && (
        <>
          <Field label="筛选单位">
            <Input value={filter} onChange={(_, d) => setFilter(d.value)} data-testid="filter" />
          </Field>
          <Table aria-label="各单位整改情况" data-testid="units">
            <TableHeader>
              <TableRow>
                {header("name", "单位")}
                <TableHeaderCell>问题总数</TableHeaderCell>
                {header("rate", "完成率")}
                {header("overdue", "超期")}
                <TableHeaderCell>报送次数</TableHeaderCell>
                {header("date", "最近报送")}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((u) => (
                <TableRow
                  key={u.unit.id}
                  onClick={() => void open(u)}
                  style={{ cursor: "pointer" }}
                  data-unit={u.unit.name}
                >
                  <TableCell>{u.unit.name}</TableCell>
                  <TableCell>{u.latest?.figures.total ?? "—"}</TableCell>
                  <TableCell>
                    {u.latest ? pct(u.latest.figures.completionRate) : "未报送"}
                    {u.latest && u.latest.figures.errors > 0
                      ? `（有${u.latest.figures.errors}处错误，不计入）`
                      : ""}
                  </TableCell>
                  <TableCell>{u.latest?.figures.overdue ?? "—"}</TableCell>
                  <TableCell>{u.submissions}</TableCell>
                  <TableCell>{u.latest ? day(u.latest.submittedAt) : "—"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Text weight="semibold">完成率随报送变化</Text>
          <ProgressChart series={series} />
        </>
      )}
      {detail && (
        <section data-testid="detail">
          <Title3>{detail.unit}</Title3>
          {detail.submissions.map((s) => (
            <div key={s.id} style={{ marginTop: 8 }}>
              <Text weight="semibold">
                第{s.round}次报送（{day(s.submittedAt)}）：问题{s.figures.total}个，已完成
                {s.figures.done}个，完成率
                {pct(s.figures.completionRate)}，超期{s.figures.overdue}个
              </Text>
              <ul>
                {s.figures.overdueItems.map((o) => (
                  <li key={`${s.id}-${o.seq}`}>
                    超期：{o.problem}（{o.department}，{o.daysOverdue}天）
                  </li>
                ))}
                {s.findings
                  .filter((f) => f.severity === "error")
                  .map((f, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id; the list never reorders
                    <li key={i}>错误：{f.message}</li>
                  ))}
              </ul>
            </div>
          ))}
        </section>
      )}
    </div>
  );
}

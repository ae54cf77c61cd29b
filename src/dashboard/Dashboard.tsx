/**
 * The office's page: sign in with the office token, then every unit with its latest
 * submission (rate, overdue, errors, when), sortable and filterable, completion over time across
 * units, the 汇总 workbook for any day, and a unit's own history and findings on demand.
 * Calls go through SubmissionsClient; all figures come from ./figures.ts.
 */
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  Title3,
} from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { todayLocal } from "../core/dates";
import { SubmissionsApiError, SubmissionsClient } from "../submissions/client";
import type { ProgressPoint, Submission, UnitOverview } from "../submissions/types";
import {
  applyView,
  chineseDay,
  completionOverTime,
  DEFAULT_VIEW,
  localDay,
  percent,
  type SortKey,
  totals,
  type UnitRow,
  unitRows,
  type View,
} from "./figures";

const ProgressChart = lazy(() => import("./ProgressChart"));
const TOKEN_KEY = "zhenggai.office-token";

function explain(error: unknown): string {
  if (error instanceof SubmissionsApiError) {
    if (error.status === 0) return "连接不到服务器：服务可能已停止，请重新运行 npm start 后重试。";
    if (error.status === 401) return "令牌无效或已吊销，请向管理员索取巡察办账户的令牌。";
    if (error.status === 403) return "这个令牌不是巡察办账户的令牌，看不到各单位的报送。";
    return error.message;
  }
  return "操作未能完成，请重试。";
}

interface Loaded {
  readonly units: UnitOverview[];
  readonly submissions: Submission[];
}

export function Dashboard() {
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? "");
  const [draft, setDraft] = useState("");
  const [data, setData] = useState<Loaded>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [view, setView] = useState<View>(DEFAULT_VIEW);
  const [selected, setSelected] = useState<UnitRow>();
  const client = useMemo(
    () => (token ? new SubmissionsClient(window.location.origin, token) : undefined),
    [token],
  );

  const load = useCallback(async () => {
    if (!client) return;
    setBusy(true);
    setError(undefined);
    try {
      const [units, submissions] = await Promise.all([client.units(), client.submissions()]);
      setData({ units, submissions });
    } catch (e) {
      setError(explain(e));
      if (e instanceof SubmissionsApiError && (e.status === 401 || e.status === 403)) {
        sessionStorage.removeItem(TOKEN_KEY);
        setToken("");
      }
    } finally {
      setBusy(false);
    }
  }, [client]);

  useEffect(() => {
    void load();
  }, [load]);

  const rows = useMemo(() => unitRows(data?.units ?? []), [data]);
  const shown = useMemo(() => applyView(rows, view), [rows, view]);
  const sum = useMemo(() => totals(rows), [rows]);
  const overTime = useMemo(() => completionOverTime(data?.submissions ?? []), [data]);

  if (!client) {
    return (
      <main style={{ maxWidth: 480, margin: "48px auto", padding: 16 }}>
        <Title2 as="h1">巡察整改进度</Title2>
        <p>请输入巡察办账户的令牌（由模板库管理员创建账户时给出）。</p>
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const t = draft.trim();
            if (!t) return;
            sessionStorage.setItem(TOKEN_KEY, t);
            setToken(t);
          }}
        >
          <Field label="巡察办令牌" required>
            <Input type="password" value={draft} onChange={(_, d) => setDraft(d.value)} />
          </Field>
          <Button appearance="primary" type="submit" style={{ marginTop: 12 }}>
            进入
          </Button>
        </form>
      </main>
    );
  }

  const sortButton = (key: SortKey, label: string) => (
    <Button
      appearance="transparent"
      size="small"
      aria-label={`按${label}排序`}
      onClick={() =>
        setView((v) => ({ ...v, sort: key, descending: v.sort === key ? !v.descending : false }))
      }
    >
      {label}
      {view.sort === key ? (view.descending ? " ↓" : " ↑") : ""}
    </Button>
  );

  return (
    <main style={{ maxWidth: 1100, margin: "0 auto", padding: 16 }}>
      <div style={{ display: "flex", alignItems: "center", gap: 12, flexWrap: "wrap" }}>
        <Title2 as="h1" style={{ flex: 1 }}>
          巡察整改进度
        </Title2>
        <Button onClick={() => void load()} disabled={busy}>
          刷新
        </Button>
        <SummaryDownload client={client} onError={setError} />
        <Button
          appearance="subtle"
          onClick={() => {
            sessionStorage.removeItem(TOKEN_KEY);
            setToken("");
            setData(undefined);
          }}
        >
          退出
        </Button>
      </div>
      <div aria-live="polite">
        {busy && <Spinner size="tiny" label="正在读取各单位的报送…" />}
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>
              {error}{" "}
              <Button size="small" onClick={() => void load()}>
                重试
              </Button>
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {data && (
        <>
          <p data-testid="totals">
            共 {sum.units} 家单位，已报送 {sum.submitted} 家；计入统计的单位反馈问题 {sum.total}{" "}
            个，已完成整改 {sum.done} 个，完成率 {percent(sum.rate)}；超期 {sum.overdue} 个。
            {sum.flagged > 0 && `${sum.flagged} 家单位的台账有错误，未计入统计。`}
          </p>
          <section aria-label="各单位完成率变化">
            <Title3 as="h2">完成率变化（全部单位）</Title3>
            <Suspense fallback={<Spinner size="tiny" label="正在加载图表…" />}>
              <ProgressChart
                legend="全部单位"
                points={overTime.map((p) => ({ day: p.day, rate: p.rate }))}
                testId="overall-chart"
              />
            </Suspense>
          </section>
          <section aria-label="各单位">
            <div style={{ display: "flex", gap: 16, alignItems: "end", flexWrap: "wrap" }}>
              <Field label="筛选单位">
                <Input
                  value={view.filter}
                  placeholder="例：财政局"
                  onChange={(_, d) => setView((v) => ({ ...v, filter: d.value }))}
                />
              </Field>
              <Checkbox
                label="只看有超期的"
                checked={view.onlyOverdue}
                onChange={(_, d) => setView((v) => ({ ...v, onlyOverdue: d.checked === true }))}
              />
              <Checkbox
                label="只看台账有错误的"
                checked={view.onlyErrors}
                onChange={(_, d) => setView((v) => ({ ...v, onlyErrors: d.checked === true }))}
              />
            </div>
            <Table aria-label="各单位最近一次报送" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{sortButton("name", "单位")}</TableHeaderCell>
                  <TableHeaderCell>{sortButton("rate", "完成率")}</TableHeaderCell>
                  <TableHeaderCell>已完成/问题</TableHeaderCell>
                  <TableHeaderCell>{sortButton("overdue", "超期")}</TableHeaderCell>
                  <TableHeaderCell>台账错误</TableHeaderCell>
                  <TableHeaderCell>{sortButton("last", "最近报送")}</TableHeaderCell>
                  <TableHeaderCell>报送次数</TableHeaderCell>
                  <TableHeaderCell />
                </TableRow>
              </TableHeader>
              <TableBody>
                {shown.map((r) => (
                  <TableRow key={r.id} data-unit={r.name} data-rate={r.rate ?? ""}>
                    <TableCell>{r.name}</TableCell>
                    <TableCell>{percent(r.rate)}</TableCell>
                    <TableCell>{r.latest ? `${r.done}/${r.total}` : "—"}</TableCell>
                    <TableCell>{r.latest ? r.overdue : "—"}</TableCell>
                    <TableCell>
                      {r.errors > 0 ? (
                        <Badge color="danger" appearance="tint">
                          {r.errors} 个错误，未计入
                        </Badge>
                      ) : r.latest ? (
                        "无"
                      ) : (
                        "—"
                      )}
                    </TableCell>
                    <TableCell>{chineseDay(r.lastDay)}</TableCell>
                    <TableCell>{r.submissions}</TableCell>
                    <TableCell>
                      <Button
                        size="small"
                        disabled={!r.latest}
                        aria-label={`查看${r.name}的报送`}
                        onClick={() => setSelected(r)}
                      >
                        查看
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {shown.length === 0 && <Text>没有符合条件的单位。</Text>}
          </section>
          {selected && (
            <UnitDetail
              key={selected.id}
              client={client}
              row={selected}
              onClose={() => setSelected(undefined)}
            />
          )}
        </>
      )}
    </main>
  );
}

function SummaryDownload(props: { client: SubmissionsClient; onError: (message: string) => void }) {
  const [day, setDay] = useState(todayLocal());
  return (
    <span style={{ display: "inline-flex", gap: 8, alignItems: "end" }}>
      <Field label="汇总截至">
        <Input type="date" value={day} onChange={(_, d) => setDay(d.value)} />
      </Field>
      <Button
        onClick={async () => {
          try {
            const bytes = await props.client.summaryWorkbook(day);
            const url = URL.createObjectURL(
              new Blob([bytes as BlobPart], {
                type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              }),
            );
            const a = document.createElement("a");
            a.href = url;
            a.download = `巡察整改汇总-${day}.xlsx`;
            a.click();
            setTimeout(() => URL.revokeObjectURL(url), 60_000);
          } catch (e) {
            props.onError(explain(e));
          }
        }}
      >
        下载汇总表
      </Button>
    </span>
  );
}

function UnitDetail(props: { client: SubmissionsClient; row: UnitRow; onClose: () => void }) {
  const { client, row } = props;
  const [progress, setProgress] = useState<ProgressPoint[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    client.progress(row.id).then(setProgress, (e: unknown) => setError(explain(e)));
  }, [client, row.id]);
  const findings = row.latest?.findings ?? [];
  return (
    <section aria-label={`${row.name}的报送`} data-testid="unit-detail" style={{ marginTop: 24 }}>
      <div style={{ display: "flex", alignItems: "center" }}>
        <Title3 as="h2" style={{ flex: 1 }}>
          {row.name}
        </Title3>
        <Button appearance="subtle" onClick={props.onClose}>
          关闭
        </Button>
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {progress && (
        <Suspense fallback={<Spinner size="tiny" label="正在加载图表…" />}>
          <ProgressChart
            legend={row.name}
            points={progress.map((p) => ({ day: localDay(p.submittedAt), rate: p.completionRate }))}
            testId="unit-chart"
          />
        </Suspense>
      )}
      {progress && (
        <Table aria-label={`${row.name}的历次报送`} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>轮次</TableHeaderCell>
              <TableHeaderCell>报送日期</TableHeaderCell>
              <TableHeaderCell>台账截至</TableHeaderCell>
              <TableHeaderCell>完成率</TableHeaderCell>
              <TableHeaderCell>超期</TableHeaderCell>
              <TableHeaderCell>错误</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {progress.map((p) => (
              <TableRow key={p.submissionId} data-round={p.round}>
                <TableCell>第{p.round}次</TableCell>
                <TableCell>{chineseDay(localDay(p.submittedAt))}</TableCell>
                <TableCell>{chineseDay(p.asOf)}</TableCell>
                <TableCell>{percent(p.completionRate)}</TableCell>
                <TableCell>{p.overdue}</TableCell>
                <TableCell>{p.errors}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Title3 as="h3">最近一次报送的问题与提示（{findings.length} 条）</Title3>
      <ul data-testid="unit-findings">
        {findings.map((f, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id; the list is static
          <li key={i} data-severity={f.severity}>
            {f.severity === "error" ? "错误：" : f.severity === "warning" ? "警告：" : "提示："}
            {f.message}
          </li>
        ))}
      </ul>
    </section>
  );
}

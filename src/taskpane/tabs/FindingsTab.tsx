/**
 * 校验: findings by severity, then grouped by code with counts; each group opens to its cells,
 * a page at a time, each with 定位 (selects the cell in Excel; shows the address standalone).
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Text,
  tokens,
  useId,
} from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular, LocationRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { FINDING_CODES } from "../../core/findings";
import type { Finding, Severity } from "../../core/model";
import { SEVERITY_LABEL } from "../../core/model";
import { DOCUMENT_KINDS } from "../../documents/api";
import { documentReadiness } from "../../documents/readiness";
import { countBySeverity } from "../state/session";
import { describeError, type Session, useAction } from "../state/useSession";
import { type OpenSetting, ReadinessList } from "./Readiness";

const ORDER: readonly Severity[] = ["error", "warning", "info"];
const BADGE_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

const useStyles = makeStyles({
  summary: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalM,
  },
  list: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
  },
  group: {
    listStyle: "none",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    overflow: "hidden",
  },
  groupHeader: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    width: "100%",
    textAlign: "left",
    border: "none",
    backgroundColor: "transparent",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    font: "inherit",
    color: "inherit",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  groupTitle: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  item: {
    listStyle: "none",
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
  },
  itemText: {
    flexGrow: 1,
    flexBasis: "12em",
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    overflowWrap: "anywhere",
  },
  more: { listStyle: "none", padding: tokens.spacingVerticalXS },
  readiness: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  kind: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  where: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorBrandForeground1 },
});

function readinessSummary(items: readonly { ok: boolean; severity: string }[]): string {
  const required = items.filter((i) => !i.ok && i.severity === "error").length;
  const suggested = items.filter((i) => !i.ok && i.severity !== "error").length;
  if (required + suggested === 0) return "：齐全，可以生成";
  const parts = [
    required ? `缺少 ${required} 项（必须）` : "可以生成",
    suggested ? `建议补 ${suggested} 项` : "",
  ];
  return `：${parts.filter(Boolean).join("，")}`;
}

/** Findings are unique by what and where they say. */
export function findingKey(f: Finding): string {
  return `${f.severity}|${f.code}|${f.sheet}|${f.cell ?? ""}|${f.row ?? ""}|${f.message}`;
}

/**
 * What a finding says without its place, which the pane shows on its own (findingPlace); a
 * finding from an older store (报送 history) may have only the message.
 */
export function findingDetail(f: Finding): string {
  return f.detail || f.message;
}

export function findingPlace(f: Finding): string {
  if (f.cell) return `${f.sheet}!${f.cell}`;
  if (f.row) return `${f.sheet} 第${f.row}行`;
  return f.sheet;
}

/** Findings of one code, in the order the analysis gave them. */
export interface FindingGroupData {
  readonly code: string;
  readonly title: string;
  readonly findings: readonly Finding[];
}

/** Groups by code in order of first appearance; the title is the code's meaning. */
export function groupByCode(findings: readonly Finding[]): FindingGroupData[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.code);
    if (list) list.push(f);
    else groups.set(f.code, [f]);
  }
  return [...groups].map(([code, list]) => ({
    code,
    title:
      (FINDING_CODES as Record<string, { meaning: string } | undefined>)[code]?.meaning ??
      list[0]!.message,
    findings: list,
  }));
}

/** Groups this small open by themselves: there is nothing to hide. */
const OPEN_UP_TO = 3;
/** Cells shown per step when a group is open (a 1,715-error ledger must stay usable). */
export const PAGE_SIZE = 50;

/** Where 定位 goes: the cell, or column A of the row. */
function locateAddress(f: Finding): string | undefined {
  return f.cell ?? (f.row ? `A${f.row}` : undefined);
}

function FindingGroup({
  group,
  select,
  onLocate,
}: {
  group: FindingGroupData;
  select: ((sheet: string, address: string) => Promise<void>) | undefined;
  onLocate: (f: Finding, address: string) => void;
}) {
  const styles = useStyles();
  const total = group.findings.length;
  const [open, setOpen] = useState(total <= OPEN_UP_TO);
  const [shown, setShown] = useState(PAGE_SIZE);
  const [pointed, setPointed] = useState<string | undefined>();
  const listId = useId("findings-");
  const rest = total - Math.min(shown, total);
  return (
    <li className={styles.group} data-code={group.code} data-count={total}>
      <button
        type="button"
        className={styles.groupHeader}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? <ChevronDownRegular aria-hidden /> : <ChevronRightRegular aria-hidden />}
        <span className={styles.groupTitle}>{group.title}</span>
        <Badge appearance="tint" color="informative" data-testid="group-count">
          {total}
        </Badge>
      </button>
      {open && (
        <ul id={listId} className={styles.list} data-code={group.code}>
          {group.findings.slice(0, shown).map((f) => {
            const address = locateAddress(f);
            const key = findingKey(f);
            return (
              <li key={key} className={styles.item}>
                <div className={styles.itemText}>
                  <Text size={200} className={styles.where}>
                    {findingPlace(f)}
                  </Text>
                  <Text size={300}>{findingDetail(f)}</Text>
                  {pointed === key && address && (
                    <Text size={200} role="status">
                      请在表格软件中转到 {f.sheet}!{address}
                    </Text>
                  )}
                </div>
                {address && (
                  <Button
                    size="small"
                    appearance="secondary"
                    icon={<LocationRegular />}
                    data-cell={f.cell}
                    title={
                      select
                        ? `在工作表中选中 ${f.sheet}!${address}`
                        : `显示位置 ${f.sheet}!${address}`
                    }
                    aria-label={`定位 ${f.sheet}!${address}`}
                    onClick={() => (select ? onLocate(f, address) : setPointed(key))}
                  >
                    定位
                  </Button>
                )}
              </li>
            );
          })}
          {rest > 0 && (
            <li className={styles.more}>
              <Button
                size="small"
                appearance="subtle"
                onClick={() => setShown((n) => n + PAGE_SIZE)}
              >
                再显示 {Math.min(rest, PAGE_SIZE)} 条（还有 {rest} 条）
              </Button>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}

export default function FindingsTab({
  session,
  onOpenSetting,
}: {
  session: Session;
  onOpenSetting: OpenSetting;
}) {
  const styles = useStyles();
  const { error, setError, act } = useAction();
  if (session.state.status !== "ready") return null;
  const { findings, info } = session.state.analysis;
  const counts = countBySeverity(findings);
  const readiness = DOCUMENT_KINDS.map((kind) => ({ kind, items: documentReadiness(info, kind) }));
  const blocks = (i: { ok: boolean; severity: string }) => !i.ok && i.severity === "error";
  const notReady = readiness.filter((r) => r.items.some(blocks)).map((r) => r.kind);
  const select = session.port?.live?.selectCell;

  return (
    <section aria-label="校验结果" data-auto-checks={session.autoChecks}>
      <div className={styles.summary}>
        {ORDER.map((s) => (
          <Badge key={s} appearance={counts[s] ? "filled" : "outline"} color={BADGE_COLOR[s]}>
            {SEVERITY_LABEL[s]} {counts[s]}
          </Badge>
        ))}
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {counts.error === 0 && (
        <MessageBar intent="success" style={{ marginBottom: tokens.spacingVerticalM }}>
          <MessageBarBody>
            <MessageBarTitle>没有错误</MessageBarTitle>
            {notReady.length > 0
              ? `台账检查通过；生成${notReady.join("、")}前还需补齐下面“文书所需项目”中必须填写的项目。`
              : counts.warning
                ? "可以生成文档；建议先看看下面的警告。"
                : "台账检查通过，可以生成文档。"}
          </MessageBarBody>
        </MessageBar>
      )}
      <section aria-label="文书所需项目" className={styles.readiness}>
        <Text weight="semibold">文书所需项目</Text>
        {readiness.map(({ kind, items }) => (
          <div key={kind}>
            <Text size={200} className={styles.kind}>
              {kind}
              {readinessSummary(items)}
            </Text>
            <ReadinessList
              kind={kind}
              items={items}
              session={session}
              onOpenSetting={onOpenSetting}
              onError={(e) => setError(describeError(e))}
            />
          </div>
        ))}
      </section>
      <Accordion multiple collapsible defaultOpenItems={["error", "warning"]}>
        {ORDER.filter((s) => counts[s] > 0).map((severity) => (
          <AccordionItem key={severity} value={severity}>
            <AccordionHeader>
              {SEVERITY_LABEL[severity]}（{counts[severity]}）
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list} data-severity={severity}>
                {groupByCode(findings.filter((f) => f.severity === severity)).map((group) => (
                  <FindingGroup
                    key={group.code}
                    group={group}
                    select={select}
                    onLocate={(f, address) => void act(() => select!(f.sheet, address))}
                  />
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </section>
  );
}

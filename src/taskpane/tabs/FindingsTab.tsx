/** 校验: findings grouped by severity; clicking one selects its cell in Excel. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Text,
  tokens,
} from "@fluentui/react-components";
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
  item: {
    display: "block",
    width: "100%",
    textAlign: "left",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    font: "inherit",
    color: "inherit",
  },
  clickable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
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

export function findingPlace(f: Finding): string {
  if (f.cell) return `${f.sheet}!${f.cell}`;
  if (f.row) return `${f.sheet} 第${f.row}行`;
  return f.sheet;
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
    <section aria-label="校验结果">
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
                {findings
                  .filter((f) => f.severity === severity)
                  .map((f) => {
                    const cell = f.cell;
                    const body = (
                      <>
                        <Text size={200} className={styles.where}>
                          {findingPlace(f)}
                        </Text>
                        <br />
                        <Text size={300}>{f.message}</Text>
                      </>
                    );
                    return (
                      <li key={findingKey(f)} style={{ listStyle: "none" }}>
                        {select && cell ? (
                          <button
                            type="button"
                            className={`${styles.item} ${styles.clickable}`}
                            data-cell={f.cell}
                            title="在工作表中选中此单元格"
                            onClick={() => void act(() => select(f.sheet, cell))}
                          >
                            {body}
                          </button>
                        ) : (
                          <div className={styles.item} data-cell={f.cell}>
                            {body}
                          </div>
                        )}
                      </li>
                    );
                  })}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </section>
  );
}

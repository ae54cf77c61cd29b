/**
 * 从反馈意见导入: the clerk picks the inspection group's feedback (.docx or .txt). Inside Excel
 * the problems go into new sheets (live.addLedgerSheets, never over the clerk's cells); standalone,
 * the ledger workbook `zhenggai import` would write is downloaded and opened in the pane, so 校验
 * shows at once what is left to fill.
 */
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { DocumentTextRegular } from "@fluentui/react-icons";
import { useRef, useState } from "react";
import type { ImportResult } from "../../core/import/model";
import type { WorkbookPort } from "../../ports/workbook";
import { saveBlob, XLSX_MIME } from "../download";
import {
  importedWorkbookBytes,
  importedWorkbookName,
  importFeedbackFile,
} from "../import-feedback";
import { describeError } from "../state/useSession";

const ACCEPT =
  ".docx,.txt,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document";
/** Import notes shown in the pane; the rest are counted (zhenggai import prints them all). */
const SHOWN_NOTES = 8;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalM,
  },
  notes: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

type Outcome =
  | { readonly kind: "idle" }
  | { readonly kind: "working" }
  | { readonly kind: "done"; readonly title: string; readonly result: ImportResult }
  | { readonly kind: "error"; readonly message: string };

function summary(result: ImportResult): string {
  const aspects = new Set(result.rows.map((r) => r.aspect).filter(Boolean)).size;
  return `${result.rows.length} 个问题，${aspects} 个方面（${result.levels === 3 ? "三级" : "两级"}）`;
}

export function ImportFeedback(props: {
  readonly port: WorkbookPort | undefined;
  /** Standalone: opens the downloaded workbook in the pane. */
  readonly onWorkbook: (file: File) => void | Promise<void>;
  /** Excel: re-read the workbook after sheets were added. */
  readonly onAdded: () => void | Promise<void>;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });

  const run = async (file: File) => {
    setOutcome({ kind: "working" });
    try {
      const result = await importFeedbackFile(file.name, new Uint8Array(await file.arrayBuffer()));
      const live = props.port?.live;
      if (live) {
        const added = await live.addLedgerSheets(result);
        const sheets = [added.ledger, added.info, added.narrative].filter(Boolean);
        setOutcome({
          kind: "done",
          title: `已添加工作表${sheets.map((s) => `“${s}”`).join("")}：${summary(result)}`,
          result,
        });
        await props.onAdded();
      } else {
        const name = importedWorkbookName(file.name);
        const bytes = await importedWorkbookBytes(result);
        saveBlob(bytes, name, XLSX_MIME);
        setOutcome({ kind: "done", title: `已下载“${name}”：${summary(result)}`, result });
        await props.onWorkbook(new File([bytes as BlobPart], name, { type: XLSX_MIME }));
      }
    } catch (error) {
      setOutcome({ kind: "error", message: describeError(error) });
    }
  };

  const notes = outcome.kind === "done" ? outcome.result.findings : [];
  return (
    <div className={styles.root}>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        hidden
        data-testid="import-feedback"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = "";
          if (file) void run(file);
        }}
      />
      <Button
        icon={<DocumentTextRegular />}
        disabled={outcome.kind === "working"}
        onClick={() => input.current?.click()}
        title="读取巡察反馈意见（或已有的整改报告、通报）的 .docx 或 .txt，生成整改台账"
      >
        从反馈意见导入
      </Button>
      {outcome.kind === "working" && <Spinner size="tiny" label="正在导入……" />}
      {outcome.kind === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>{outcome.message}</MessageBarBody>
        </MessageBar>
      )}
      {outcome.kind === "done" && (
        <MessageBar intent="success" layout="multiline" data-testid="import-outcome">
          <MessageBarBody>
            <MessageBarTitle>{outcome.title}</MessageBarTitle>
            空白的责任、时限等请在台账中补填；下面的校验结果列出待填写的内容。
            {notes.length > 0 && (
              <ul className={styles.notes}>
                {notes.slice(0, SHOWN_NOTES).map((f) => (
                  <li key={`${f.code}|${f.row ?? ""}|${f.message}`}>{f.message}</li>
                ))}
                {notes.length > SHOWN_NOTES && (
                  <li>另有 {notes.length - SHOWN_NOTES} 条导入提示。</li>
                )}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

export default ImportFeedback;

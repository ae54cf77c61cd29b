/**
 * 报送: sends the open workbook to the inspection office's server (src/server/submissions) with
 * the unit's token, shows the server's answer (第N次报送, counted or not with the errors) and
 * the unit's history. The server URL and the token are per-user settings in localStorage, like
 * the library's token (never the workbook). Standalone sends the opened file's bytes; in Excel
 * the file Excel saves (getFileAsync), so unsaved edits are included as Excel sees them.
 */
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Text,
  tokens,
} from "@fluentui/react-components";
import { SendRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { chineseLocalDate, formatChineseDate } from "../../core/dates";
import type { WorkbookPort } from "../../ports/workbook";
import {
  SubmissionsApiError,
  SubmissionsClient,
  type SubmitResult,
} from "../../submissions/client";
import type { Submission } from "../../submissions/types";
import { describeError, isConnectionFailure, SERVER_STOPPED } from "../errors";
import { localSettings as storage } from "../local-storage";
import { findingKey } from "./FindingsTab";

export const SUBMIT_URL_KEY = "zhenggai.submit.url";
export const SUBMIT_TOKEN_KEY = "zhenggai.submit.token";
/** Errors listed under a not-counted answer; the rest are counted in the title. */
const ERRORS_SHOWN = 10;

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

function messageOf(e: unknown): string {
  if (e instanceof SubmissionsApiError) {
    if (e.code === "network") return isConnectionFailure(e) ? SERVER_STOPPED : e.message;
    const details = e.details.length > 0 ? `：${e.details.slice(0, ERRORS_SHOWN).join("；")}` : "";
    return `报送未成功：${e.message}${details}`;
  }
  return describeError(e);
}

async function workbookBytes(port: WorkbookPort): Promise<Uint8Array> {
  if (port.host === "excel") {
    const { readWorkbookFileBytes } = await import("../../office/file-bytes");
    return readWorkbookFileBytes();
  }
  const { standaloneFileBytes } = await import("../standalone-port");
  const bytes = standaloneFileBytes(port);
  if (!bytes) throw new Error("无法取得已打开台账的文件内容，请重新打开台账后再报送。");
  return bytes;
}

const fileNameOf = (port: WorkbookPort) =>
  /\.xlsx$/i.test(port.label) ? port.label : `${port.label || "台账"}.xlsx`;

function describeRound(s: Submission): string {
  const f = s.figures;
  const counted = f.errors === 0 ? "计入汇总" : `有${f.errors}处错误，未计入汇总`;
  return `第${s.round}次报送 · ${chineseLocalDate(s.submittedAt)} · 截至${formatChineseDate(s.asOf)} · 问题${f.total}个，已完成${f.done}个 · ${counted}`;
}

export function SubmitPanel({ port }: { port: WorkbookPort | undefined }) {
  const styles = useStyles();
  const [url, setUrl] = useState(
    () => storage()?.getItem(SUBMIT_URL_KEY) ?? globalThis.location?.origin ?? "",
  );
  const [token, setToken] = useState(() => storage()?.getItem(SUBMIT_TOKEN_KEY) ?? "");
  const [remember, setRemember] = useState(() => !!storage()?.getItem(SUBMIT_TOKEN_KEY));
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<SubmitResult | undefined>();
  const [history, setHistory] = useState<Submission[] | undefined>();
  const [error, setError] = useState<string | undefined>();

  const saveToken = (value: string, keep: boolean) => {
    setToken(value);
    if (keep) storage()?.setItem(SUBMIT_TOKEN_KEY, value);
    else storage()?.removeItem(SUBMIT_TOKEN_KEY);
  };

  const submit = async () => {
    if (!port) return;
    setBusy(true);
    setError(undefined);
    setAnswer(undefined);
    try {
      if (!url.trim()) throw new Error("请填写报送服务器地址。");
      if (!token.trim()) throw new Error("请先填写本单位的报送令牌（向巡察办或管理员索取）。");
      storage()?.setItem(SUBMIT_URL_KEY, url.trim());
      const client = new SubmissionsClient(url.trim(), token.trim());
      const bytes = await workbookBytes(port);
      setAnswer(await client.submit(fileNameOf(port), bytes));
      setHistory(await client.submissions());
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const errors = answer?.submission.findings.filter((f) => f.severity === "error") ?? [];
  return (
    <section aria-label="报送" className={styles.section}>
      <Text weight="semibold">报送台账</Text>
      <Text size={200} className={styles.muted}>
        把当前台账报送给巡察办；服务器会按同样的规则校验，有错误的台账会收下但不计入汇总。
      </Text>
      <Field label="报送服务器">
        <Input value={url} onChange={(_, d) => setUrl(d.value)} autoComplete="off" />
      </Field>
      <Field label="单位报送令牌" hint="由管理员创建单位账户时给出；只保存在本机浏览器中。">
        <Input
          type="password"
          value={token}
          onChange={(_, d) => saveToken(d.value, remember)}
          autoComplete="off"
        />
      </Field>
      <Checkbox
        checked={remember}
        onChange={(_, d) => {
          setRemember(d.checked === true);
          saveToken(token, d.checked === true);
        }}
        label="在本机记住报送令牌"
      />
      <Button
        appearance="primary"
        icon={<SendRegular />}
        disabled={!port || busy}
        onClick={() => void submit()}
      >
        {busy ? "正在报送…" : "报送台账"}
      </Button>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {answer && (
        <MessageBar intent={answer.counted ? "success" : "warning"} data-testid="submit-answer">
          <MessageBarBody>
            <MessageBarTitle>
              第{answer.submission.round}次报送{answer.counted ? "已计入汇总" : "未计入汇总"}
            </MessageBarTitle>
            {answer.message}
            {errors.length > 0 && (
              <ul className={styles.list}>
                {errors.slice(0, ERRORS_SHOWN).map((f) => (
                  <li key={findingKey(f)}>{f.message}</li>
                ))}
                {answer.submission.figures.errors > ERRORS_SHOWN && (
                  <li>……共{answer.submission.figures.errors}处错误</li>
                )}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {history && (
        <section aria-label="报送记录" className={styles.section}>
          <Text weight="semibold">本单位报送记录（共{history.length}次）</Text>
          <ul className={styles.list}>
            {history.map((s) => (
              <li key={s.id} data-round={s.round}>
                {describeRound(s)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

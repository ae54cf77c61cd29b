/**
 * First run, standalone: three steps (get a ledger, open it, check and generate) with
 * 下载空白台账 (the `zhenggai init` workbook, built in the page) and 打开示例台账, beside the
 * open-or-drop card. 设置 stays usable meanwhile.
 */
import {
  Button,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, DocumentTableSearchRegular } from "@fluentui/react-icons";
import { saveBlob, XLSX_MIME } from "../download";
import { BLANK_LEDGER_NAME, blankLedgerBytes, exampleLedgerFile } from "../first-run";
import { useAction } from "../state/useSession";
import { OpenFile } from "./OpenFile";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  steps: { margin: 0, paddingLeft: "1.4em", display: "grid", gap: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function Welcome(props: { onFile: (file: File) => void | Promise<void> }) {
  const styles = useStyles();
  const blank = useAction();
  const example = useAction();
  return (
    <section aria-label="欢迎使用" className={styles.root} data-testid="welcome">
      <Text weight="semibold" size={400} as="h2" style={{ margin: 0 }}>
        欢迎使用整改台账助手
      </Text>
      <ol className={styles.steps}>
        <li>
          <Text>
            准备台账：下载空白台账，按“整改台账”逐行登记问题、在“基本信息”填写巡察和发文信息；或先打开示例台账看看效果。
          </Text>
        </li>
        <li>
          <Text>
            打开台账：把 .xlsx 文件拖到这里，或点“选择台账文件”。文件只在本机浏览器中读取。
          </Text>
        </li>
        <li>
          <Text>在“校验”中改正错误，在“设置”中填写单位信息，然后在“生成”中生成报告和通报。</Text>
        </li>
      </ol>
      <div className={styles.actions}>
        <Button
          icon={blank.busy ? <Spinner size="tiny" /> : <ArrowDownloadRegular />}
          disabled={blank.busy}
          onClick={() =>
            void blank.act(async () =>
              saveBlob(await blankLedgerBytes(), BLANK_LEDGER_NAME, XLSX_MIME),
            )
          }
        >
          下载空白台账
        </Button>
        <Button
          icon={example.busy ? <Spinner size="tiny" /> : <DocumentTableSearchRegular />}
          disabled={example.busy}
          onClick={() => void example.act(async () => props.onFile(await exampleLedgerFile()))}
        >
          打开示例台账
        </Button>
      </div>
      {(blank.error ?? example.error) && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{blank.error ?? example.error}</MessageBarBody>
        </MessageBar>
      )}
      <OpenFile onFile={props.onFile} />
    </section>
  );
}

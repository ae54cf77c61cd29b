/**
 * Inside Excel, a workbook with no ledger (a new, empty one): instead of the red 找不到整改台账,
 * offer 新建台账表, which adds the sheets of `zhenggai init` (live.addLedgerSheets with nothing
 * imported). Shown only when no ledger sheet was found, so no sheet of the clerk's is touched.
 */
import {
  Button,
  Card,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { TableAddRegular } from "@fluentui/react-icons";
import type { LiveWorkbook } from "../../ports/workbook";
import { emptyLedgerImport } from "../first-run";
import { useAction } from "../state/useSession";

export function NewLedger(props: { live: LiveWorkbook; onAdded: () => void | Promise<void> }) {
  const { busy, error, act } = useAction();
  return (
    <Card data-testid="new-ledger" style={{ gap: tokens.spacingVerticalM }}>
      <Text weight="semibold" size={400}>
        这个工作簿还没有整改台账
      </Text>
      <Text>
        点“新建台账表”，在本工作簿中新增“整改台账”“基本信息”“报告正文”三张工作表（带下拉选项和填写提示），然后逐行登记问题。已有的工作表不会改动。
      </Text>
      <Button
        appearance="primary"
        icon={busy ? <Spinner size="tiny" /> : <TableAddRegular />}
        disabled={busy}
        onClick={() =>
          void act(async () => {
            await props.live.addLedgerSheets(emptyLedgerImport());
            await props.onAdded();
          })
        }
      >
        新建台账表
      </Button>
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </Card>
  );
}

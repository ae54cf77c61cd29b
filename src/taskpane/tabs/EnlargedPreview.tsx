/**
 * 放大预览 where the host has no window for it (standalone, or Excel without DialogApi 1.2): the
 * preview over the whole pane, with its page count, 保存 and 关闭 (Esc closes too). Focus stays
 * inside while it is open and returns to 放大预览 when it closes.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { lazy, Suspense } from "react";
import { usePageCount } from "./page-count";

const Preview = lazy(() => import("./Preview").then((m) => ({ default: m.Preview })));

const useStyles = makeStyles({
  surface: {
    width: "calc(100vw - 16px)",
    maxWidth: "calc(100vw - 16px)",
    height: "calc(100vh - 16px)",
    maxHeight: "calc(100vh - 16px)",
    padding: tokens.spacingHorizontalM,
    boxSizing: "border-box",
  },
  content: { overflow: "hidden" },
  title: { overflowWrap: "anywhere" },
});

export function EnlargedPreview(props: {
  readonly docx: Uint8Array;
  readonly fileName: string;
  readonly saved: boolean;
  readonly onSave: () => void;
  readonly onClose: () => void;
}) {
  const styles = useStyles();
  const { box, pages } = usePageCount(props.docx);
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && props.onClose()}>
      <DialogSurface
        className={styles.surface}
        aria-label="放大预览"
        data-testid="enlarged-preview"
      >
        <DialogBody>
          <DialogTitle className={styles.title}>
            {props.fileName}
            <Text size={200} weight="regular" data-testid="enlarged-pages">
              {pages ? ` · 共 ${pages} 页` : ""}
            </Text>
          </DialogTitle>
          <DialogContent className={styles.content}>
            <div ref={box}>
              <Suspense fallback={null}>
                {/* The surface less its title and buttons: the pages scroll inside. */}
                <Preview docx={props.docx} maxHeight="calc(100vh - 150px)" />
              </Suspense>
            </div>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" icon={<ArrowDownloadRegular />} onClick={props.onSave}>
              {props.saved ? "再次保存" : "保存"}
            </Button>
            <Button onClick={props.onClose}>关闭</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

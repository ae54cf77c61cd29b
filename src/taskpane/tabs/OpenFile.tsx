/** Standalone mode: choose or drop an .xlsx ledger. */
import { Button, Card, makeStyles, Text, tokens } from "@fluentui/react-components";
import { FolderOpenRegular } from "@fluentui/react-icons";
import { cloneElement, type DragEvent, type ReactElement, useRef, useState } from "react";

const ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const useStyles = makeStyles({
  card: {
    alignItems: "center",
    textAlign: "center",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalXXL,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
  },
  hint: { color: tokens.colorNeutralForeground3 },
});

export function OpenFile(props: {
  onFile: (file: File) => void | Promise<void>;
  compact?: boolean;
  children?: ReactElement<{ onClick?: () => void }>;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const picker = (
    <input
      ref={input}
      type="file"
      accept={ACCEPT}
      hidden
      data-testid="open-xlsx"
      onChange={(e) => {
        const file = e.currentTarget.files?.[0];
        e.currentTarget.value = "";
        if (file) void props.onFile(file);
      }}
    />
  );
  const open = () => input.current?.click();
  if (props.compact && props.children) {
    return (
      <>
        {picker}
        {cloneElement(props.children, { onClick: open })}
      </>
    );
  }
  return (
    <Card className={styles.card}>
      {picker}
      <Text weight="semibold" size={400}>
        打开整改台账
      </Text>
      <Text className={styles.hint}>
        把 .xlsx 台账文件拖到这里，或点击下面的按钮选择文件。文件只在本机浏览器中读取，不会上传。
      </Text>
      <Button appearance="primary" icon={<FolderOpenRegular />} onClick={open}>
        选择台账文件
      </Button>
    </Card>
  );
}

/** Drag-and-drop of one file anywhere on the pane. */
export function useFileDrop(onFile: ((file: File) => void | Promise<void>) | undefined) {
  const [dragging, setDragging] = useState(false);
  if (!onFile) return { dragging: false, handlers: {} };
  return {
    dragging,
    handlers: {
      onDragOver: (e: DragEvent) => {
        if (!e.dataTransfer.types.includes("Files")) return;
        e.preventDefault();
        setDragging(true);
      },
      onDragLeave: () => setDragging(false),
      onDrop: (e: DragEvent) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer.files[0];
        if (file) void onFile(file);
      },
    },
  };
}

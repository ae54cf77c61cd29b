/** 模板包: import a pack (.zip) into the workbook, or export the workbook's templates as one. */
import { Button, Checkbox, Subtitle2, Text } from "@fluentui/react-components";
import { ArrowDownloadRegular, ArrowUploadRegular } from "@fluentui/react-icons";
import { useRef, useState } from "react";
import { todayLocal } from "../../core/dates";
import { saveBlob } from "../download";
import { exportWorkbookPack, importPackIntoWorkbook } from "./actions";
import { HiddenFileInput, readFileInput } from "./controls";
import { useTemplatesStyles } from "./styles";
import type { SectionProps } from "./useTask";

export function PackSection(props: SectionProps) {
  const styles = useTemplatesStyles();
  const { port, act, busy } = props;
  const { canEmbed, embedded, refresh } = props.templates;
  const [takeProfile, setTakeProfile] = useState(false);
  const packInput = useRef<HTMLInputElement>(null);
  return (
    <section className={styles.section} aria-label="模板包">
      <Subtitle2>模板包</Subtitle2>
      <Text size={200} className={styles.muted}>
        模板包（.zip）包含模板和单位设置，可在单位之间传递；导入时逐个检查，全部通过才导入。
      </Text>
      <div className={styles.row}>
        <HiddenFileInput
          ref={packInput}
          accept=".zip"
          onChange={() =>
            act("正在检查模板包……", async () => {
              const file = await readFileInput(packInput.current);
              if (!file || !port) return undefined;
              const outcome = await importPackIntoWorkbook(port, file.bytes, takeProfile);
              await refresh();
              return `已导入 ${outcome.templates.length} 个模板${outcome.profileSaved ? "，并更新了单位设置" : ""}。`;
            })
          }
        />
        <Button
          icon={<ArrowUploadRegular />}
          disabled={!!busy || !canEmbed}
          onClick={() => packInput.current?.click()}
        >
          导入模板包
        </Button>
        <Checkbox
          checked={takeProfile}
          onChange={(_, d) => setTakeProfile(d.checked === true)}
          label="同时导入单位设置"
        />
        <Button
          icon={<ArrowDownloadRegular />}
          disabled={!!busy || !canEmbed || embedded.length === 0}
          onClick={() =>
            act("正在导出……", async () => {
              if (!port) return undefined;
              const bytes = await exportWorkbookPack(port);
              saveBlob(bytes, `模板包-${todayLocal()}.zip`, "application/zip");
              return `已导出 ${embedded.length} 个模板。`;
            })
          }
        >
          导出模板包
        </Button>
      </div>
    </section>
  );
}

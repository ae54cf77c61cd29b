/**
 * 内置模板: the built-in templates to download or embed, and a local .docx to embed (after the
 * same checks as any other template).
 */
import { Button, Select, Subtitle2, Text } from "@fluentui/react-components";
import { DocumentAddRegular } from "@fluentui/react-icons";
import { useRef, useState } from "react";
import { DOCUMENT_KINDS, DOCX_MIME, type DocumentKind } from "../../documents/api";
import { saveBlob } from "../download";
import { embedFile, fetchBuiltInTemplate } from "./actions";
import { DownloadButton, HiddenFileInput, KindOptions, readFileInput } from "./controls";
import { useTemplatesStyles } from "./styles";
import type { SectionProps } from "./useTask";

export function BuiltInSection(props: SectionProps) {
  const styles = useTemplatesStyles();
  const { port, act, busy } = props;
  const { canEmbed, refresh } = props.templates;
  const [fileKind, setFileKind] = useState<DocumentKind>("报告");
  const docxInput = useRef<HTMLInputElement>(null);
  return (
    <section className={styles.section} aria-label="内置模板">
      <Subtitle2>内置模板</Subtitle2>
      {DOCUMENT_KINDS.map((kind) => (
        <div className={styles.row} key={kind}>
          <Text className={styles.grow}>{kind}（GB/T 9704 版式，随程序提供）</Text>
          <DownloadButton
            act={act}
            busy={busy}
            save={async () => saveBlob(await fetchBuiltInTemplate(kind), `${kind}.docx`, DOCX_MIME)}
          />
          {canEmbed && port && (
            <Button
              size="small"
              icon={<DocumentAddRegular />}
              disabled={!!busy}
              onClick={() =>
                act("正在嵌入……", async () => {
                  await embedFile(port, {
                    name: `内置${kind}`,
                    kind,
                    docx: await fetchBuiltInTemplate(kind),
                    origin: "内置模板",
                  });
                  await refresh();
                  return `已把内置${kind}模板嵌入工作簿。`;
                })
              }
            >
              嵌入
            </Button>
          )}
        </div>
      ))}
      {canEmbed && port && (
        <div className={styles.row}>
          <Text className={styles.grow}>本机 .docx 模板</Text>
          <Select
            size="small"
            aria-label="本机模板的类型"
            value={fileKind}
            onChange={(_, d) => setFileKind(d.value as DocumentKind)}
          >
            <KindOptions />
          </Select>
          <HiddenFileInput
            ref={docxInput}
            accept=".docx"
            onChange={() =>
              act("正在检查并嵌入……", async () => {
                const file = await readFileInput(docxInput.current);
                if (!file) return undefined;
                const name = file.name.replace(/\.docx$/i, "");
                const kind = fileKind;
                await embedFile(port, { name, kind, docx: file.bytes, origin: "本机文件" });
                await refresh();
                return `已把“${name}”作为${kind}模板嵌入工作簿。`;
              })
            }
          />
          <Button
            size="small"
            icon={<DocumentAddRegular />}
            disabled={!!busy}
            onClick={() => docxInput.current?.click()}
          >
            选择文件嵌入
          </Button>
        </div>
      )}
    </section>
  );
}

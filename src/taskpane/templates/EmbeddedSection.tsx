/** 本工作簿的模板: the templates embedded in the workbook, to download or take out. */
import { Button, Subtitle2, Text } from "@fluentui/react-components";
import { ArrowDownloadRegular, DeleteRegular } from "@fluentui/react-icons";
import { DOCX_MIME } from "../../documents/api";
import type { EmbeddedTemplate } from "../../ports/workbook";
import { saveBlob } from "../download";
import type { HostInfo } from "../host";
import { useTemplatesStyles } from "./styles";
import { type TemplateColumn, TemplateTable } from "./TemplateTable";
import type { SectionProps } from "./useTask";

const COLUMNS: readonly TemplateColumn<EmbeddedTemplate>[] = [
  { header: "来源", cell: (t) => t.origin, title: (t) => `sha256 ${t.sha256}` },
];

export function EmbeddedSection(props: SectionProps & { readonly host: HostInfo }) {
  const styles = useTemplatesStyles();
  const { port, host, act, busy } = props;
  const { store, canEmbed, embedded, refresh } = props.templates;
  return (
    <section className={styles.section} aria-label="本工作簿的模板">
      <Subtitle2>本工作簿的模板</Subtitle2>
      {!port ? (
        <Text className={styles.muted}>请先打开台账。</Text>
      ) : !canEmbed ? (
        <Text className={styles.muted}>
          {host.kind === "standalone"
            ? "单机网页版不能把模板嵌入工作簿；可下载模板，在“生成”页选择本机模板文件。"
            : "此 Excel 版本不支持在工作簿中嵌入模板。"}
        </Text>
      ) : embedded.length === 0 ? (
        <Text className={styles.muted}>工作簿中没有内嵌模板，生成时使用内置模板。</Text>
      ) : (
        <TemplateTable
          label="工作簿内嵌模板"
          templates={embedded}
          columns={COLUMNS}
          actions={(t) => (
            <>
              <Button
                size="small"
                icon={<ArrowDownloadRegular />}
                title="下载"
                aria-label={`下载${t.name}`}
                onClick={() => saveBlob(t.docx, `${t.name}.docx`, DOCX_MIME)}
              />
              {store && (
                <Button
                  size="small"
                  icon={<DeleteRegular />}
                  title="从工作簿移除"
                  aria-label={`移除${t.name}`}
                  disabled={!!busy}
                  onClick={() =>
                    act("正在移除……", async () => {
                      await store.remove(t.name);
                      await refresh();
                      return `已从工作簿移除“${t.name}”。`;
                    })
                  }
                />
              )}
            </>
          )}
        />
      )}
    </section>
  );
}

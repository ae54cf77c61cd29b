/** 模板库: the shared library's list under a filter; embed (or download) a template from it. */
import { Button, Field, Input, Select, Subtitle2, Text } from "@fluentui/react-components";
import { ArrowSyncRegular, DocumentAddRegular } from "@fluentui/react-icons";
import { chineseLocalDate } from "../../core/dates";
import type { DocumentKind } from "../../documents/api";
import type { TemplateSummary } from "../../library/client";
import { pullIntoWorkbook } from "./actions";
import { DownloadButton, KindOptions } from "./controls";
import { useTemplatesStyles } from "./styles";
import { type TemplateColumn, TemplateTable } from "./TemplateTable";
import type { SectionProps } from "./useTask";
import type { TemplateLibrary } from "./useTemplateLibrary";

const COLUMNS: readonly TemplateColumn<TemplateSummary>[] = [
  { header: "部门", cell: (t) => t.department },
  { header: "版本", cell: (t) => (t.latest ? `v${t.latest.version}` : "已停用") },
  { header: "日期", cell: (t) => chineseLocalDate(t.latest?.createdAt) },
];

export function LibrarySection(props: SectionProps & { readonly library: TemplateLibrary }) {
  const styles = useTemplatesStyles();
  const { port, act, busy } = props;
  const { canEmbed, refresh: refreshEmbedded } = props.templates;
  const lib = props.library;
  return (
    <section className={styles.section} aria-label="模板库">
      <Subtitle2>模板库</Subtitle2>
      <div className={styles.row}>
        <Field label="模板库地址" className={styles.grow}>
          <Input
            value={lib.url}
            onChange={(_, d) => lib.setUrl(d.value)}
            placeholder="http://10.1.2.3:8790"
          />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label="类型">
          <Select
            value={lib.kindFilter}
            onChange={(_, d) => lib.setKindFilter(d.value as "" | DocumentKind)}
          >
            <option value="">全部</option>
            <KindOptions />
          </Select>
        </Field>
        <Field label="名称含" className={styles.grow}>
          <Input value={lib.query} onChange={(_, d) => lib.setQuery(d.value)} />
        </Field>
        <Button
          icon={<ArrowSyncRegular />}
          disabled={!!busy}
          onClick={() =>
            act("正在读取模板库……", async () => {
              await lib.refresh();
              return undefined;
            })
          }
        >
          刷新
        </Button>
      </div>
      {lib.library && lib.library.length === 0 && (
        <Text className={styles.muted}>模板库中没有符合条件的模板。</Text>
      )}
      {lib.library && lib.library.length > 0 && (
        <TemplateTable
          label="模板库中的模板"
          templates={lib.library}
          columns={COLUMNS}
          actions={(t) =>
            t.latest && canEmbed && port ? (
              <Button
                size="small"
                icon={<DocumentAddRegular />}
                disabled={!!busy}
                title="下载并嵌入工作簿"
                onClick={() =>
                  act("正在下载并嵌入……", async () => {
                    const e = await pullIntoWorkbook(lib.client, port, t);
                    await refreshEmbedded();
                    return `已把“${e.name}”第 ${e.version} 版嵌入工作簿，生成时选择“工作簿内嵌模板”即可使用。`;
                  })
                }
              >
                嵌入
              </Button>
            ) : t.latest ? (
              <DownloadButton act={act} busy={busy} save={() => lib.download(t)} />
            ) : null
          }
        />
      )}
    </section>
  );
}

/**
 * 模板 tab: built-in, workbook-embedded and library templates side by side; pull a library
 * template into the workbook, import/export a template pack, publish a template to the library.
 *
 * Mounting (App.tsx does it through import.meta.glob):
 *
 *   <TemplatesTab port={port} host={host} />
 *
 * Props
 *   port        the WorkbookPort, or undefined before a workbook is open. Embedding needs
 *               port.embedded (the Excel adapter); without it the tab offers downloads
 *               instead.
 *   host        HostInfo (only used to word messages for the standalone page).
 *   libraryUrl  optional: the library server; default the URL this user saved last, else the
 *               pane's own origin (the server serves the library under /api/library).
 *   fetchImpl   optional: fetch for the library client (tests).
 *
 * The department's publish token is kept per user in localStorage (zhenggai.library.token),
 * never in the workbook. The sections share one action runner (useTask), the workbook's list
 * (useEmbeddedTemplates) and the library's state (useTemplateLibrary).
 */

import { Divider, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import type { WorkbookPort } from "../../ports/workbook";
import type { HostInfo } from "../host";
import { BuiltInSection } from "./BuiltInSection";
import { EmbeddedSection } from "./EmbeddedSection";
import { LibrarySection } from "./LibrarySection";
import { PackSection } from "./PackSection";
import { PublishSection } from "./PublishSection";
import { useTemplatesStyles } from "./styles";
import { useEmbeddedTemplates } from "./useEmbeddedTemplates";
import { useTask } from "./useTask";
import { useTemplateLibrary } from "./useTemplateLibrary";

export interface TemplatesTabProps {
  readonly port: WorkbookPort | undefined;
  readonly host: HostInfo;
  readonly libraryUrl?: string;
  readonly fetchImpl?: typeof fetch;
}

export default function TemplatesTab({ port, host, libraryUrl, fetchImpl }: TemplatesTabProps) {
  const styles = useTemplatesStyles();
  const { notice, busy, act, fail } = useTask();
  const templates = useEmbeddedTemplates(port, fail);
  const library = useTemplateLibrary({ libraryUrl, fetchImpl });
  const common = { port, templates, act, busy };

  return (
    <div className={styles.root}>
      {notice && (
        <MessageBar intent={notice.intent}>
          <MessageBarBody style={{ whiteSpace: "pre-line" }}>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {busy && <Spinner size="tiny" label={busy} labelPosition="after" />}
      <EmbeddedSection host={host} {...common} />
      <BuiltInSection {...common} />
      <Divider />
      <LibrarySection library={library} {...common} />
      <Divider />
      <PackSection {...common} />
      <Divider />
      <PublishSection library={library} {...common} />
    </div>
  );
}

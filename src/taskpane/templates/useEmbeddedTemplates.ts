/**
 * The workbook's embedded templates, through the WorkbookPort: the list, read when the tab opens
 * and again after every change. `store` is undefined where the host cannot embed (standalone
 * page, older Excel); the list then stays empty.
 */
import { useCallback, useEffect, useState } from "react";
import type { EmbeddedTemplate, EmbeddedTemplateStore, WorkbookPort } from "../../ports/workbook";

export interface EmbeddedTemplates {
  readonly store: EmbeddedTemplateStore | null | undefined;
  readonly canEmbed: boolean;
  readonly embedded: readonly EmbeddedTemplate[];
  /** Reads the list again (after an embed, a removal or an import). */
  readonly refresh: () => Promise<void>;
}

export function useEmbeddedTemplates(
  port: WorkbookPort | undefined,
  onError: (e: unknown) => void,
): EmbeddedTemplates {
  const [embedded, setEmbedded] = useState<EmbeddedTemplate[]>([]);
  const store = port?.embedded;

  const refresh = useCallback(async () => {
    setEmbedded((await store?.list()) ?? []);
  }, [store]);

  useEffect(() => {
    void refresh().catch(onError);
  }, [refresh, onError]);

  return { store, canEmbed: !!store, embedded, refresh };
}

/**
 * The shared template library as the 模板 tab sees it: the server's address, the list under the
 * current filter, downloading and publishing, and the department's publish token. The address
 * and the token are this user's settings (localStorage), never the workbook's.
 */
import { useMemo, useState } from "react";
import type { DocumentKind } from "../../documents/api";
import { DOCX_MIME } from "../../documents/api";
import { LibraryClient, type TemplateSummary, type TemplateVersion } from "../../library/client";
import { saveBlob } from "../download";
import { localSettings as storage } from "../local-storage";
import { LIBRARY_TOKEN_KEY, LIBRARY_URL_KEY, publishTemplate } from "./actions";

export interface TemplateLibrary {
  readonly url: string;
  readonly setUrl: (url: string) => void;
  readonly client: LibraryClient;
  /** The last list read; undefined until the first 刷新. */
  readonly library: readonly TemplateSummary[] | undefined;
  readonly kindFilter: "" | DocumentKind;
  readonly setKindFilter: (kind: "" | DocumentKind) => void;
  readonly query: string;
  readonly setQuery: (query: string) => void;
  /** Reads the list under the filter; remembers the address that answered. */
  readonly refresh: () => Promise<void>;
  /** Saves the newest version of a template as a .docx. */
  readonly download: (template: TemplateSummary) => Promise<void>;
  readonly token: string;
  readonly setToken: (token: string) => void;
  readonly rememberToken: boolean;
  readonly setRememberToken: (remember: boolean) => void;
  /** Checks and publishes a template; a list already on screen is read again. */
  readonly publish: (input: {
    name: string;
    kind: DocumentKind;
    docx: Uint8Array;
    note?: string;
  }) => Promise<TemplateVersion>;
}

export function useTemplateLibrary(options: {
  libraryUrl?: string | undefined;
  fetchImpl?: typeof fetch | undefined;
}): TemplateLibrary {
  const { libraryUrl, fetchImpl } = options;
  const [url, setUrl] = useState(
    () => libraryUrl ?? storage()?.getItem(LIBRARY_URL_KEY) ?? globalThis.location?.origin ?? "",
  );
  const [library, setLibrary] = useState<TemplateSummary[] | undefined>();
  const [kindFilter, setKindFilter] = useState<"" | DocumentKind>("");
  const [query, setQuery] = useState("");
  const [token, setTokenState] = useState(() => storage()?.getItem(LIBRARY_TOKEN_KEY) ?? "");
  const [rememberToken, setRememberState] = useState(() => !!storage()?.getItem(LIBRARY_TOKEN_KEY));

  const client = useMemo(() => new LibraryClient(url || "/", fetchImpl), [url, fetchImpl]);

  const refresh = async () => {
    const list = await client.listTemplates({
      ...(kindFilter ? { kind: kindFilter } : {}),
      ...(query.trim() ? { q: query.trim() } : {}),
    });
    setLibrary(list);
    storage()?.setItem(LIBRARY_URL_KEY, url);
  };

  const saveToken = (value: string, remember: boolean) => {
    setTokenState(value);
    if (remember) storage()?.setItem(LIBRARY_TOKEN_KEY, value);
    else storage()?.removeItem(LIBRARY_TOKEN_KEY);
  };

  return {
    url,
    setUrl,
    client,
    library,
    kindFilter,
    setKindFilter,
    query,
    setQuery,
    refresh,
    download: async (t) => {
      const got = await client.download(t.name);
      saveBlob(got.bytes, `${t.name}-v${got.version}.docx`, DOCX_MIME);
    },
    token,
    setToken: (value) => saveToken(value, rememberToken),
    rememberToken,
    setRememberToken: (remember) => {
      setRememberState(remember);
      saveToken(token, remember);
    },
    publish: async (input) => {
      const v = await publishTemplate(client, { ...input, token });
      if (library) await refresh();
      return v;
    },
  };
}

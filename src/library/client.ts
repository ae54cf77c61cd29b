/**
 * A small client for the template library API (src/server/library/plugin.ts), used by the 模板
 * tab and by `zhenggai library …`. Only global fetch and Web Crypto: runs in the browser and in
 * Node 20. Every download is checked against the sha256 the server states.
 */
import {
  ApiError,
  type ApiTarget,
  apiBase,
  bearer,
  fetchApi,
  fetchJson,
} from "../api-client/fetch-api";
import type { DocumentKind } from "../documents/api";
import { DOCX_MIME } from "../documents/api";
import { sha256Hex } from "./hash";
import type {
  AuditEntry,
  Department,
  TemplateDetail,
  TemplateFilter,
  TemplateSummary,
  TemplateVersion,
} from "./types";

export type { Department, TemplateDetail, TemplateSummary, TemplateVersion };

export const LIBRARY_API_PREFIX = "/api/library";

/** An error answer of the library (or a network failure: status 0), with its Chinese message. */
export class LibraryApiError extends ApiError {
  override name = "LibraryApiError";
}

export interface DownloadedTemplate {
  readonly name: string;
  readonly version: number;
  readonly sha256: string;
  readonly bytes: Uint8Array;
}

/** `http://host:port` or `http://host:port/api/library` → the API base without a trailing slash. */
export const libraryApiBase = (serverUrl: string): string => apiBase(serverUrl, LIBRARY_API_PREFIX);

export class LibraryClient {
  readonly base: string;
  private readonly target: ApiTarget;

  constructor(serverUrl: string, fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args)) {
    this.base = libraryApiBase(serverUrl);
    this.target = { base: this.base, server: "模板库", fetchImpl, errorClass: LibraryApiError };
  }

  private request(path: string, init: RequestInit = {}): Promise<Response> {
    return fetchApi(this.target, path, init);
  }

  private json<T>(path: string, init: RequestInit = {}): Promise<T> {
    return fetchJson<T>(this.target, path, init);
  }

  private static auth(token: string): Record<string, string> {
    return bearer(token);
  }

  private static jsonPost(token: string, body?: unknown): RequestInit {
    return {
      method: "POST",
      headers: {
        ...LibraryClient.auth(token),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    };
  }

  async listTemplates(filter: TemplateFilter = {}): Promise<TemplateSummary[]> {
    const query = new URLSearchParams();
    if (filter.kind) query.set("kind", filter.kind);
    if (filter.department) query.set("department", filter.department);
    if (filter.q) query.set("q", filter.q);
    const qs = query.toString();
    return (await this.json<{ templates: TemplateSummary[] }>(`/templates${qs ? `?${qs}` : ""}`))
      .templates;
  }

  getTemplate(name: string): Promise<TemplateDetail> {
    return this.json<TemplateDetail>(`/templates/${encodeURIComponent(name)}`);
  }

  /** Downloads a version (or the newest not deprecated) and verifies its sha256. */
  async download(name: string, version: number | "latest" = "latest"): Promise<DownloadedTemplate> {
    const path =
      version === "latest"
        ? `/templates/${encodeURIComponent(name)}/latest/file`
        : `/templates/${encodeURIComponent(name)}/versions/${version}/file`;
    const response = await this.request(path);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const stated = response.headers.get("x-template-sha256") ?? "";
    const actual = await sha256Hex(bytes);
    if (stated !== actual)
      throw new LibraryApiError(
        0,
        "checksum_mismatch",
        `下载的模板“${name}”校验值不符（可能在传输中损坏），请重试。`,
      );
    return {
      name,
      version: Number(response.headers.get("x-template-version")),
      sha256: actual,
      bytes,
    };
  }

  async publish(
    name: string,
    docx: Uint8Array,
    meta: { kind: DocumentKind; token: string; author?: string; note?: string },
  ): Promise<TemplateVersion> {
    const query = new URLSearchParams({ kind: meta.kind });
    if (meta.author) query.set("author", meta.author);
    if (meta.note) query.set("note", meta.note);
    const response = await this.json<{ version: TemplateVersion }>(
      `/templates/${encodeURIComponent(name)}/versions?${query}`,
      {
        method: "POST",
        headers: { ...LibraryClient.auth(meta.token), "content-type": DOCX_MIME },
        body: docx as Uint8Array<ArrayBuffer>,
      },
    );
    return response.version;
  }

  async deprecate(name: string, version: number, token: string): Promise<TemplateVersion> {
    return (
      await this.json<{ version: TemplateVersion }>(
        `/templates/${encodeURIComponent(name)}/versions/${version}/deprecate`,
        LibraryClient.jsonPost(token),
      )
    ).version;
  }

  createDepartment(
    name: string,
    adminToken: string,
  ): Promise<{ department: Department; token: string; message: string }> {
    return this.json("/departments", LibraryClient.jsonPost(adminToken, { name }));
  }

  async listDepartments(adminToken: string): Promise<Department[]> {
    return (
      await this.json<{ departments: Department[] }>("/departments", {
        headers: LibraryClient.auth(adminToken),
      })
    ).departments;
  }

  async revokeTokens(departmentId: number, adminToken: string): Promise<number> {
    return (
      await this.json<{ revoked: number }>(
        `/departments/${departmentId}/revoke`,
        LibraryClient.jsonPost(adminToken),
      )
    ).revoked;
  }

  async issueToken(departmentId: number, adminToken: string): Promise<string> {
    return (
      await this.json<{ token: string }>(
        `/departments/${departmentId}/tokens`,
        LibraryClient.jsonPost(adminToken),
      )
    ).token;
  }

  async audit(adminToken: string, limit = 200): Promise<AuditEntry[]> {
    return (
      await this.json<{ entries: AuditEntry[] }>(`/audit?limit=${limit}`, {
        headers: LibraryClient.auth(adminToken),
      })
    ).entries;
  }
}

/**
 * .docx bytes as base64 text and back, for what Office carries as text: embedded templates in
 * the workbook's custom XML (./templates.ts) and the preview dialog's messages
 * (./preview-protocol.ts). Whitespace in the text (line-wrapped XML) is ignored.
 */

export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  // In slices: String.fromCharCode(...all) would overflow the call stack on a large file.
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text.replace(/\s+/g, ""));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Pages a preview drew (docx-preview writes one section.docx per page), for "共 N 页". */
import { useEffect, useRef, useState } from "react";

export function usePageCount(docx: Uint8Array | undefined) {
  const box = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState(0);
  useEffect(() => {
    setPages(0);
    const el = box.current;
    if (!el || !docx) return;
    const count = () => setPages(el.querySelectorAll("section.docx").length);
    const observer = new MutationObserver(count);
    observer.observe(el, { childList: true, subtree: true });
    count();
    return () => observer.disconnect();
  }, [docx]);
  return { box, pages };
}

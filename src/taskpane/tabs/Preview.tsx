/** A page-like preview of the generated .docx (docx-preview, loaded on first use, through
 * ../preview/safe-preview.ts so that nothing the document carries runs). */
import { makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { renderSafePreview } from "../preview/safe-preview";

const PAGE_WIDTH_PX = 860; // an A4 page as docx-preview draws it, with its wrapper padding

const useStyles = makeStyles({
  frame: {
    marginTop: tokens.spacingVerticalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    overflow: "auto",
    maxHeight: "70vh",
  },
});

export function Preview({ docx, maxHeight }: { docx: Uint8Array; maxHeight?: string }) {
  const styles = useStyles();
  const frame = useRef<HTMLElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const [loading, setLoading] = useState(true);
  const [zoom, setZoom] = useState(0.4);

  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setZoom(Math.min(1, el.clientWidth / PAGE_WIDTH_PX)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    const target = body.current;
    target?.replaceChildren();
    if (target) {
      void renderSafePreview(docx, target, () => !cancelled).then(() => {
        if (!cancelled) setLoading(false);
      });
    }
    return () => {
      cancelled = true;
    };
  }, [docx]);

  return (
    <section
      className={styles.frame}
      ref={frame}
      data-testid="docx-preview"
      aria-label="文档预览"
      style={maxHeight ? { maxHeight, height: maxHeight } : undefined}
    >
      {loading && <Spinner size="small" label="正在生成预览……" style={{ padding: 12 }} />}
      <div ref={body} style={{ zoom }} />
    </section>
  );
}

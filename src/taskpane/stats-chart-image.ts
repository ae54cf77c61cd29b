/**
 * The picture for the standalone 整改统计 copy: 各方面整改完成率 as a PNG (the chart Excel's
 * 写入统计表 adds), drawn on a canvas in the page — a workbook file cannot carry a live chart
 * that exceljs writes.
 */
import type { GroupStats } from "../core/model";

const WIDTH = 640;
const ROW = 34;

export async function completionChartPng(
  title: string,
  groups: readonly GroupStats[],
): Promise<Uint8Array | undefined> {
  if (groups.length === 0) return undefined;
  const height = 60 + groups.length * ROW + 20;
  const canvas = document.createElement("canvas");
  canvas.width = WIDTH;
  canvas.height = height;
  const g = canvas.getContext("2d");
  if (!g) return undefined;
  const font = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif';
  g.fillStyle = "#ffffff";
  g.fillRect(0, 0, WIDTH, height);
  g.fillStyle = "#242424";
  g.font = `bold 18px ${font}`;
  g.textAlign = "center";
  g.fillText(title, WIDTH / 2, 32);
  const labelWidth = 200;
  const barLeft = labelWidth + 10;
  const barMax = WIDTH - barLeft - 70;
  g.font = `14px ${font}`;
  groups.forEach((group, i) => {
    const y = 60 + i * ROW;
    g.fillStyle = "#242424";
    g.textAlign = "right";
    const name =
      [...group.name].length > 14 ? `${[...group.name].slice(0, 13).join("")}…` : group.name;
    g.fillText(name, labelWidth, y + 18);
    g.fillStyle = "#e0e0e0";
    g.fillRect(barLeft, y + 4, barMax, 20);
    g.fillStyle = "#0f6cbd";
    g.fillRect(barLeft, y + 4, Math.round(barMax * group.completionRate), 20);
    g.fillStyle = "#242424";
    g.textAlign = "left";
    g.fillText(group.completionRateText, barLeft + barMax + 8, y + 18);
  });
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  return blob ? new Uint8Array(await blob.arrayBuffer()) : undefined;
}

/** Activates a sheet and selects one cell or range on it (clicking a finding). One sync. */
export async function selectCellIn(
  context: Excel.RequestContext,
  sheet: string,
  address: string,
): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(address).select();
  await context.sync();
}

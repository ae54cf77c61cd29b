/** The Workbook class's own module in exceljs (see ./workbook-class.ts); typed as the package's. */
declare module "exceljs/lib/doc/workbook.js" {
  import type ExcelJS from "exceljs";

  const Workbook: typeof ExcelJS.Workbook;
  export default Workbook;
}

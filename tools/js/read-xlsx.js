// Usage: node read-xlsx.js WORKBOOK.xlsx
// Opens a workbook with ExcelJS and prints, as JSON, its core properties and
// each sheet's name, size, merged ranges and cell texts, so that a Go test can
// compare what a second reader sees with what gongkai wrote.
"use strict";
const ExcelJS = require("exceljs");

async function main(file) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = {
    creator: wb.creator || "",
    lastModifiedBy: wb.lastModifiedBy || "",
    title: wb.title || "",
    subject: wb.subject || "",
    created: wb.created ? wb.created.toISOString() : "",
    sheets: [],
  };
  wb.eachSheet((ws) => {
    const cells = {};
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        let v = cell.value;
        if (v && typeof v === "object" && v.richText) v = v.richText.map((r) => r.text).join("");
        cells[cell.address] = v === null || v === undefined ? "" : String(v);
      });
    });
    out.sheets.push({ name: ws.name, rows: ws.rowCount, merges: Object.keys(ws._merges || {}).length, cells });
  });
  process.stdout.write(JSON.stringify(out));
}

main(process.argv[2]).catch((e) => {
  console.error(`${process.argv[2]}: ExcelJS: ${e.message}`);
  process.exit(1);
});

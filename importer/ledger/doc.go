// Package ledger compiles budget lines (预算明细, "the ledger") into a
// department's disclosure: all ten tables, the narrative figures that follow
// from the numbers, and the department's details.
//
// It sits with the other importers in gongkai's one-way flow
//
//	预算明细.xlsx / .csv → ledger.Read → ledger.Build → model.Disclosure → check → templates → exporters
//
// and imports model and check (for the classification catalog that check
// embeds). Read parses a CSV (UTF-8 or GB18030) or a workbook (a 明细 sheet,
// optional 基本信息 and 收入 sheets), finding columns by their header words
// (Headers, docs/ledger-format.md); every problem comes back at once as
// model.ParseErrors with its place (file:line or sheet!cell) and one of the
// sentinels in errors.go. A workbook is untrusted input: its unpacked size
// (ReadOptions.MaxUnzipSize, MaxPartSize) is checked from the zip directory
// before anything is parsed, nothing is unpacked to disk, and its sheets
// are read as streams straight from the zip (internal/xlsxzip: rows, shared
// strings, merged ranges; excelize unpacked every part into memory and
// parsed with encoding/xml, 85% of the reading time), refused at the first
// line over ReadOptions.MaxRows. Build aggregates the lines into fine cells (unit ×
// function 项 × economic 款 × category × fund × "三公" kind), rounds each
// cell to 0.01 of the display unit by controlled rounding and sums every
// printed figure from the rounded cells, so every table adds up and the
// tables agree; Report lists the cells moved by more than half a unit and
// any total the search could not bring within one unit of its exact value
// (docs/rounding.md). IsLedger and Detect tell a ledger from the official
// workbook, for package inputs.
//
// Options.Prior is last year's disclosure, for the changes the narrative
// states (income, expenditure, 机关运行经费, the “三公”经费 and each of its
// items, 政府采购). Last year's data may be a ledger or a budget.json: load
// it with inputs.LoadFile, which recognises either by its content (a ledger
// with inputs.Options.Ledger for its details, as the CLI's --prior does),
// or build last year's ledger with Load. Options.Catalog is a region's
// function catalog (ReadCatalog) for the names of 项 a ledger leaves blank.
// Report.Notes names what the disclosure leaves blank for want of data: a
// 政府采购品目 whose kind (货物, 工程, 服务; ProcurementKindOf) cannot be
// decided, a function code nothing names.
//
// 机关运行经费 is the 公用经费 (302) of 行政 and 参公 units in the 一般公共预算
// basic expenditure.
//
// # A ledger built in code
//
// A program that holds budget lines in its own data may build a Ledger in
// Go (Info, Lines, Carryovers) and call Build without a file
// (ExampleBuild_inCode). Build first calls Ledger.Validate, which applies
// the rules Read applies to a file (the details, every line's codes, fund,
// category and unit type, every carry-over) and returns every problem at
// once as model.ParseErrors with the package's sentinels; a line without a
// Pos is named by its index (ledger.Ledger.Lines[3]: …), a detail by its
// field (ledger.Ledger.Info.Unit: …). Required: Info.Department and
// Info.Year (MinYear–MaxYear); on every line UnitCode, UnitName, UnitType,
// FuncCode, EconCode, Category, Fund and Amount (in 分). Zero values mean
// data, not "unset", for two fields: Fund 0 is 一般公共预算 and Category 0
// is 人员类, so a forgotten fund or category cannot be told from a real
// one; set both on every line. UnitType 0 is unset and refused; Info.Unit
// "" is 万元; ThreePublic TPNone takes the kind of a "三公" economic 款.
// A Carryover states a unit's 上年结转 from a fund and, with HasIncome, its
// 本年收入 (Income); Income without HasIncome is refused.
//
// Messages are written for the data, not for a command line: the CLI
// adds its flag (--department, --year, --catalog) where one would help.
package ledger

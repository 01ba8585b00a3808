// Package check verifies that every number of a department budget
// disclosure agrees with every other (表内、表间、文表勾稽) and returns what
// it finds as data.
//
// It sits after the importers in gongkai's one-way flow
//
//	importer/* → model.Disclosure → check → []model.Finding
//
// and imports only model. Disclosure never fails: a total that does not add
// up, a sentence that contradicts itself or a code the catalog does not know
// is a model.Finding with a severity, a rule id, where it is (Table, Row,
// Column, or the narrative key in Field) and a Chinese message with the
// numbers, e.g.
//
//	错误 X6 表六 合计 51.79 ≠ 表五 合计 人员类 44.54 + 公用经费 7.24 = 51.78 (差 0.01)
//
// (with these numbers the difference is within rounding and nothing is
// reported; the line only shows the format). Findings come in a fixed order:
// the ten tables in their official order, within a table by row, then by
// rule (the order of Rules()); then the narrative; then the document.
//
// # Severities
//
//   - 错误 (model.SeverityError): numbers that disagree by more than rounding
//     can explain, a broken code structure, contradictory wording (增加减少),
//     an empty-table note under a table with money or naming another fund.
//   - 警告 (model.SeverityWarning): a 类 the embedded catalog does not know,
//     a name it knows under another name (209教育支出, 医疗卫生支出 for 210),
//     编制 kinds that do not add up to 编制人数, an inconsistent unit code,
//     income labels numbered out of order, missing tables.
//   - 提示 (model.SeverityInfo): amounts stated with more than two places
//     (0.01356 万元), a zero change worded as 增加, a name cut short, a 款
//     the embedded catalog lacks (it holds every 款 of the 2025 edition, but
//     the catalog changes every year; 项 are only a sample and a 项 of a
//     known 款 is not noted). Options.Catalog
//     (a region's catalog, the CLI's --catalog) makes the codes it holds
//     known; a 项 neither catalog holds stays a 提示.
//
// The CLI exits 1 when HasErrors (or, with --strict, any warning: Failed).
//
// # Rounding tolerance
//
// Amounts are kept in 元 upstream and published in 万元 rounded half away
// from zero to two places; every total is rounded from the exact values, not
// summed from the rounded parts (spec/forms.md §3.6). So a displayed amount
// d stands for an exact value e with |d − e| ≤ h, where h is half a unit of
// its last place: h = 0.005 for two places. An amount stated with more
// places carries its own, smaller h (0.01356 → 0.000005); one stated with
// fewer places is taken at two (narratives strip trailing zeros: "4.8" is
// 4.80). A blank table cell is a displayed zero and carries h = 0.005 too.
//
// An identity Σ left = Σ right that holds for the exact values can therefore
// be off by at most the sum of h over every term on both sides. That is the
// tolerance: a row total against n parts may differ by up to
// 0.005·n + 0.005 (four parts: 0.025), a 合计 against 27 function rows by up
// to 0.14. Within it nothing is reported (V5 231.80 vs 231.79, V6 218.92 vs
// 218.93, V7 296.02 vs 296.01); beyond it the finding is an error. When one
// single amount is compared with another single amount (表五 合计 vs 表四 本年
// 支出合计, a narrative figure vs its table cell), both are roundings of the
// same exact value, so they must be equal once the more precise one is
// rounded to the places of the other (0.13356 agrees with 0.13, 0.12 does not
// agree with 0.13). Percentages (N5, N9) are accepted when some exact values
// within the half units of amount and base give the stated percentage after
// rounding to its places. Options.Exact turns all tolerance off.
//
// # Rules
//
// Inside tables: R-ROW (row total = its columns), R-SUB (合计, 科室, 部门,
// 单位, 表六 类 rows = Σ their children; 表一/表四 支出类别分类 and its blocks),
// R-FIX (the fixed rows of 表一/表四: 本年收入合计, 收入总计, 本年支出合计 =
// Σ function rows, 支出总计 = 本年支出合计 + 结转下年), R-BAL (收入总计 =
// 支出总计, also per fund in 表四). Across tables: X1–X12 of spec/forms.md §5;
// when a table needed by a rule is absent, or a table gives only its totals,
// the rule says nothing. X2/X3 compare 表三 (all funds) with 表一, or with 表四
// when 表二/表一 show no 财政专户 or 单位资金 money. Narrative: N1–N11 (N12,
// the project sheet, is not held by the model). Codes: C-FUNC, C-ECON, C-MIX,
// C-NAME, C-UNIT, C-LABEL against the catalog in catalog.tsv, built from
// spec/classification.md; 表四 printing 部门 names with 5xx codes
// (501工资福利支出) is accepted as the spec describes; a function class that
// the table's fund does not use (201 in 表十) is a warning. Empty tables: E-NOTE.
// X13: 表六 30217 公务接待费 ≤ 表七 合计 公务接待费. A detail row with a 3- or
// 5-digit function code where the 7-digit 项 belongs is a C-FUNC error.
// Values (by reflection over every field, so new fields are covered): NEG, an
// amount below zero other than a change (an error for 三公, a warning
// elsewhere); PREC, table amounts with more than two places (a warning, one
// finding per table) and narrative ones (a note); TEXT, control, bidi
// (error) and invisible (warning) characters in names and other text.
// Completeness: T-MISS. Zero values: D-META (no department, year or unit, or
// nothing to check; a warning when every stated amount is 0, as in a blank
// template read back) and R-LEVEL (table rows without a level, whose
// subtotals could not be checked). Rules() lists them all. One finding lists at most
// ten terms or items and counts the rest (“… 另有 990 项”).
//
// JSON for other programs is plain encoding/json of []model.Finding.
package check

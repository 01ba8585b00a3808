// Package text reads a budget disclosure (部门预算公开) published as plain
// text — a web page, a PDF run through text extraction or OCR, a Word file
// saved as text — back into gongkai's model.
//
// It is one of the importers in gongkai's one-way flow:
//
//	text (.txt) → importer/text → model.Disclosure (+ Figures, Unread, Findings) → check → templates → exporters
//
// PDF files, saved web pages and Word files reach it through
// importer/published, which turns them into text lines with tables as
// tab-separated cells (package inputs chooses by content).
//
// Parse decodes the bytes (UTF-8 with or without BOM, UTF-16 LE/BE with a
// BOM or recognised by its NUL bytes, GB18030/GBK), splits lines on LF, CRLF
// or CR, and normalises full-width digits, letters and ％，：（）．, odd
// spaces (NBSP, U+3000), thousands separators (1,270.82) and characters
// spaced out by PDF extraction (政 府 采 购), keeping the source line of
// every figure. It finds the department and year (title "…YYYY年部门预算公开",
// "…部门预算", titles of other regions such as "…2022年“三公”经费预算情况" or
// "关于2022区政务办…预算的说明", a 预算主管部门： line, or the 概况 heading;
// a year after 比/较/与 or in a cited regulation is never the budget year)
// and the unit (万元 or 元, as stated; a document in 元 stays in 元).
//
// The wording of other regions is read from tables of phrase patterns
// (topicWords, subjectPatterns, itemPatterns, threePublicPhrases,
// procurementPhrases …): a change clause names its own subject (项目支出与上年
// 持平, 一般公共预算拨款增加…), 类 names inside the 支出预算 sentence, 三公 item
// sub-headings, Shanghai's numbered 项 list (expenditure.items[…]). A new
// wording should be a new row there.
//
// Narrative figures go into model.Narrative under the keys of the issue
// (income.total, expenditure.by_category[人员类项目支出],
// operating_costs.items[3], three_public.reception_change …); Narrative.Lines
// records each key's line and Narrative.Words the change words as stated.
// Every figure is also a model.Figure, including figures that have no field
// in the model (their keys say what they are, e.g. three_public.abroad_change,
// expenditure.by_category[基本支出].share). A figure is placed only with its
// unit (万元/元, %, 人, 个, 件（套）, 辆 …); a number cut off before its unit
// is not guessed.
//
// Tables given as text — tab-separated, markdown pipes, or one cell per
// line — are recognised by their titles and mapped column by column from
// their header words, not by position. Cells are kept as stated: a blank
// cell is a blank amount, "0.00" is zero, codes are text. A name column is
// read with the code column beside it (the 2023 表三 header swaps two names;
// the data do not). One-cell-per-line text loses blank cells; a table whose
// rows then cannot be placed is not read at all and every row is listed as
// unread.
//
// The Shanghai tables 表1–8 (spec shanghai-forms.md: 财务收支预算总表,
// 收入预算总表, 支出预算总表, 财政拨款收支预算总表, the three 功能分类预算表
// and the 经济分类预算表) are read from the shanghai profile
// (profiles.Open("shanghai")): a table is known by its title, by 类 and 款
// code columns, or (表4, whose title Hubei shares) by a header that is the
// profile's; its amount columns are the profile's leaf columns, found by
// their header words in the profile's order under the profile's group word
// (收入预算, 一般公共预算基本支出 …), and fill the model fields the profile
// prints (fiscal, business, operating, other of 表2; basic, project of 表3,
// 5, 6, 7; personnel, public of 表8; 表1 and 表4 by the profile's income
// labels and footer labels). The 类|款|项 cells combine into the 7-digit
// function code (201 05 07 → 2010507; 表8's 类|款 into 30101), a merged 合计
// cell may stand in the code columns, amounts may carry thousands
// separators, a （续） page adds its rows to the table, and the 合计 row
// printed last becomes the model's first row. 表1 and 表4 print no codes:
// their function lines get the codes of the 类 rows of 表2–7, and their
// year totals are the 收入总计 / 支出总计 the layout prints. Tab-separated
// and pipe text (what PDF, web page and Word extraction gives) is read
// column by column; space-aligned and one-cell-per-line text only when
// every row has its code cells, its name and all its amounts (表1 and 表4
// never: their blank cells cannot be placed). Tab text that drops blank
// cells (each stated cell followed by a tab) is read by kind: in 表2–8 the
// amounts are a row's last cells; in 表1 and 表4 an income label of the
// profile takes the amount after it and a function class its amounts, only
// when all of them or none are stated. Income labels match the profile's
// after the ordinal, or uniquely by their beginning (1. 一般公共预算). Any row that cannot be
// placed — a lost blank cell, columns in another order than the profile's,
// a number in the name column, an unreadable （续） page — leaves the whole
// table unread with P7 and its rows listed as unread. 表9 is 表七 (三公):
// printed in 万元 after tables in 元, its amounts are converted exactly to
// 元 (×10000) as the model keeps them, and its 机关运行经费 goes to
// narrative.operating_costs.total in the narrative's unit (the field the
// profile prints there; a narrative that states another value keeps its
// own, P2). A 表9 with a numbered column that no header word names (a header
// wrapped over lines) is not read at all (P7): its other columns could hold
// the wrong items.
//
// Nothing is dropped silently: Result.Unread lists every sentence or table
// line holding a number that no rule read (years of the budget and dates
// around a read figure excepted), with its line.
//
// Findings are problems of the text itself; whether numbers agree with each
// other is the check package's job:
//
//	P1 error    a change stated with contradictory words (增加减少), or an
//	            amount change and its percentage in opposite directions
//	P2 warning  one figure stated twice with different values (the first is
//	            kept; the message names both lines)
//	P3 warning  unit unclear: 万元 and 元 mixed, tables and text in different
//	            units, or no unit at all (nothing is converted)
//	P4 info     a zero change worded 增加/减少 (较上年增加0万元)
//	P5 info     typography: % and ％ mixed, spaces between numbers and units
//	P6 info     a table header word contradicts the column order of the data
//	P7 warning  a table or column that could not be read (listed as unread)
//	P8 error    department, year or unit not found, or nothing of a disclosure at all
//	            (the model then cannot be exported until they are added)
//	P9 warning  the file mixes encodings: GB18030 with some lines in UTF-8 (each
//	            line is read in its own encoding; the message lists the lines)
package text

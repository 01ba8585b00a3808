// Package narrative writes the text of a budget disclosure — 概况, 情况说明
// and 名词解释 — from the model, and lays out the whole document (cover,
// 目录, the parts, the tables) for the exporters.
//
// Its place in the flow:
//
//	model.Disclosure ─► narrative (+ templates for the tables) ─► layout.Document ─► exporters
//
// Every figure comes from the model: this year's amounts from the tables
// (表一, 表三, 表六, 表七, 表九) where they are given, else from the
// narrative figures; the prior year from the narrative figures (上年, or this
// year less the stated change). Change words (增加/减少/持平) and
// percentages are computed, never copied; the function classes are listed
// with shares that add up to exactly 100.00% (largest-remainder rounding).
// A figure the model does not hold is left out of its sentence, never
// written as 0; a missing reason for a change is left out too, and Generate
// returns a 提示 finding that names it.
//
// The wording is data: one Go text/template file per style (styles/*.tmpl,
// embedded; a directory of *.tmpl files adds or replaces styles). A style's
// output is plain lines:
//
//	= 第一部分 …        a part
//	# 一、…             a section heading
//	## （一）…          a sub-heading
//	@tables             the ten tables go here
//	any other line      a paragraph
package narrative

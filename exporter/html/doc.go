// Package html writes the tables of a layout.Document as semantic HTML
// tables, in their official layout, for a web page to show: the preview of
// the web server and the whole-document page are built on it.
//
// Its place in gongkai's one-way flow:
//
//	model → templates → layout.Document → exporter/html → HTML fragment
//
// It imports only layout and draws what the templates decided. Each sheet
// becomes one <section> holding a <table>:
//
//   - <caption> with the title and the units line (单位：万元);
//   - <thead> with the header grid exactly as laid out: every header cell a
//     <th scope="col"> (scope="colgroup" where it spans columns) with its
//     rowspan and colspan, holes in the grid filled with empty cells so that
//     the browser's table model places every cell where the layout says; the
//     column-number row (1 2 3 …) as plain cells of class gk-colno;
//   - <tbody> with one <tr> per row, its level (gk-level-N) and emphasis
//     (gk-bold) as classes, the row's first name cell as <th scope="row">,
//     amounts and counts right-aligned (gk-num), codes kept as text, a
//     merged cell as colspan, an empty cell as an empty <td>;
//   - the notes under the table as <p class="gk-note">.
//
// The fragment carries no inline style and no script, so a page that embeds
// it can forbid both in its Content-Security-Policy; Stylesheet returns the
// CSS for the classes it uses. Output is deterministic.
package html

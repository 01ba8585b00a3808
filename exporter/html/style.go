package html

// Stylesheet returns the CSS for the classes Write uses: thin borders on
// every grid cell, a centred bold title, the units line on the right, bold
// centred headers, amounts right-aligned in tabular figures, names indented
// by level, bold rows. A page serves it as a file or puts it in its own
// <style> element.
func Stylesheet() string { return stylesheet }

const stylesheet = `.gk-sheet{margin:1.5em 0;overflow-x:auto}
.gk-heading{font-size:1.2em;margin:0 0 .5em}
.gk-table{border-collapse:collapse;font-size:14px;line-height:1.4;background:#fff;color:#000}
.gk-table caption{caption-side:top;padding-bottom:.3em}
.gk-title{display:block;font-size:1.4em;font-weight:bold;text-align:center;padding-bottom:.3em}
.gk-unit{display:block;text-align:right}
.gk-table th,.gk-table td{border:1px solid #000;padding:.2em .5em;vertical-align:middle}
.gk-table thead th{text-align:center;font-weight:bold}
.gk-table thead td{text-align:center}
.gk-colno td{font-weight:normal}
.gk-num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.gk-code{text-align:left;white-space:nowrap}
.gk-table tbody th{font-weight:normal;text-align:left}
.gk-table .gk-left{text-align:left}
.gk-table .gk-center{text-align:center}
.gk-table .gk-right{text-align:right}
.gk-table tbody .gk-bold th,.gk-table tbody .gk-bold td{font-weight:bold}
.gk-level-2 .gk-name{padding-left:1.5em}
.gk-level-3 .gk-name{padding-left:2.5em}
.gk-level-4 .gk-name{padding-left:3.5em}
.gk-note{font-size:.9em;margin:.4em 0}
@media print{.gk-sheet{break-inside:avoid-page}}
`

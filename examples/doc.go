// Package examples bundles the example disclosures of gongkai as JSON in
// the input format of importer/jsonin (docs/input-format.md):
//
//   - tianmen-12345-2023.json: the 2023 disclosure of 天门市12345公共服务热线中心
//     with all ten tables and the narrative; it passes every check. It is
//     what `gongkai sample` prints.
//   - tianmen-12345-2026.json: the 2026 disclosure of the same unit, built
//     only from what its narrative states; rows the narrative does not fix
//     are absent.
//   - shanghai-wanli-2025.json: the 2025 district budget of 上海市普陀区万里街道办事处
//     in 元, with the figures its nine published tables state (表9 in 万元,
//     written in 元) and its narrative figures in 万元; export it with the
//     shanghai profile (gongkai export --profile shanghai).
//
// It stands at the very start of the flow
//
//	examples → importer/jsonin → model → check → templates → layout → exporter
//
// and imports nothing: the files are plain bytes, embedded with go:embed.
package examples

package xlsx

import (
	"bytes"
	"encoding/xml"
	"time"

	"github.com/xuri/excelize/v2"
)

// setCoreProperties writes docProps/core.xml itself rather than through
// excelize's SetDocProps, which writes lastModifiedBy without the cp: prefix
// (valid XML in the default namespace, but ExcelJS, the most used JavaScript
// workbook library, refuses the whole file). Every element carries the
// prefix Excel itself writes (cp:, dc:, dcterms:), which every reader tried
// accepts: Excel, LibreOffice, openpyxl, SheetJS, ExcelJS and excelize.
func setCoreProperties(f *excelize.File, title, subject, author string, date time.Time) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"` +
		` xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	elem := func(name, text string) {
		if text == "" {
			return
		}
		b.WriteString("<" + name + ">")
		xml.EscapeText(&b, []byte(text))
		b.WriteString("</" + name + ">")
	}
	elem("dc:title", title)
	elem("dc:subject", subject)
	elem("dc:creator", author)
	elem("cp:lastModifiedBy", author)
	elem("dc:language", "zh-CN")
	stamp := date.UTC().Format(time.RFC3339)
	b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:created>`)
	b.WriteString(`<dcterms:modified xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:modified>`)
	b.WriteString(`</cp:coreProperties>`)
	f.Pkg.Store("docProps/core.xml", b.Bytes())
}

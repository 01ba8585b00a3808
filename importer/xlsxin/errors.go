package xlsxin

import "errors"

// Errors returned (wrapped in *Error) when a workbook cannot be read at all.
var (
	// ErrEncrypted: the workbook has an open password (an encrypted OLE
	// container).
	ErrEncrypted = errors.New("工作簿设有打开密码（已加密），无法读取：请在 Excel 或 WPS 中取消密码后另存为 .xlsx")
	// ErrNotWorkbook: the data is not an XLSX workbook.
	ErrNotWorkbook = errors.New("不是 .xlsx 工作簿")
	// ErrTooLarge: the parts of the workbook unzip to more than the limit
	// (a zip bomb or a huge shared-string table).
	ErrTooLarge = errors.New("工作簿解压后超过大小上限")
	// ErrTooManyRows: a sheet has more rows than Options.MaxRows.
	ErrTooManyRows = errors.New("工作表行数超过上限")
	// ErrDTD: a part of the workbook declares a DTD or entities (an XML
	// bomb); Excel, WPS and LibreOffice never write one.
	ErrDTD = errors.New("工作簿的 XML 含有 DTD 或实体定义（Excel 不会写出这样的文件，可能是 XML 炸弹），拒绝读取")
	// ErrNoTables: no sheet of the workbook holds one of the tables.
	ErrNoTables = errors.New("工作簿中没有找到公开表（按各表标题查找）")
)

// Error is a workbook that cannot be read, with where: the file, and the
// sheet when known.
type Error struct {
	File  string
	Sheet string
	Err   error
}

func (e *Error) Error() string {
	s := "importer/xlsxin: "
	pos := e.File
	if e.Sheet != "" {
		if pos != "" {
			pos += " "
		}
		pos += e.Sheet
	}
	if pos != "" {
		s += pos + ": "
	}
	return s + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

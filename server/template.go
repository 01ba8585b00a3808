package server

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gongkai/exporter/xlsx"
	"gongkai/model"
	"gongkai/templates"
)

// handleTemplate sends the blank official workbook to fill (as 'gongkai
// template' writes it): ?profile=NAME&year=2027&department=某某局&unit=万元,
// every parameter optional.
func (s *Server) handleTemplate(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	prof, _, err := profileByName(strings.TrimSpace(q.Get("profile")))
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	year := 0
	if v := strings.TrimSpace(q.Get("year")); v != "" {
		year, err = strconv.Atoi(v)
		if err != nil || year < 1990 || year > 2200 {
			s.failErr(w, r, &requestError{"年度“" + v + "”不是预算年度（应为 1990 到 2200 之间的年份，如 2027）"})
			return
		}
	}
	dept := strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return -1
		}
		return r
	}, strings.TrimSpace(q.Get("department")))
	if utf8.RuneCountInString(dept) > 100 {
		s.failErr(w, r, &requestError{"部门名称太长（最多 100 个字）"})
		return
	}
	unit := strings.TrimSpace(q.Get("unit"))
	if unit == "" {
		unit = model.UnitWanYuan
	}
	if unit != model.UnitWanYuan && unit != model.UnitYuan {
		s.failErr(w, r, &requestError{"金额单位应为 万元 或 元"})
		return
	}
	var buf bytes.Buffer
	err = s.convert(r.Context(), func() error {
		d := &model.Disclosure{Department: dept, Year: year, Unit: unit}
		doc, err := templates.Blank(d, templates.Options{Profile: prof}, templates.BlankOptions{})
		if err != nil {
			return &inputError{err}
		}
		return xlsx.Write(&buf, doc, xlsx.Options{})
	})
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	name := dept
	if year != 0 {
		name += strconv.Itoa(year) + "年"
	}
	name = baseName(name + "部门预算公开表填报模板.xlsx")
	f, _ := formatByKey("xlsx")
	sendFile(w, buf.Bytes(), f, name)
}

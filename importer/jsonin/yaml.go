package jsonin

import "gongkai/model"

// readYAML is not supported in this build.
func readYAML(b []byte, name string) (*model.Disclosure, error) {
	return nil, model.ParseErrors{{File: name, Err: newProblem(model.ErrUnsupported, "不支持 YAML 输入，请转换为 JSON (YAML input is not supported; convert the file to JSON)")}}
}

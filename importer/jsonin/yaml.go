package jsonin

import "gongkai/model"

// readYAML is not supported in this build.
func readYAML(b []byte, name string) (*model.Disclosure, error) {
	return nil, model.ParseErrors{{File: name, Err: newProblem(model.ErrUnsupported, "YAML input is not supported; convert the file to JSON")}}
}

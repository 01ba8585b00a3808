package profiles

import (
	"embed"
	"fmt"
	"path"
	"sort"
	"strings"
	"sync"
)

//go:embed *.yaml
var embedded embed.FS

// DefaultName is the profile used when none is chosen.
const DefaultName = "hubei"

var (
	loadOnce sync.Once
	loaded   map[string]*Profile
	loadErr  error
)

func loadEmbedded() {
	loaded = map[string]*Profile{}
	entries, _ := embedded.ReadDir(".")
	for _, e := range entries {
		b, err := embedded.ReadFile(e.Name())
		if err != nil {
			loadErr = err
			return
		}
		p, err := Parse(e.Name(), b)
		if err != nil {
			loadErr = fmt.Errorf("profiles: embedded profile is invalid: %w", err)
			return
		}
		loaded[strings.TrimSuffix(e.Name(), path.Ext(e.Name()))] = p
	}
}

// Names lists the embedded profiles, sorted.
func Names() []string {
	loadOnce.Do(loadEmbedded)
	var out []string
	for n := range loaded {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Embedded returns the embedded profile name (hubei, shanghai …). The
// profile is shared: treat it as read-only.
func Embedded(name string) (*Profile, error) {
	loadOnce.Do(loadEmbedded)
	if loadErr != nil {
		return nil, loadErr
	}
	p, ok := loaded[name]
	if !ok {
		return nil, fmt.Errorf("%w: %q（内置版式 embedded: %s；或一个 .yaml 文件 or a .yaml file）", ErrUnknownProfile, name, strings.Join(Names(), ", "))
	}
	return p, nil
}

// Default returns the default profile (hubei).
func Default() *Profile {
	p, err := Embedded(DefaultName)
	if err != nil {
		panic(err) // the embedded files are tested
	}
	return p
}

// Source returns the YAML text of the embedded profile name, as a user
// would start a file of their own from it.
func Source(name string) ([]byte, error) {
	b, err := embedded.ReadFile(name + ".yaml")
	if err != nil {
		return nil, fmt.Errorf("%w: %q（内置版式 embedded: %s；或一个 .yaml 文件 or a .yaml file）", ErrUnknownProfile, name, strings.Join(Names(), ", "))
	}
	return b, nil
}

// Open returns the embedded profile nameOrFile, or, when it names a file
// (it ends in .yaml or .yml, or contains a path separator), the profile read
// from that file.
func Open(nameOrFile string) (*Profile, error) {
	if nameOrFile == "" {
		return Default(), nil
	}
	ext := strings.ToLower(path.Ext(nameOrFile))
	if ext == ".yaml" || ext == ".yml" || strings.ContainsAny(nameOrFile, `/\`) {
		return LoadFile(nameOrFile)
	}
	return Embedded(nameOrFile)
}

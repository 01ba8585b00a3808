// Package testenv finds the material tests read from outside the module:
// the shared reference folder that sits beside the repository root
// (../shared), with the seed disclosures in ../shared/seeds.
package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Root returns the module root (the folder holding go.mod), found by walking
// up from the test's working directory.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("testenv: module root (go.mod) not found above the working directory")
		}
		dir = parent
	}
}

// SharedDir returns ../shared beside the module root, or skips the test with
// a message when it is absent.
func SharedDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(Root(t), "..", "shared")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("skipped: the shared reference folder is not beside the repository (%v)", err)
	}
	return dir
}

// Seed returns the path of a seed disclosure in ../shared/seeds, or skips the
// test when it is absent.
func Seed(t testing.TB, name string) string {
	t.Helper()
	p := filepath.Join(SharedDir(t), "seeds", name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("skipped: seed %s not found (%v)", name, err)
	}
	return p
}

// NodeTool returns the node program and the path of script in tools/js,
// after checking that the npm packages it needs are installed in
// tools/js/node_modules (by `make deps`); otherwise it skips the test with
// the reason.
func NodeTool(t testing.TB, script string, packages ...string) (node, path string) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("skipped: node is not installed (make deps installs it with the Debian package nodejs)")
	}
	dir := filepath.Join(Root(t), "tools", "js")
	for _, p := range packages {
		if _, err := os.Stat(filepath.Join(dir, "node_modules", p, "package.json")); err != nil {
			t.Skipf("skipped: npm package %s is not installed in tools/js (run make deps)", p)
		}
	}
	return node, filepath.Join(dir, script)
}

// LibreOfficeResave returns data, a workbook named name, as LibreOffice
// saves it again (opened and written by soffice --headless, as a user's
// office suite would). The test is skipped, with the reason, when soffice
// is not installed (make deps installs libreoffice-calc) or with -short
// (LibreOffice takes a few seconds).
func LibreOfficeResave(t testing.TB, name string, data []byte) []byte {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice (LibreOffice) not installed; make deps installs libreoffice-calc")
	}
	if testing.Short() {
		t.Skip("LibreOffice takes a few seconds; skipped with -short")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, name)
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "lo")
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, in)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	saved, err := os.ReadFile(filepath.Join(out, name))
	if err != nil {
		t.Fatal(err)
	}
	return saved
}

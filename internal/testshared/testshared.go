// Package testshared finds the read-only ../shared data folder for tests: it skips a test when the folder is absent and fails it when CI=true.
package testshared

import (
	"os"
	"path/filepath"
	"testing"
)

// Root returns the directory holding go.mod, found from the working directory.
func Root(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
}

// Path returns ../shared/<rel> (rel may be empty for the folder itself).
// Where it does not exist the test is skipped with a clear message, or
// failed when the environment says CI=true.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	p := filepath.Join(Root(tb), "..", "shared", rel)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("CI=true and shared data %s is missing: %v", p, err)
		}
		tb.Skipf("shared data %s is missing (../shared is not beside the repository); skipping", p)
	}
	return p
}

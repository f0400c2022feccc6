// Package pgtest starts a throwaway PostgreSQL server on loopback for tests, installing Debian's postgresql when it is missing.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Server is a running PostgreSQL server owned by a test.
type Server struct {
	// DSN connects to the server's postgres database as its superuser.
	DSN     string
	host    string
	port    int
	user    string
	counter atomic.Int64
}

// binDir finds the newest installed PostgreSQL server binaries.
func binDir() string {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool {
		vi, _ := strconv.Atoi(filepath.Base(filepath.Dir(dirs[i])))
		vj, _ := strconv.Atoi(filepath.Base(filepath.Dir(dirs[j])))
		return vi > vj
	})
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "pg_ctl")); err == nil {
			return d
		}
	}
	return ""
}

// install runs apt-get install postgresql; it needs root.
func install() error {
	for _, args := range [][]string{{"update"}, {"install", "-y", "--no-install-recommends", "postgresql"}} {
		cmd := exec.Command("apt-get", args...)
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("apt-get %v: %v\n%s", args, err, out)
		}
	}
	return nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// ErrUnavailable is returned by Launch when PostgreSQL cannot be installed or started here.
var ErrUnavailable = errors.New("pgtest: PostgreSQL unavailable")

// Start launches a server for one test and stops it when the test ends.
// When PostgreSQL cannot be had the test is skipped, or fails when CI=true.
func Start(t testing.TB) *Server {
	t.Helper()
	s, stop, err := Launch(t.Logf)
	if errors.Is(err, ErrUnavailable) && os.Getenv("CI") != "true" {
		t.Skipf("%v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	return s
}

// Main runs a test binary's tests with one shared server; tests call
// Shared to get it. Use it from TestMain: os.Exit(pgtest.Main(m)).
func Main(m *testing.M) int {
	s, stop, err := Launch(func(f string, a ...any) { fmt.Fprintf(os.Stderr, f+"\n", a...) })
	if err != nil {
		shared.err = err
	} else {
		shared.srv = s
		defer stop()
	}
	return m.Run()
}

var shared struct {
	srv *Server
	err error
}

// Shared returns the server started by Main, skipping the test when
// PostgreSQL is unavailable (failing it when CI=true).
func Shared(t testing.TB) *Server {
	t.Helper()
	if shared.srv != nil {
		return shared.srv
	}
	if shared.err == nil {
		t.Fatal("pgtest: Shared called without pgtest.Main in TestMain")
	}
	if errors.Is(shared.err, ErrUnavailable) && os.Getenv("CI") != "true" {
		t.Skipf("%v", shared.err)
	}
	t.Fatal(shared.err)
	return nil
}

// Launch initialises a cluster in a temporary directory and starts it on a
// free loopback port with its socket in that directory; stop shuts it down
// and removes the directory.
func Launch(logf func(string, ...any)) (s *Server, stop func(), err error) {
	bin := binDir()
	if bin == "" {
		logf("pgtest: postgresql not found, installing it with apt-get")
		if err := install(); err != nil {
			return nil, nil, fmt.Errorf("%w: cannot install postgresql: %v", ErrUnavailable, err)
		}
		if bin = binDir(); bin == "" {
			return nil, nil, fmt.Errorf("%w: postgresql installed but no /usr/lib/postgresql/*/bin/pg_ctl", ErrUnavailable)
		}
	}
	// initdb refuses to run as root, so run the server as the postgres user.
	var cred *syscall.Credential
	dbUser := "postgres"
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			return nil, nil, fmt.Errorf("%w: running as root and there is no postgres user: %v", ErrUnavailable, err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
	} else if u, err := user.Current(); err == nil {
		dbUser = u.Username
	}
	dir, err := os.MkdirTemp("", "egret-pgtest-")
	if err != nil {
		return nil, nil, err
	}
	cleanup := func() { os.RemoveAll(dir) }
	if cred != nil {
		if err := os.Chown(dir, int(cred.Uid), int(cred.Gid)); err != nil {
			cleanup()
			return nil, nil, err
		}
	}
	run := func(name string, args ...string) error {
		cmd := exec.Command(filepath.Join(bin, name), args...)
		cmd.Dir = dir
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
		out, err := cmd.CombinedOutput()
		if err != nil {
			return fmt.Errorf("%s %v: %v\n%s", name, args, err, out)
		}
		return nil
	}
	data := filepath.Join(dir, "data")
	if err := run("initdb", "-D", data, "-U", dbUser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"); err != nil {
		cleanup()
		return nil, nil, fmt.Errorf("pgtest: %v", err)
	}
	port, err := freePort()
	if err != nil {
		cleanup()
		return nil, nil, err
	}
	// Durability settings off: these servers hold throwaway test data.
	opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -p %d -k %s -c fsync=off -c synchronous_commit=off -c full_page_writes=off", port, dir)
	if err := run("pg_ctl", "-D", data, "-l", filepath.Join(dir, "log"), "-o", opts, "-w", "-t", "60", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		cleanup()
		return nil, nil, fmt.Errorf("pgtest: %v\n%s", err, log)
	}
	stop = func() {
		if err := run("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"); err != nil {
			logf("pgtest: stop: %v", err)
		}
		cleanup()
	}
	s = &Server{host: "127.0.0.1", port: port, user: dbUser}
	s.DSN = s.dsn("postgres")
	return s, stop, nil
}

func (s *Server) dsn(db string) string {
	return fmt.Sprintf("postgres://%s@%s:%d/%s?sslmode=disable", s.user, s.host, s.port, db)
}

// NewDatabase creates an empty database and returns its DSN.
func (s *Server) NewDatabase(t testing.TB) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, s.DSN)
	if err != nil {
		t.Fatalf("pgtest: connect: %v", err)
	}
	defer conn.Close(ctx)
	name := fmt.Sprintf("egret_test_%d", s.counter.Add(1))
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("pgtest: create database: %v", err)
	}
	return s.dsn(name)
}
